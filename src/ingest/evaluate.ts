/**
 * Scores the extractor against the curated summary, article by article
 * (micro-averaged over all articles). How an extracted item counts as right:
 *
 * - People / organisations: the set of entity ids the extractor finds in the
 *   article (a name it matched to a known entity through its aliases) against
 *   the entities whose curated mentions or roles cite that article. A name it
 *   proposes as new is a false positive; a cited entity it did not find, a miss.
 * - Event dates: the set of distinct date values of the extracted events
 *   against the date values of the curated events citing that article. Two
 *   gold sets are reported:
 *     "stated in the article": events whose evidence from that article contains
 *       a date expression (a month, a weekday, week/month/year, today/…, a year
 *       number) — dates the article's own words give, the extractor's task;
 *     "all curated": every event citing the article, including dates the
 *       curators worked out across articles from undated evidence ("An agreement
 *       was then reached", "recent reports") that no single-article reading can give.
 *   Values must be equal: an approximate date counts only if its best estimate is the curated value.
 *   The extractor links a dated mention to a known event (see linkEvents.ts) and may take its
 *   date; to keep that honest each article is scored against the events as the OTHER articles
 *   left them (its own sources removed, events only it reports dropped). The row "without
 *   linking" scores the article read on its own.
 *   Entity matching, by contrast, uses the full alias list, which the curators drew from all five
 *   articles, the scored one included: those rows measure finding a name and resolving it
 *   through curated aliases, not discovering new aliases. The row "matching entity names only"
 *   shows what is left without the aliases (surname-only mentions, misspellings and unnamed
 *   sources then count as new people).
 * - Quotes: a curated quotation (first source in the article, with a speaker id)
 *   is found when an extracted quotation overlaps its text (one contains the
 *   other after normalising, or they share 60% of the shorter one's words) AND
 *   the extracted speaker resolves to the same entity id. Extracted quotations
 *   with a speaker that match no curated one are false positives; quotations
 *   the extractor could not attribute are listed but not scored.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { normalizeName, type Briefing, type LoadedArticle } from '../summary/load.js';
import type { Event } from '../summary/schema.js';
import { extractDraft, type IngestDraft } from './draft.js';
import type { Known } from './resolve.js';

export interface Score {
  tp: number;
  fp: number;
  fn: number;
}

export interface Miss {
  article: string;
  /** "missed": in the curated summary, not extracted; "extra": extracted, not curated. */
  type: 'missed' | 'extra';
  what: string;
}

export type Category = 'people' | 'peopleByName' | 'organisations' | 'dates' | 'datesAlone' | 'datesAll' | 'quotes';

export const CATEGORY_LABELS: Record<Category, string> = {
  people: 'people',
  peopleByName: '  same, matching entity names only (no aliases)',
  organisations: 'organisations',
  dates: 'event dates (stated in the article)',
  datesAlone: '  same, without linking to known events',
  datesAll: 'event dates (all curated)',
  quotes: 'quotes with the right speaker',
};

/** F1 targets of the issue; organisations and the all-curated dates are reported only. */
export const TARGETS: Partial<Record<Category, number>> = { people: 0.9, dates: 0.9, quotes: 0.9 };

export interface Evaluation {
  scores: Record<Category, Score>;
  misses: Record<Category, Miss[]>;
  unattributed: { article: string; text: string }[];
}

export const precision = (s: Score) => (s.tp + s.fp === 0 ? 1 : s.tp / (s.tp + s.fp));
export const recall = (s: Score) => (s.tp + s.fn === 0 ? 1 : s.tp / (s.tp + s.fn));
export const f1 = (s: Score) => {
  const p = precision(s);
  const r = recall(s);
  return p + r === 0 ? 0 : (2 * p * r) / (p + r);
};

