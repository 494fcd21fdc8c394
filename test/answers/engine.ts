/**
 * The answer engine on the real data (data/), built once per test file, and
 * the checks every answer must pass whatever the question.
 */
import { expect } from 'vitest';
import { ANSWER_KINDS, answerToText, createAnswerEngine, type Answer, type AnswerEngine } from '../../src/answers/index.js';
import { loadBriefing, type Briefing } from '../../src/summary/load.js';

export const briefing: Briefing = loadBriefing();
export const engine: AnswerEngine = createAnswerEngine(briefing);

/** File names of the articles, by id, e.g. "001_b5b8a279e97dc747.txt". */
export const FILES = {
  usSoftens: '000_512e7204e06f6f5d.txt',
  sanctionsThreat: '001_b5b8a279e97dc747.txt',
  washingtonTimes: '002_fa12ad829e5d20e0.txt',
  heralding: '003_59b9dc2e9aca5cbe.txt',
  toughTalk: '004_4a8224c9fc3afe4a.txt',
} as const;

/** Every citation mark points at a citation, and every citation quotes its article verbatim. */
export function expectGrounded(answer: Answer): void {
  expect(ANSWER_KINDS).toContain(answer.kind);
  expect(answer.title.trim()).not.toBe('');
  const marks = answer.body.flatMap((part) =>
    part.type === 'line' ? part.cites : part.type === 'list' ? part.items.flatMap((item) => item.cites) : part.facts.flatMap((fact) => fact.cites),
  );
  for (const mark of marks) expect(answer.citations[mark], `citation [${mark + 1}] of "${answer.title}"`).toBeDefined();
  for (const citation of answer.citations) {
    const article = briefing.articleList.find((candidate) => candidate.file === citation.file);
    expect(article, citation.file).toBeDefined();
    expect(article?.id).toBe(citation.articleId);
    expect(article?.outlet).toBe(citation.outlet);
    expect(article?.paragraphs.some((paragraph) => paragraph.includes(citation.evidence)), `evidence in ${citation.file}: ${citation.evidence}`).toBe(true);
  }
}

/** The answer as a person reads it, plus the files it cites. */
export function read(answer: Answer): { text: string; files: string[] } {
  expectGrounded(answer);
  return { text: answerToText(answer), files: [...new Set(answer.citations.map((citation) => citation.file))] };
}

/** The cited file(s) whose evidence contains a snippet. */
export function filesCiting(answer: Answer, snippet: string | RegExp): string[] {
  return answer.citations
    .filter((citation) => (typeof snippet === 'string' ? citation.evidence.includes(snippet) : snippet.test(citation.evidence)))
    .map((citation) => citation.file);
}
