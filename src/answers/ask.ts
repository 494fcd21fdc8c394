/**
 * `ask`: a plain-English question routed to the command that answers it.
 * Each route either answers or passes; the last resort is a full-text search
 * that answers only when the sources cover the question ("not in the
 * sources" otherwise, never a guess).
 */
import { briefAnswer } from './brief.js';
import { notFound, requireText, RERUN_AS_WHO, unresolvedName } from './common.js';
import type { EngineContext } from './context.js';
import { findDate, findDateQuery } from './questionDates.js';
import { dateTitle, eventsAnswer, eventsOnDate, findEvents } from './events.js';
import { disagreementsAnswer, figureAnswer, findFigure } from './figures.js';
import { isDiscrepancy } from '../summary/stats.js';
import { helpAnswer } from './help.js';
import { QUESTION_MAX } from './limits.js';
import { queryTerms } from './terms.js';
import { onThisDayAnswer } from './onthisday.js';
import { parseQuestion, recase, type Question } from './question.js';
import { quoteAnswer } from './quote.js';
import { notInSources, searchAnswer } from './search.js';
import { sourcesAnswer } from './sources.js';
import { timelineAnswer } from './timeline.js';
import type { Answer } from './types.js';
import { entityCard } from './who.js';
import { quoteSearchAnswer } from './quoteSearch.js';

import {
  BRIEF,
  DISAGREE,
  FIGURE,
  HELP,
  IN_SOURCES,
  ON_THIS_DAY,
  QUOTE_ABOUT,
  QUOTE_PATTERNS,
  ROLE,
  SOURCES,
  subjectOf,
  TIMELINE,
  WHAT_HAPPENED,
  WHAT_IS,
  WHEN,
  WHO,
  WHO_SAID,
} from './askPatterns.js';

/** The subject words of a longer "about …" before what qualifies them ("sanctions" of "sanctions against companies that …"). */
const ABOUT_HEAD = /^(.+?)\s(?:against|for|from|with|over|that|which|who|whose|because|during|after|before|when|while|by|in|on|to)\s/;

/** `now`: the asker's clock, for "today". */
type Route = (ctx: EngineContext, question: Question, now: Date | undefined) => Answer | undefined;

const help: Route = (ctx, q) => (HELP.test(q.text) ? ctx.remember('help', () => helpAnswer(ctx)) : undefined);
const brief: Route = (ctx, q) => (BRIEF.test(q.text) ? ctx.remember('brief', () => briefAnswer(ctx)) : undefined);
const sources: Route = (ctx, q) => (SOURCES.test(q.text) ? ctx.remember('sources', () => sourcesAnswer(ctx)) : undefined);

const onThisDay: Route = (ctx, q, now) => {
  if (!ON_THIS_DAY.test(q.text) && !/^what happened today$/.test(q.text)) return undefined;
  const date = findDate(q.original);
  if (date?.precision === 'day') {
    const pad = (value = 0) => String(value).padStart(2, '0');
    return onThisDayAnswer(ctx, { date: `${pad(date.month)}-${pad(date.day)}` });
  }
  return onThisDayAnswer(ctx, now ? { now } : {});
};

const timeline: Route = (ctx, q) => {
  const match = TIMELINE.exec(q.text);
  if (!match) return undefined;
  const subject = match[1]?.trim();
  if (!subject) return timelineAnswer(ctx);
  const topic = ctx.topics.find(subject) ?? ctx.topics.mentionedIn(subject)[0];
  const actor = ctx.names.resolve(subject, { typos: false });
  if (actor.status === 'found') return timelineAnswer(ctx, { actor: actor.entity.id });
  if (topic) return timelineAnswer(ctx, { topic: topic.id });
  const opening = ctx.names.leadingEntity(subject);
  if (opening) return timelineAnswer(ctx, { actor: opening.id });
  return timelineAnswer(ctx, { actor: subject });
};

