/**
 * `npm run ingest -- <article.txt> [--published YYYY-MM-DD] [--outlet X] [--title Y] [--json] [--out FILE]`
 * `npm run ingest -- --merge <draft.yaml>`
 * (both accept `--data-dir DIR`, default the project's data/)
 *
 * Drafts one article's part of the summary (people, organisations, dated
 * events, quotations, figures; each with a verbatim evidence snippet):
 * - `--json` prints the draft as one JSON object (the contract scripts read);
 * - otherwise writes a draft file for review, data/drafts/<name>.draft.yaml by
 *   default, and prints what it found and what it was unsure of;
 * - `--merge` adds a reviewed draft to data/summary/*.yaml, refusing (exit 1,
 *   problems listed) if the merged summary would not validate.
 * Bad arguments: a message on stderr, exit 2.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { extractDraft } from '../ingest/draft.js';
import { mergeDraft } from '../ingest/merge.js';
import { formatReport } from '../ingest/report.js';
import { buildDraftFile, draftFileToYaml, takenIds } from '../ingest/summaryDraft.js';
import { DEFAULT_DATA_DIR, loadBriefing, type Briefing } from '../summary/load.js';
import { IsoDaySchema } from '../summary/schema.js';
import { SummaryLoadError } from '../summary/problems.js';

const USAGE = [
  'usage: npm run ingest -- <article.txt> [--published YYYY-MM-DD] [--outlet X] [--title Y] [--json] [--out FILE] [--data-dir DIR]',
  '       npm run ingest -- --merge <draft.yaml> [--data-dir DIR]',
].join('\n');

function fail(message: string): never {
  console.error(`${message}\n${USAGE}`);
  process.exit(2);
}

let parsed;
try {
  parsed = parseArgs({
    allowPositionals: true,
    options: {
      published: { type: 'string' },
      outlet: { type: 'string' },
      title: { type: 'string' },
      json: { type: 'boolean', default: false },
      merge: { type: 'string' },
      out: { type: 'string' },
      'data-dir': { type: 'string' },
    },
  });
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
}
const { values, positionals } = parsed;
const dataDir = values['data-dir'] ?? DEFAULT_DATA_DIR;

if (values.merge !== undefined) {
  if (positionals.length > 0 || values.json || values.published || values.outlet || values.title || values.out) fail('--merge takes only the draft file (and --data-dir)');
  const outcome = mergeDraft(values.merge, dataDir);
  if (!outcome.ok) {
    console.error(`Not merged: the summary would not validate (${outcome.problems.length} problem${outcome.problems.length === 1 ? '' : 's'}). Nothing was changed.`);
    for (const problem of outcome.problems) console.error(`  ${problem}`);
    process.exit(1);
  }
  const { added } = outcome;
  console.log(
    `Merged article "${outcome.article}": ${added.entities} new entities, ${added.entityUpdates} known entities updated, ` +
      `${added.events} new events, ${added.eventUpdates} known events given a source, ${added.quotes} quotes, ${added.figures} figures.`,
  );
  for (const file of outcome.written) console.log(`  wrote ${path.relative(process.cwd(), file) || file}`);
  process.exit(0);
}

if (positionals.length !== 1) fail(positionals.length === 0 ? 'missing the article file' : `expected one article file, got ${positionals.length}`);
const articlePath = positionals[0] as string;
if (values.published !== undefined && !IsoDaySchema.safeParse(values.published).success) fail(`--published must be a real date written YYYY-MM-DD, got "${values.published}"`);
if (values.json && values.out) fail('--json prints the draft; --out names a draft file: use one of them');

let raw: string;
try {
  raw = readFileSync(articlePath, 'utf8');
} catch (error) {
  fail(`cannot read ${articlePath} (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
}

// Matching names to known entities needs the summary; without a valid one, everything is proposed as new.
let briefing: Briefing | undefined;
try {
  briefing = loadBriefing({ dataDir });
} catch (error) {
  if (!(error instanceof SummaryLoadError)) throw error;
  console.error(`warning: the summary in ${dataDir} does not validate, so nothing is matched to known entities (run npm run validate)`);
}

const draft = extractDraft(raw, { published: values.published, outlet: values.outlet, title: values.title, file: path.basename(articlePath) }, briefing);
if (values.json) {
  console.log(JSON.stringify(draft, null, 2));
  process.exit(0);
}

const draftPath = values.out ?? path.join(dataDir, 'drafts', `${path.basename(articlePath).replace(/\.txt$/i, '')}.draft.yaml`);
const file = buildDraftFile(draft, { source: path.relative(process.cwd(), path.resolve(articlePath)), known: briefing, taken: briefing ? takenIds(briefing) : undefined });
mkdirSync(path.dirname(draftPath), { recursive: true });
writeFileSync(draftPath, draftFileToYaml(file));
console.log(formatReport(draft, path.relative(process.cwd(), draftPath) || draftPath));
