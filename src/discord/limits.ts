/**
 * Discord's message limits, as named constants, and the helpers that keep
 * every payload inside them: a rejected message is a lost answer.
 * https://discord.com/developers/docs/resources/message#embed-object-embed-limits
 */
export const DISCORD_LIMITS = {
  content: 2000,
  embedTitle: 256,
  embedDescription: 4096,
  embedFields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footerText: 2048,
  authorName: 256,
  /** Sum of all embed text in one message. */
  embedsTotal: 6000,
  embedsPerMessage: 10,
  componentsPerRow: 5,
  actionRows: 5,
  buttonLabel: 80,
  customId: 100,
  selectOptions: 25,
  selectOptionLabel: 100,
  selectOptionDescription: 100,
  autocompleteChoices: 25,
  choiceName: 100,
  choiceValue: 100,
} as const;

export const ELLIPSIS = '…';

/**
 * Cuts text to at most `max` characters, at a word boundary when one is near,
 * ending with "…". Counts UTF-16 code units like Discord, and never splits a
 * surrogate pair.
 */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= ELLIPSIS.length) return ELLIPSIS.slice(0, max);
  let cut = max - ELLIPSIS.length;
  const code = text.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut -= 1; // don't leave half an emoji
  const head = text.slice(0, cut);
  const boundary = head.search(/\s+\S*$/);
  // Prefer a word boundary unless it throws away more than a fifth of the room.
  const kept = boundary > cut * 0.8 ? head.slice(0, boundary) : head;
  return `${kept.trimEnd()}${ELLIPSIS}`;
}

/**
 * Splits text into chunks of at most `max` characters, preferring paragraph,
 * then line, then word boundaries. Concatenating the chunks (with the
 * boundaries) gives back the text's words in order.
 */
export function splitText(text: string, max: number): string[] {
  const chunks: string[] = [];
  let rest = text.trim();
  while (rest.length > max) {
    const window = rest.slice(0, max + 1);
    let cut = Math.max(window.lastIndexOf('\n\n'), window.lastIndexOf('\n'));
    if (cut < max * 0.5) cut = window.lastIndexOf(' ');
    if (cut <= 0) cut = max; // one word longer than a chunk: cut it
    chunks.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).trimStart();
  }
  if (rest.length > 0) chunks.push(rest);
  return chunks;
}
