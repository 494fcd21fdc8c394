/**
 * `npm run validate [-- --data-dir DIR]`: checks the summary and the articles.
 * Good data: prints the counts, exit 0. Bad data: one line per problem
 * (file, path inside it, what is wrong), all at once, exit 1.
 */
import { parseArgs } from 'node:util';
import { loadBriefing } from '../summary/load.js';
import { formatProblem, SummaryLoadError } from '../summary/problems.js';
import { countSummary } from '../summary/stats.js';

const { values } = parseArgs({ options: { 'data-dir': { type: 'string' } } });

try {
  const briefing = loadBriefing({ dataDir: values['data-dir'] });
  const counts = countSummary(briefing);
  console.log(
    `OK: ${counts.articles} articles, ${counts.entities} entities (${counts.people} people, ${counts.organizations} organizations), ` +
      `${counts.events} events, ${counts.quotes} quotes, ${counts.figures} figures (${counts.discrepancies} discrepancies), ${counts.topics} topics`,
  );
} catch (error) {
  if (!(error instanceof SummaryLoadError)) throw error;
  for (const problem of error.problems) console.error(formatProblem(problem));
  console.error(`${error.problems.length} problem${error.problems.length === 1 ? '' : 's'} found.`);
  process.exitCode = 1;
}