const quote: Route = (ctx, q) => {
  for (const pattern of QUOTE_PATTERNS) {
    const match = pattern.exec(q.text);
    if (!match) continue;
    const speaker = recase(q, match[1]?.trim() ?? '');
    const about = subjectOf(recase(q, match[2] ?? ''));
    const quotesBy = (speakerId: string): Answer => {
      const answer = quoteAnswer(ctx, { speaker: speakerId, ...(about ? { about } : {}) });
      // "…say about sanctions against companies that benefit from theft": no quote is about all of
      // that; its head ("sanctions") or the question's words may still find the quotes meant.
      const head = about && about.split(' ').length > 2 ? ABOUT_HEAD.exec(about)?.[1] : undefined;
      if (answer.kind !== 'not_found' || !head) return answer;
      const byHead = quoteAnswer(ctx, { speaker: speakerId, about: head });
      return byHead.kind !== 'not_found' ? byHead : (quoteSearchAnswer(ctx, q) ?? answer);
    };
    const resolution = ctx.names.resolve(speaker);
    if (resolution.status === 'found') return quotesBy(resolution.entity.id);
    const opening = resolution.status === 'none' ? ctx.names.leadingEntity(speaker) : undefined;
    if (opening) return quotesBy(opening.id);
    // "the official", "the White House spokesman": maybe an unnamed speaker the quotes label.
    const byWords = quoteSearchAnswer(ctx, q);
    if (byWords) return byWords;
    return unresolvedName(speaker, resolution, { command: 'quote', option: 'speaker', options: about ? { about } : {} });
  }
  const aboutOnly = QUOTE_ABOUT.exec(q.text);
  if (aboutOnly?.[1]) return quoteAnswer(ctx, { about: recase(q, aboutOnly[1]) });
  // "Who said …" not matching a quote's words may still match an article sentence: let the search try.
  if (WHO_SAID.test(q.text)) return quoteSearchAnswer(ctx, q);
  return undefined;
};

const figure: Route = (ctx, q) => {
  const match = FIGURE.exec(q.text);
  if (!match) return undefined;
  // "How many hacks did Microsoft suffer": the figure must count hacks (and be about Microsoft).
  const head = queryTerms(q.text.slice(match[0].length))[0];
  const found = findFigure(ctx, q.query, head ? { head } : {});
  if (found) return figureAnswer(ctx, found.item);
  const known = ctx.briefing.summary.figures.filter((item) => item.kind === 'count' || item.kind === 'amount').slice(0, 4);
  return notFound(
    'Not in the sources',
    [
      `The articles give no figure that answers “${q.original.slice(0, 120)}”.`,
      ...(known.length > 0 ? [`Figures they do give include: ${known.map((item) => item.subject).join('; ')}.`] : []),
    ],
    ['/brief'],
  );
};

const when: Route = (ctx, q) => {
  if (!WHEN.test(q.text)) return undefined;
  const dated = findFigure(ctx, q.query, { kinds: ['date'] });
  const events = findEvents(ctx, q.query);
  const [event] = events;
  // The better-covered answer wins; on a tie, sources disagreeing on the date matter most, then the event itself.
  const figureFirst = dated && (!event || dated.coverage > event.coverage + 1e-9 || (isDiscrepancy(dated.item) && dated.coverage >= event.coverage - 1e-9));
  if (dated && figureFirst) return figureAnswer(ctx, dated.item);
  if (event) return eventsAnswer(ctx, event.item.title, events.map((hit) => hit.item), true);
  return notInSources(ctx, q.original);
};

const whatHappened: Route = (ctx, q) => {
  const match = WHAT_HAPPENED.exec(q.text);
  if (!match) return undefined;
  const rest = match[1]?.trim() ?? '';
  const dated = findDateQuery(rest);
  // Two dates ("after the 2015 agreement, in 2016") are beyond this reader: the search decides, or declines.
  if (dated === 'several') return undefined;
  if (dated) {
    const { date, relation } = dated;
    const events = eventsOnDate(ctx, date, relation);
    const when = dateTitle(date, relation).replace(/^What happened /, '');
    if (events.length > 0) return eventsAnswer(ctx, dateTitle(date, relation), events, false);
    return notFound(
      `Nothing in the sources ${when}`,
      [`The articles date no event ${when}.`],
      date.precision === 'day' && !date.year && relation === 'on'
        ? [`/onthisday ${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}`, '/timeline']
        : ['/timeline'],
    );
  }
  if (!rest) return timelineAnswer(ctx);
  const events = findEvents(ctx, q.query).map((hit) => hit.item);
  const [first] = events;
  return first ? eventsAnswer(ctx, first.title, events, true) : undefined;
};

