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
  // Trimmed once: every rule below compares trimmed lines.
  const lines = raw.split(/\r?\n/).map((line) => line.trim());
  const start = lines.findIndex((line) => line.startsWith(rule.startLine));
  if (start < 0) throw new BodyRuleError('startLine', `no line of the article starts with "${rule.startLine}"`);

  let end = lines.length - 1;
  if (rule.endLine !== undefined) {
    const endLine = rule.endLine;
    const found = lines.findIndex((line, index) => index >= start && line.startsWith(endLine));
    if (found < 0) throw new BodyRuleError('endLine', `no line after the start begins with "${endLine}"`);
    end = found;
  }

  const dropped = new Set(rule.dropLines.map((line) => line.trim()));
  if (dropped.size > 0) {
    const unmatched = [...dropped].filter((drop) => !lines.includes(drop));
    if (unmatched.length > 0) throw new BodyRuleError('dropLines', `no line of the article reads "${unmatched[0]}"`);
  }

  const body: string[] = [];
  for (let index = start; index <= end; index++) {
    const line = lines[index] as string;
    if (line.length > 0 && !isFurniture(line) && !dropped.has(line)) body.push(line);
  }
  return body;
}
