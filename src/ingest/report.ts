/** The short report `npm run ingest` prints next to the draft file: what it found, what it doubts. */
import type { IngestDraft } from './draft.js';

export function formatReport(draft: IngestDraft, draftPath: string): string {
  const people = draft.entities.filter((entity) => entity.kind === 'person');
  const organisations = draft.entities.filter((entity) => entity.kind === 'organization');
  const known = (list: typeof people) => list.filter((entity) => entity.existing).length;
  const attributed = draft.quotes.filter((quote) => quote.speaker).length;
  const linked = draft.events.filter((event) => event.existing).length;
  const inferred = draft.events.filter((event) => event.inferred).length;
  const a = draft.article;
  const lines = [
    `Article: ${a.title ?? '(no headline found)'}`,
    `  outlet ${a.outlet ?? 'unknown'}, published ${a.published ? `${a.published.date} (${a.published.basis})` : 'unknown'}, ${a.paragraphs} paragraphs in the body`,
    `Found:`,
    `  ${people.length} people (${known(people)} already known): ${people.map((p) => `${p.name}${p.existing ? '' : ' [new]'}`).join(', ') || '-'}`,
    `  ${organisations.length} organisations (${known(organisations)} already known): ${organisations.map((o) => `${o.name}${o.existing ? '' : ' [new]'}`).join(', ') || '-'}`,
    `  ${draft.events.length} dated events (${inferred} with inferred dates, ${linked} matched to known events)`,
    `  ${draft.quotes.length} quotations (${attributed} with a speaker)`,
    `  ${draft.figures.length} figures`,
  ];
  if (draft.unsure.length > 0) {
    lines.push('Unsure (check these in the draft):');
    for (const doubt of draft.unsure) lines.push(`  - ${doubt}`);
  }
  lines.push(`Draft written to ${draftPath}`, `Review it, then: npm run ingest -- --merge ${draftPath}`);
  return lines.join('\n');
}
