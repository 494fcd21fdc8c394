/**
 * Loads the five articles and the summary once, validates them with the one
 * zod schema plus the cross-checks, and builds the indices the answer engine
 * needs. Pure: reads files, no network, no global state.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDocument } from 'yaml';
import { BodyRuleError, extractBody } from '../corpus/body.js';
import { crossCheck } from './crossCheck.js';
import { parseSummary } from './parseSummary.js';
import { createParseCache, DEFAULT_PARSE_CACHE_DIR, isCacheMiss, type ParseCache } from './parseCache.js';
import { formatPath, SummaryLoadError, type DataProblem } from './problems.js';
import {
  SUMMARY_FILES,
  type Article,
  type Entity,
  type Event,
  type FactDate,
  type Figure,
  type Quote,
  type SourceRef,
  type Summary,
  type Topic,
} from './schema.js';

export const DEFAULT_DATA_DIR = fileURLToPath(new URL('../../data', import.meta.url));

export interface LoadedArticle extends Article {
  /** The body's paragraphs, exactly as in the file, furniture removed. */
  paragraphs: readonly string[];
}

export interface Briefing {
  readonly summary: Summary;
  readonly articles: ReadonlyMap<string, LoadedArticle>;
  readonly articleList: readonly LoadedArticle[];
  readonly entities: ReadonlyMap<string, Entity>;
  readonly events: ReadonlyMap<string, Event>;
  readonly quotes: ReadonlyMap<string, Quote>;
  readonly figures: ReadonlyMap<string, Figure>;
  readonly topics: ReadonlyMap<string, Topic>;
  /** All events, earliest first. */
  readonly eventsByDate: readonly Event[];
  /** Day-precision events by "MM-DD" (any year). */
  readonly eventsByMonthDay: ReadonlyMap<string, readonly Event[]>;
  readonly eventsByActor: ReadonlyMap<string, readonly Event[]>;
  readonly eventsByTopic: ReadonlyMap<string, readonly Event[]>;
  readonly quotesBySpeaker: ReadonlyMap<string, readonly Quote[]>;
  /** Normalized alias (see `normalizeName`) → entity ids using it. */
  readonly aliasIndex: ReadonlyMap<string, readonly string[]>;
  /** Entity id → ids of the articles that mention it. */
  readonly articlesMentioning: ReadonlyMap<string, readonly string[]>;
  /** Article id → number of facts (roles, mentions, events, quotes, figure values) citing it. */
  readonly factsPerArticle: ReadonlyMap<string, number>;
}

export interface LoadOptions {
  /** Folder holding `articles/` and `summary/`; defaults to the project's `data/`. */
  dataDir?: string;
  /** Where parsed YAML is cached by content hash (see parseCache.ts); `false` parses every time. */
  parseCacheDir?: string | false;
}

function displayPath(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative.startsWith('..') ? file : relative;
}

const NON_ASCII = /[^\p{ASCII}]/u;
/** Words of letters and digits, one space apart: a name that only needs lower-casing ("Susan Rice"). */
const PLAIN_NAME = /^[A-Za-z0-9]+(?: [A-Za-z0-9]+)*$/;

