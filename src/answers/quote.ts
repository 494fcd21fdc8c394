/** `quote`: direct quotations, exactly as printed, by speaker and/or subject. */
import type { Entity, Quote } from '../summary/schema.js';
import { notFound, optionalText, quoted, unresolvedName } from './common.js';
import type { EngineContext } from './context.js';
import { formatFactDate, shorten } from './dates.js';
import { NAME_MAX, QUOTES_MAX } from './limits.js';
import { anchorTerms, queryTerms } from './terms.js';
import type { Answer } from './types.js';

export interface QuoteOptions {
  /** A name (forgiving) or an entity id. */
  speaker?: string;
  /** A word or subject: a topic name or keyword, or any words of the quote or its context. */
  about?: string;
}

export function quoteAnswer(ctx: EngineContext, options: QuoteOptions = {}): Answer {
  const speakerInput = optionalText(options.speaker, 'speaker', NAME_MAX);
  const about = optionalText(options.about, 'subject', NAME_MAX);

  let speaker: Entity | undefined;
  if (speakerInput) {
    const resolution = ctx.names.resolve(speakerInput);
    if (resolution.status !== 'found') {
      return unresolvedName(speakerInput, resolution, { command: 'quote', option: 'speaker', options: about ? { about } : {} });
    }
    speaker = resolution.entity;
  }

  const pool = speaker ? (ctx.briefing.quotesBySpeaker.get(speaker.id) ?? []) : ctx.briefing.summary.quotes;
  if (speaker && pool.length === 0) {
    return notFound(
      `No quotes from ${speaker.name}`,
      [`The articles mention ${speaker.name} but do not quote them directly.`],
      [`/who ${speaker.name}`],
    );
  }
  const quotes = about ? quotesAbout(ctx, about, speaker) : pool;
  const subject = [speaker ? `from ${speaker.name}` : '', about ? `about “${shorten(about, 60)}”` : ''].filter(Boolean).join(' ');
  if (quotes.length === 0) {
    return notFound(
      `No quotes ${subject}`,
      [
        speaker
          ? `The sources quote ${speaker.name} ${pool.length} time${pool.length === 1 ? '' : 's'}, but not about “${shorten(about ?? '', 60)}”.`
          : `The sources quote no one about “${shorten(about ?? '', 60)}”.`,
      ],
      speaker ? [`/quote speaker:${speaker.name}`] : ctx.topics.all.slice(0, 3).map((topic) => `/quote about:${topic.id}`),
    );
  }

  const citations = ctx.citations();
  const shown = quotes.slice(0, QUOTES_MAX);
  const body: Answer['body'] = [
    {
      type: 'list',
      items: shown.map((quote) => ({
        label: speakerName(ctx, quote) + (quote.said ? `, ${formatFactDate(quote.said)}` : ''),
        text: `${quoted(quote.text)} — ${quote.context}`,
        ...(quote.said ? { date: quote.said } : {}),
        cites: citations.citeAll(quote.sources, 1),
      })),
    },
  ];
  if (quotes.length > shown.length) {
    body.push({ type: 'line', text: `…and ${quotes.length - shown.length} more: narrow it down with a speaker or a subject.`, cites: [] });
  }
  const suggestions = speaker ? [`/who ${speaker.name}`] : [];
  return { kind: 'quote', title: subject ? `Quotes ${subject}` : 'Quotes', body, citations: citations.citations, suggestions };
}

/** Quotes on a subject: those tagged with the topic it names, then those whose words cover it. */
export function quotesAbout(ctx: EngineContext, about: string, speaker?: Entity): Quote[] {
  const topic = ctx.topics.find(about);
  const bySpeaker = (quote: Quote) => !speaker || quote.speaker === speaker.id;
  const tagged = topic ? ctx.briefing.summary.quotes.filter((quote) => bySpeaker(quote) && quote.topics.includes(topic.id)) : [];
  const hits = ctx.quoteIndex
    .find({ terms: queryTerms(about), anchors: anchorTerms(about) }, { minCoverage: 0.6, limit: 50, filter: bySpeaker })
    .map((hit) => hit.item);
  return [...new Set([...hits, ...tagged])];
}

export function speakerName(ctx: EngineContext, quote: Quote): string {
  return quote.speaker ? ctx.entityName(quote.speaker) : (quote.speakerLabel ?? 'Unattributed');
}
