/**
 * `npm run ingest:eval [-- --data-dir DIR]`: runs the article extractor on the
 * seed articles (raw files, with their publication dates from articles.yaml)
 * and scores it against the curated summary: precision, recall and F1 for
 * people, organisations, event dates and quotes with the right speaker, then
 * the misses. Exit 1 when a targeted F1 (people, dates, quotes ≥ 0.9) is not met.
 *
 * What counts as a match is defined, and argued, at the top of
 * src/ingest/evaluate.ts: entities by resolved id, dates by equal value among
 * the curated events citing the article, quotes by overlapping text AND the
 * same speaker id.
 */
import { parseArgs } from 'node:util';
import { CATEGORY_LABELS, evaluate, f1, precision, recall, TARGETS, type Category } from '../ingest/evaluate.js';
import { DEFAULT_DATA_DIR, loadBriefing } from '../summary/load.js';
import { formatProblem, SummaryLoadError } from '../summary/problems.js';

const { values } = parseArgs({ options: { 'data-dir': { type: 'string' } } });
const dataDir = values['data-dir'] ?? DEFAULT_DATA_DIR;

let briefing;
try {
  briefing = loadBriefing({ dataDir });
} catch (error) {
  if (!(error instanceof SummaryLoadError)) throw error;
  for (const problem of error.problems) console.error(formatProblem(problem));
  console.error('The curated summary does not validate; nothing to score against.');
  process.exit(1);
}

const result = evaluate(briefing, dataDir);
const categories = Object.keys(CATEGORY_LABELS) as Category[];
const pct = (value: number) => value.toFixed(2);
const width = Math.max(...categories.map((category) => CATEGORY_LABELS[category].length));

console.log(`Extractor vs curated summary, ${briefing.articleList.length} articles (micro-averaged)\n`);
console.log(`${'category'.padEnd(width)}   TP  FP  FN  precision  recall    F1  target`);
let failed = false;
for (const category of categories) {
  const score = result.scores[category];
  const target = TARGETS[category];
  const score1 = f1(score);
  const verdict = target === undefined ? '  (reported)' : score1 >= target ? `  ≥ ${target} ok` : `  ≥ ${target} NOT MET`;
  if (target !== undefined && score1 < target) failed = true;
  console.log(
    `${CATEGORY_LABELS[category].padEnd(width)}  ${String(score.tp).padStart(3)} ${String(score.fp).padStart(3)} ${String(score.fn).padStart(3)}` +
      `       ${pct(precision(score))}    ${pct(recall(score))}  ${pct(score1)}${verdict}`,
  );
}

for (const category of categories) {
  const misses = result.misses[category];
  if (misses.length === 0 || category === 'datesAlone' || category === 'peopleByName') continue;
  console.log(`\nMisses: ${CATEGORY_LABELS[category]}`);
  for (const miss of misses) console.log(`  ${miss.type === 'missed' ? 'missed' : 'extra '}  ${miss.article.padEnd(16)} ${miss.what}`);
}
if (result.unattributed.length > 0) {
  console.log('\nQuotations found without a speaker (not scored)');
  for (const quote of result.unattributed) console.log(`  ${quote.article.padEnd(16)} “${quote.text.slice(0, 80)}”`);
}
if (failed) process.exitCode = 1;
