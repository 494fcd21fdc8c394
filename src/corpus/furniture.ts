/**
 * Page furniture: lines a scraped news page carries that are not the story
 * (ads, share buttons, comment prompts, "Related article" teasers, repost
 * credits). Applied to every article; per-article oddities go in the
 * article's `body.dropLines` instead.
 */
const FURNITURE_PATTERNS: readonly RegExp[] = [
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

export function isFurniture(line: string): boolean {
  const trimmed = line.trim();
  return FURNITURE_PATTERNS.some((pattern) => pattern.test(trimmed));
}