const who: Route = (ctx, q) => {
  const role = ROLE.exec(q.text);
  const match = role ?? WHO.exec(q.text);
  if (!match) return undefined;
  const name = recase(q, (match[1] ?? match[2] ?? match[3] ?? '').trim());
  const resolution = ctx.names.resolve(name);
  if (resolution.status === 'found') return entityCard(ctx, resolution.entity);
  if (resolution.status === 'ambiguous') return unresolvedName(name, resolution, RERUN_AS_WHO);
  // "Who is Susan Rice, the national security adviser?": the name it opens with.
  const opening = ctx.names.leadingEntity(name);
  if (opening) return entityCard(ctx, opening);
  const topic = /^(?:tell me|what do|describe|info|profile)/.test(q.text) ? (ctx.topics.find(name) ?? ctx.topics.leadingTopic(name)) : undefined;
  if (topic) return timelineAnswer(ctx, { topic: topic.id });
  // A typo'd name gets "did you mean"; a longer phrase that names no one is a question for the search.
  if (resolution.suggestions.length > 0 && name.split(' ').length <= 4) return unresolvedName(name, resolution, RERUN_AS_WHO);
  // Not a name: "Who won the 2016 election?" is a question for the search, which declines it if uncovered.
  return undefined;
};

const whatIs: Route = (ctx, q) => {
  const match = WHAT_IS.exec(q.text);
  const name = match?.[1]?.replace(/^the\s+/, '');
  if (!name) return undefined;
  const resolution = ctx.names.resolve(name, { typos: false });
  return resolution.status === 'found' ? entityCard(ctx, resolution.entity) : undefined;
};

const bareName: Route = (ctx, q) => {
  if (q.text.split(' ').length > 5) return undefined;
  const resolution = ctx.names.resolve(q.text, { typos: false });
  return resolution.status === 'found' ? entityCard(ctx, resolution.entity) : undefined;
};

/** "sanctions", "the OPM breach": a topic named alone gets its timeline. */
const bareTopic: Route = (ctx, q) => {
  if (q.text.split(' ').length > 5) return undefined;
  const topic = ctx.topics.find(q.text);
  return topic ? timelineAnswer(ctx, { topic: topic.id }) : undefined;
};

const disagreements: Route = (ctx, q) => {
  const match = DISAGREE.exec(q.text);
  if (!match) return undefined;
  const subject = match[1]?.replace(/^(?:the|a|an)\s+/, '').trim();
  return disagreementsAnswer(ctx, subject ? recase(q, subject) : undefined);
};

const inSources: Route = (ctx, q) => {
  const match = IN_SOURCES.exec(q.text)?.[1];
  if (!match) return undefined;
  const name = recase(q, match);
  const resolution = ctx.names.resolve(name);
  return resolution.status === 'found' ? entityCard(ctx, resolution.entity) : unresolvedName(name, resolution, RERUN_AS_WHO);
};

const ROUTES: readonly Route[] = [help, brief, disagreements, sources, inSources, onThisDay, timeline, quote, figure, when, whatHappened, who, whatIs, bareName, bareTopic];

export function askAnswer(ctx: EngineContext, question: string | undefined, now?: Date): Answer {
  const original = requireText(question, 'question', QUESTION_MAX);
  const parsed = parseQuestion(ctx, original);
  if (!parsed.text) return ctx.remember('help', () => helpAnswer(ctx));
  for (const route of ROUTES) {
    const answer = route(ctx, parsed, now);
    if (answer) return answer;
  }
  return searchAnswer(ctx, original, parsed.query);
}
