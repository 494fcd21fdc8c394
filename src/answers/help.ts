/** `help`: what the bot covers and how to use each command, with an example each. */
import type { EngineContext } from './context.js';
import { formatDay } from './dates.js';
import type { Answer } from './types.js';

const COMMANDS: readonly [string, string][] = [
  ['/brief', 'The story so far: key points, main actors, what the sources disagree on.'],
  ['/who Meng Jianzhu', 'Who someone is: roles, key events, quotes, and which articles mention them. Surnames and typos are fine.'],
  ['/timeline actor:Obama', 'Dated events in order; filter by actor, topic (e.g. topic:sanctions) or from:/to: dates (YYYY-MM-DD).'],
  ['/onthisday 09-25', 'What happened on a day (MM-DD, default today), or the nearest days that have events.'],
  ['/quote speaker:Obama about:sanctions', 'Direct quotations, exactly as printed, by speaker and/or subject.'],
  ['/sources', 'The articles behind every answer: outlet, title, date, and how many facts each supports.'],
  ['/ask How many companies were on the sanctions list?', 'A question in plain English ("Do the sources disagree on Xi’s arrival?" works too). If the articles do not say, the bot says so rather than guess.'],
];

export function helpAnswer(ctx: EngineContext): Answer {
  const { briefing } = ctx;
  const published = briefing.articleList.map((article) => article.published.value).sort();
  const outlets = [...new Set(briefing.articleList.map((article) => article.outlet))];
  const period = published.length > 0 ? ` published ${formatDay(published[0] ?? '')} – ${formatDay(published.at(-1) ?? '')}` : '';
  return {
    kind: 'help',
    title: 'Briefing Bot: how to use it',
    body: [
      { type: 'line', text: `I brief you on one story: ${briefing.summary.story.title}.`, cites: [] },
      {
        type: 'line',
        text: `Everything I say comes from ${briefing.articleList.length} articles${period} (${outlets.join('; ')}), and every answer cites the article it comes from.`,
        cites: [],
      },
      { type: 'facts', heading: 'Commands', facts: COMMANDS.map(([label, value]) => ({ label, value, cites: [] })) },
    ],
    citations: [],
    suggestions: ['/brief', '/who Xi Jinping', '/timeline'],
  };
}
