/**
 * Answer text is plain text (some of it echoes what a user typed), so every
 * piece is escaped before the renderer adds its own markdown: no user can
 * smuggle a masked link, a spoiler or a fake heading into the bot's message.
 */
import { truncate } from './limits.js';

const INLINE = /[\\*_~`|[\]<>]/g;
/** Block markup only means something at the start of a line. */
const LINE_START = /^(\s*)(#|-|\d+(?=\.\s))/gm;

export function escapeMarkdown(text: string): string {
  return text.replace(INLINE, '\\$&').replace(LINE_START, '$1\\$2');
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
