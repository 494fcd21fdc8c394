/**
 * Plain-text rendering of an answer: what the CLI prints and the console
 * shows. Citation marks [1], [2] point to the numbered sources at the end.
 * Colours (ANSI) only when asked for, i.e. on a terminal.
 */
import type { Answer, AnswerPart, CiteRefs } from './types.js';

export interface TextOptions {
  color?: boolean;
}

const ANSI = { bold: '\u001b[1m', dim: '\u001b[2m', cyan: '\u001b[36m', yellow: '\u001b[33m', reset: '\u001b[0m' } as const;

export function answerToText(answer: Answer, options: TextOptions = {}): string {
  const paint = (style: keyof typeof ANSI, text: string) => (options.color ? `${ANSI[style]}${text}${ANSI.reset}` : text);
  const marks = (cites: CiteRefs) => (cites.length > 0 ? ' ' + paint('dim', cites.map((cite) => `[${cite + 1}]`).join('')) : '');
  const lines: string[] = [paint('bold', answer.title)];

  for (const part of answer.body) {
    lines.push('');
    lines.push(...renderPart(part, marks, paint));
  }

  if (answer.citations.length > 0) {
    lines.push('', paint('bold', 'Sources'));
    answer.citations.forEach((citation, index) => {
      const date = citation.dateInferred ? `${citation.date} (date inferred)` : citation.date;
      lines.push(`  [${index + 1}] ${citation.outlet}, ${date}, ${citation.file}`);
      lines.push(paint('dim', `      “${citation.evidence}”`));
    });
  }
  if (answer.suggestions.length > 0) {
    lines.push('', `${paint('yellow', 'Try')}: ${answer.suggestions.join('  ·  ')}`);
  }
  return lines.join('\n');
}

function renderPart(
  part: AnswerPart,
  marks: (cites: CiteRefs) => string,
  paint: (style: keyof typeof ANSI, text: string) => string,
): string[] {
  switch (part.type) {
    case 'line':
      return [part.text + marks(part.cites)];
    case 'list':
      return [
        ...(part.heading ? [paint('bold', `${part.heading}:`)] : []),
        ...part.items.map((item) => `  • ${item.label ? `${paint('cyan', item.label)} — ` : ''}${item.text}${marks(item.cites)}`),
      ];
    case 'facts':
      return [
        ...(part.heading ? [paint('bold', `${part.heading}:`)] : []),
        ...part.facts.map((fact) => `  ${paint('cyan', `${fact.label}:`)} ${fact.value}${marks(fact.cites)}`),
      ];
  }
}
