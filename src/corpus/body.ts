import type { Article } from '../summary/schema.js';
import { isFurniture } from './furniture.js';

export type BodyRule = Article['body'];

export class BodyRuleError extends Error {
  constructor(
    readonly field: 'startLine' | 'endLine' | 'dropLines',
    message: string,
  ) {
    super(message);
  }
}

/**
 * Cuts an article's body out of its raw file: the lines from `startLine` to
 * `endLine` (inclusive), without furniture, blank lines or `dropLines`.
 * Each remaining line is one paragraph, kept exactly as in the file so that
 * evidence snippets can be matched character for character.
 */
export function extractBody(raw: string, rule: BodyRule): string[] {
  const lines = raw.split(/\r?\n/);
  const start = lines.findIndex((line) => line.trim().startsWith(rule.startLine));
  if (start < 0) throw new BodyRuleError('startLine', `no line of the article starts with "${rule.startLine}"`);

  let end = lines.length - 1;
  if (rule.endLine !== undefined) {
    const endLine = rule.endLine;
    const offset = lines.slice(start).findIndex((line) => line.trim().startsWith(endLine));
    if (offset < 0) throw new BodyRuleError('endLine', `no line after the start begins with "${endLine}"`);
    end = start + offset;
  }

  const dropped = new Set(rule.dropLines.map((line) => line.trim()));
  const unmatched = [...dropped].filter((drop) => !lines.some((line) => line.trim() === drop));
  if (unmatched.length > 0) throw new BodyRuleError('dropLines', `no line of the article reads "${unmatched[0]}"`);

  return lines
    .slice(start, end + 1)
    .map((line) => line.trim())
    .filter((line) => line.length > 0 && !isFurniture(line) && !dropped.has(line));
}
