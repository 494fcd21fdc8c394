/** Shared by the ingest tests: the fixture articles and the evidence strings of a draft. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { IngestDraft } from '../../src/ingest/draft.js';

export const root = fileURLToPath(new URL('../..', import.meta.url));
export const fixture = (name: string) => path.join(root, 'test/fixtures/ingest', name);
export const readFixture = (name: string) => readFileSync(fixture(name), 'utf8');

/** Every snippet a draft claims to have copied from the article. */
export function evidenceOf(draft: IngestDraft): string[] {
  return [
    ...draft.entities.flatMap((entity) => [entity.evidence, ...entity.roles.map((role) => role.evidence)]),
    ...draft.events.map((event) => event.evidence),
    ...draft.quotes.flatMap((quote) => [quote.evidence, quote.text]),
    ...draft.figures.map((figure) => figure.evidence),
  ];
}