/** Lowercase, accents and punctuation removed, spaces collapsed: "Mr. Xí" → "mr xi". */
export function normalizeName(name: string): string {
  if (PLAIN_NAME.test(name)) return name.toLowerCase();
  // ASCII (almost every other name): the same steps, without Unicode normalisation and the strings it makes.
  if (!NON_ASCII.test(name)) return name.toLowerCase().replace(/'/g, '').replace(/[^a-z0-9]+/g, ' ').trim();
  return normalizeAnyName(name);
}

/** `normalizeName` for any text; exported so a test can hold the ASCII path to it. */
export function normalizeAnyName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[’']/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Sortable key for a fact date: year and month precision sort at their start. */
export function dateSortKey(date: FactDate): string {
  if (date.precision === 'year') return `${date.value}-01-01`;
  if (date.precision === 'month') return `${date.value}-01`;
  return date.value;
}

interface RawFiles {
  merged: Record<string, unknown>;
  fileOfKey: Map<string, string>;
  problems: DataProblem[];
}

type Parsed = { content: unknown } | { errors: { path: string; message: string }[] };

function parseYaml(source: string): Parsed {
  const document = parseDocument(source, { prettyErrors: true });
  if (document.errors.length === 0) return { content: document.toJS() };
  return {
    errors: document.errors.map((error) => {
      const line = error.linePos?.[0];
      return { path: line ? `line ${line.line}, column ${line.col}` : '', message: `invalid YAML: ${error.message.split('\n')[0]}` };
    }),
  };
}

function parseJson(source: string): Parsed {
  try {
    return { content: JSON.parse(source) as unknown };
  } catch (error) {
    return { errors: [{ path: '', message: `invalid JSON: ${(error as Error).message}` }] };
  }
}

/** YAML through the cache: only a successful parse is stored, so errors are always reported fresh. */
function parseYamlCached(name: string, source: string, cache: ParseCache | undefined): Parsed {
  const cached = cache?.get(name, source);
  if (cache && !isCacheMiss(cached)) return { content: cached };
  const parsed = parseYaml(source);
  if (cache && 'content' in parsed) cache.set(name, source, parsed.content);
  return parsed;
}

function readSummaryFiles(summaryDir: string, cache: ParseCache | undefined): RawFiles {
  const merged: Record<string, unknown> = {};
  const fileOfKey = new Map<string, string>();
  const problems: DataProblem[] = [];
  for (const name of SUMMARY_FILES) {
    // A `<name>.json` beside (or instead of) the YAML wins: large generated corpora
    // (the scale benchmark) parse many times faster as JSON.
    const jsonFile = path.join(summaryDir, `${name}.json`);
    const isJson = existsSync(jsonFile);
    const file = isJson ? jsonFile : path.join(summaryDir, `${name}.yaml`);
    const shown = displayPath(file);
    let source: string;
    try {
      source = readFileSync(file, 'utf8');
    } catch (error) {
      problems.push({ file: shown, path: '', message: `cannot read the file (${(error as NodeJS.ErrnoException).code ?? String(error)})` });
      continue;
    }
    const parsed = isJson ? parseJson(source) : parseYamlCached(name, source, cache);
    if ('errors' in parsed) {
      problems.push(...parsed.errors.map((error) => ({ file: shown, ...error })));
      continue;
    }
    const content = parsed.content;
    if (content === null || typeof content !== 'object' || Array.isArray(content)) {
      problems.push({ file: shown, path: '', message: `must be a mapping with the key "${name}"` });
      continue;
    }
    for (const [key, value] of Object.entries(content)) {
      if (fileOfKey.has(key)) {
        problems.push({ file: shown, path: key, message: `"${key}" is already defined in ${fileOfKey.get(key)}` });
        continue;
      }
      merged[key] = value;
      fileOfKey.set(key, shown);
    }
  }
  return { merged, fileOfKey, problems };
}

function groupBy<T>(items: readonly T[], keysOf: (item: T) => readonly string[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    for (const key of keysOf(item)) {
      const group = groups.get(key);
      if (group) group.push(item);
      else groups.set(key, [item]);
    }
  }
  return groups;
}

/** Validates and indexes; throws `SummaryLoadError` listing every problem. */
export function loadBriefing(options: LoadOptions = {}): Briefing {
  const dataDir = options.dataDir ?? DEFAULT_DATA_DIR;
  const summaryDir = path.join(dataDir, 'summary');
  const cacheDir = options.parseCacheDir ?? DEFAULT_PARSE_CACHE_DIR;
  const { merged, fileOfKey, problems } = readSummaryFiles(summaryDir, cacheDir === false ? undefined : createParseCache(cacheDir));
  const fileFor = (key: PropertyKey) => fileOfKey.get(String(key)) ?? displayPath(path.join(summaryDir, `${String(key)}.yaml`));

  if (problems.length > 0) throw new SummaryLoadError(problems);

  const parsed = parseSummary(merged);
  if (!parsed.success) {
    throw new SummaryLoadError(
      parsed.error.issues.map((issue) => ({
        file: fileFor(issue.path[0] ?? ''),
        path: formatPath(issue.path),
        message: issue.message,
      })),
    );
  }
  const summary = parsed.data;

  const articleList: LoadedArticle[] = [];
  summary.articles.forEach((article, index) => {
    const file = path.join(dataDir, 'articles', article.file);
    let raw: string;
    try {
      raw = readFileSync(file, 'utf8');
    } catch {
      problems.push({ file: fileFor('articles'), path: `articles[${index}].file`, message: `cannot read ${displayPath(file)}` });
      return;
    }
    try {
      const paragraphs = extractBody(raw, article.body);
      articleList.push({ ...article, paragraphs });
    } catch (error) {
      if (!(error instanceof BodyRuleError)) throw error;
      problems.push({ file: fileFor('articles'), path: `articles[${index}].body.${error.field}`, message: error.message });
    }
  });

  // Joined only for the cross-checks (one search per snippet), then dropped: nothing else needs it.
  const bodies = new Map(articleList.map((article) => [article.id, article.paragraphs.join('\n')]));
  for (const problem of crossCheck(summary, bodies)) {
    problems.push({ file: fileFor(problem.key), path: problem.path, message: problem.message });
  }
  if (problems.length > 0) throw new SummaryLoadError(problems);

  return indexSummary(summary, articleList);
}

function indexSummary(summary: Summary, articleList: LoadedArticle[]): Briefing {
  const byId = <T extends { id: string }>(items: readonly T[]) => new Map(items.map((item) => [item.id, item]));

  // By date, then id; keys computed once. Dates are ASCII digits and ids lowercase kebab-case ASCII
  // (`IdSchema`), where plain comparison gives the locale order (`localeCompare`; a test checks it).
  const eventsByDate = summary.events
    .map((event) => ({ key: dateSortKey(event.date), id: event.id, event }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map(({ event }) => event);
  const dayEvents = eventsByDate.filter((event) => event.date.precision === 'day');

  // Alias → entity ids, each entity once per alias, in the order the entities and their names come.
  const aliasIndex = new Map<string, string[]>();
  const addAlias = (name: string, id: string) => {
    const alias = normalizeName(name);
    if (!alias) return;
    const ids = aliasIndex.get(alias);
    if (!ids) aliasIndex.set(alias, [id]);
    else if (ids[ids.length - 1] !== id) ids.push(id);
  };
  for (const entity of summary.entities) {
    addAlias(entity.name, entity.id);
    for (const alias of entity.aliases) addAlias(alias, entity.id);
  }

  // Each article once, in the order the mentions, then the roles' sources, first cite it (a few per entity: no set needed).
  const articlesMentioning = new Map<string, string[]>();
  for (const entity of summary.entities) {
    const articles: string[] = [];
    const add = (sources: readonly SourceRef[]) => {
      for (const { article } of sources) if (!articles.includes(article)) articles.push(article);
    };
    add(entity.mentions);
    for (const role of entity.roles) add(role.sources);
    articlesMentioning.set(entity.id, articles);
  }

  const factsPerArticle = new Map<string, number>(articleList.map((article) => [article.id, 0]));
  /** One fact counts once per article it cites (most facts cite one: no set needed). */
  const count = (sources: readonly { article: string }[]) => {
    sources.forEach((source, index) => {
      const citedBefore = sources.findIndex((other) => other.article === source.article) < index;
      if (!citedBefore) factsPerArticle.set(source.article, (factsPerArticle.get(source.article) ?? 0) + 1);
    });
  };
  summary.entities.forEach((entity) => {
    count(entity.mentions);
    entity.roles.forEach((role) => count(role.sources));
  });
  summary.events.forEach((event) => count(event.sources));
  summary.quotes.forEach((quote) => count(quote.sources));
  summary.figures.forEach((figure) => figure.values.forEach((value) => count(value.sources)));

  return {
    summary,
    articles: byId(articleList),
    articleList,
    entities: byId(summary.entities),
    events: byId(summary.events),
    quotes: byId(summary.quotes),
    figures: byId(summary.figures),
    topics: byId(summary.topics),
    eventsByDate,
    eventsByMonthDay: groupBy(dayEvents, (event) => [event.date.value.slice(5)]),
    eventsByActor: groupBy(eventsByDate, (event) => event.actors),
    eventsByTopic: groupBy(eventsByDate, (event) => event.topics),
    quotesBySpeaker: groupBy(summary.quotes, (quote) => (quote.speaker ? [quote.speaker] : [])),
    aliasIndex,
    articlesMentioning,
    factsPerArticle,
  };
}
