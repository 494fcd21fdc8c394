/**
 * Page furniture: lines a scraped news page carries that are not the story
 * (ads, share buttons, comment prompts, "Related article" teasers, repost
 * credits). Applied to every article; per-article oddities go in the
 * article's `body.dropLines` instead.
 */
export const FURNITURE_PATTERNS: readonly RegExp[] = [
  /^Advertisement$/i,
  /^Related articles?:/i,
  /^Share On \w+/i,
  /^(Show|Hide) Buttons$/i,
  /^No comments/i,
  /^(Post a Comment|Leave a Comment|Post)$/i,
  /^All fields are required\./i,
  /^Click (to|here)\b/i,
  /^Copyright ©/i,
  /^View the original content/i,
  /^via IFTTT$/i,
  /^from .+ https?:\/\/\S+$/i,
  /^Get more with myNEWS$/i,
  /^A personalised news feed/i,
  /^Learn more$/i,
  // Share bars, newsletter prompts and "read more" teasers of other pages.
  /^Share (this|the) (article|story|page|post)\b/i,
  /^(Share|Tweet|Email|Print|Pin it|WhatsApp|Facebook|Twitter|LinkedIn|Reddit)$/i,
  /^(Sign up|Subscribe) (for|to)\b/i,
  /^Read (more|next|also):/i,
  /^Follow us\b/i,
];

/** All of them as one expression: one test per line instead of twenty (every line of every article is tested). */
const ANY_FURNITURE = new RegExp(FURNITURE_PATTERNS.map((pattern) => `(?:${pattern.source})`).join('|'), 'i');

export function isFurniture(line: string): boolean {
  return ANY_FURNITURE.test(line.trim());
}
