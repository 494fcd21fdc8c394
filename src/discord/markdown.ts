/**
 * Answer text is plain text (some of it echoes what a user typed), so every
 * piece is escaped before the renderer adds its own markdown: no user can
 * smuggle a masked link, a spoiler or a fake heading into the bot's message.
 */
import { truncate } from './limits.js';

const INLINE = /[\\*_~`|[\]<>]/g;
const HAS_INLINE = /[\\*_~`|[\]<>]/;
/** Block markup only means something at the start of a line. */
const LINE_START = /^(\s*)(#|-|\d+(?=\.\s))/gm;
/** What makes `^` match past position 0 in multiline mode, and what `\s*` would skip at the start. */
const MULTILINE_OR_INDENTED = /[\n\r\u2028\u2029]|^\s/;
const NUMBERED = /^\d+\.\s/;

/**
 * Escapes inline markup, then block markup at line starts. Every piece of
 * every reply passes through here, so the common cases skip the regex
 * replaces: nothing to escape inline, and a single line not starting with
 * whitespace, where only its first character can be block markup. The result
 * is the same as the two replaces alone (test/discord/markdown.test.ts).
 */
export function escapeMarkdown(text: string): string {
  const escaped = HAS_INLINE.test(text) ? text.replace(INLINE, '\\$&') : text;
  if (MULTILINE_OR_INDENTED.test(escaped)) return escaped.replace(LINE_START, '$1\\$2');
  const first = escaped.charCodeAt(0);
  const marked = first === 0x23 /* # */ || first === 0x2d /* - */ || (first >= 0x30 && first <= 0x39 && NUMBERED.test(escaped));
  return marked ? `\\${escaped}` : escaped;
}

/** Inline code can't escape a backtick: drop them instead. */
export function inlineCode(text: string): string {
  return `\`${text.replace(/`/g, "'")}\``;
}

/**
 * Fits lines into `max` characters: whole lines while they fit, then the next
 * one cut at a word boundary when there is room worth using, else a lone "…".
 */
export function fitLines(lines: readonly string[], max: number): { text: string; complete: boolean } {
  let text = '';
  for (const [index, line] of lines.entries()) {
    const joined = index === 0 ? line : `${text}\n${line}`;
    if (joined.length <= max) {
      text = joined;
      continue;
    }
    const room = max - (index === 0 ? 0 : text.length + 1);
    if (room >= 40) return { text: index === 0 ? truncate(line, room) : `${text}\n${truncate(line, room)}`, complete: false };
    if (text.length + 2 <= max) return { text: index === 0 ? '…' : `${text}\n…`, complete: false };
    return { text: truncate(text, max), complete: false };
  }
  return { text, complete: true };
}