const TEMPORAL = /\b(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b|\b(?:week|weekend|weeks|month|months|year|today|tonight|yesterday|tomorrow)\b|\b(?:19|20)\d{2}\b/;

function compareSets(article: string, gold: ReadonlySet<string>, found: ReadonlySet<string>, score: Score, misses: Miss[], label: (id: string) => string): void {
  for (const id of found) {
    if (gold.has(id)) score.tp += 1;
    else {
      score.fp += 1;
      misses.push({ article, type: 'extra', what: label(id) });
    }
  }
  for (const id of gold) {
    if (!found.has(id)) {
      score.fn += 1;
      misses.push({ article, type: 'missed', what: label(id) });
    }
  }
}

const words = (text: string) =>
  text
    .toLowerCase()
    .replace(/[’']/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

export function textsOverlap(a: string, b: string): boolean {
  const [x, y] = [words(a), words(b)];
  if (!x || !y) return false;
  if (x.includes(y) || y.includes(x)) return true;
  const [shorter, longer] = x.length <= y.length ? [x, y] : [y, x];
  const pool = new Set(longer.split(' '));
  const shared = shorter.split(' ').filter((word) => pool.has(word)).length;
  return shared / shorter.split(' ').length >= 0.6;
}

function citesArticle(sources: readonly { article: string }[], article: string): boolean {
  return sources.some((source) => source.article === article);
}

/**
 * The briefing as it stood before this article was curated, as far as events go: events keep only
 * the sources of other articles, and events no other article reports are gone. Linking a dated
 * mention to a known event can then only use what the other articles established.
 */
export function withoutArticle(briefing: Briefing, articleId: string): Known {
  const events = new Map<string, Event>();
  for (const [id, event] of briefing.events) {
    const sources = event.sources.filter((source) => source.article !== articleId);
    if (sources.length > 0) events.set(id, { ...event, sources });
  }
  return { aliasIndex: briefing.aliasIndex, entities: briefing.entities, events };
}

/** Runs the extractor on one article as a curator would: the raw file, its publication date, the other articles' events. */
/** Known entities matched by their names alone, as if no curator had recorded aliases. */
export function namesOnly(briefing: Briefing): Known {
  const aliasIndex = new Map<string, string[]>();
  for (const entity of briefing.summary.entities) {
    const key = normalizeName(entity.name);
    aliasIndex.set(key, [...(aliasIndex.get(key) ?? []), entity.id]);
  }
  return { aliasIndex, entities: briefing.entities };
}

export function draftFor(briefing: Briefing, article: LoadedArticle, dataDir: string, known: Known = withoutArticle(briefing, article.id)): IngestDraft {
  const raw = readFileSync(path.join(dataDir, 'articles', article.file), 'utf8');
  const published = article.published.precision === 'day' || article.published.precision === 'approximate' ? article.published.value : undefined;
  return extractDraft(raw, { published, file: article.file }, known);
}

export function evaluate(briefing: Briefing, dataDir: string): Evaluation {
  const empty = (): Score => ({ tp: 0, fp: 0, fn: 0 });
  const scores: Record<Category, Score> = { people: empty(), peopleByName: empty(), organisations: empty(), dates: empty(), datesAlone: empty(), datesAll: empty(), quotes: empty() };
  const misses: Record<Category, Miss[]> = { people: [], peopleByName: [], organisations: [], dates: [], datesAlone: [], datesAll: [], quotes: [] };
  const unattributed: Evaluation['unattributed'] = [];
  const entityName = (id: string) => (id.startsWith('new:') ? `${id.slice(4)} (new)` : `${briefing.entities.get(id)?.name ?? id} [${id}]`);

  for (const article of briefing.articleList) {
    const draft = draftFor(briefing, article, dataDir);
    const { entities, events, quotes } = briefing.summary;

    for (const [category, kind] of [['people', 'person'], ['organisations', 'organization']] as const) {
      const gold = new Set(entities.filter((e) => e.kind === kind && citesArticle([...e.mentions, ...e.roles.flatMap((r) => r.sources)], article.id)).map((e) => e.id));
      const found = new Set(draft.entities.filter((e) => e.kind === kind).map((e) => (e.existing ? e.id : `new:${e.name}`)));
      compareSets(article.id, gold, found, scores[category], misses[category], entityName);
      if (kind === 'person') {
        const byName = new Set(draftFor(briefing, article, dataDir, namesOnly(briefing)).entities.filter((e) => e.kind === kind).map((e) => (e.existing ? e.id : `new:${e.name}`)));
        compareSets(article.id, gold, byName, scores.peopleByName, misses.peopleByName, entityName);
      }
    }

    const citing = events.filter((event) => citesArticle(event.sources, article.id));
    const stated = new Set(citing.filter((event) => event.sources.some((s) => s.article === article.id && TEMPORAL.test(s.evidence))).map((event) => event.date.value));
    const all = new Set(citing.map((event) => event.date.value));
    const found = new Set(draft.events.map((event) => event.date));
    const phrases = (value: string) => {
      const extracted = draft.events.filter((event) => event.date === value).map((event) => `"${event.phrase}"`);
      const curated = citing.filter((event) => event.date.value === value).map((event) => `"${event.date.phrase}"`);
      return `${value} ${extracted.length > 0 ? `from ${[...new Set(extracted)].join(', ')}` : `(curated: ${[...new Set(curated)].join(', ')})`}`;
    };
    compareSets(article.id, stated, found, scores.dates, misses.dates, phrases);
    const alone = new Set(draftFor(briefing, article, dataDir, { aliasIndex: briefing.aliasIndex, entities: briefing.entities }).events.map((event) => event.date));
    compareSets(article.id, stated, alone, scores.datesAlone, misses.datesAlone, (value) => value);
    compareSets(article.id, all, found, scores.datesAll, misses.datesAll, phrases);

    const gold = quotes.filter((quote) => quote.speaker && quote.sources[0]?.article === article.id);
    const matched = new Set<string>();
    for (const quote of draft.quotes) {
      if (!quote.speakerId) {
        unattributed.push({ article: article.id, text: quote.text });
        continue;
      }
      const hit = gold.find((g) => !matched.has(g.id) && quote.existingSpeaker && g.speaker === quote.speakerId && textsOverlap(g.text, quote.text));
      if (hit) {
        matched.add(hit.id);
        scores.quotes.tp += 1;
      } else {
        scores.quotes.fp += 1;
        const sameText = gold.find((g) => textsOverlap(g.text, quote.text));
        const note = sameText ? ` (curated speaker: ${sameText.speaker})` : '';
        misses.quotes.push({ article: article.id, type: 'extra', what: `“${quote.text.slice(0, 70)}” → ${quote.speakerId}${note}` });
      }
    }
    for (const g of gold.filter((quote) => !matched.has(quote.id))) {
      scores.quotes.fn += 1;
      misses.quotes.push({ article: article.id, type: 'missed', what: `“${g.text.slice(0, 70)}” by ${g.speaker}` });
    }
  }
  return { scores, misses, unattributed };
}
