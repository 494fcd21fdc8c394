/**
 * The one answer shape every command returns. Platform-free: the Discord
 * layer renders it as embeds, the CLI and the console as plain text.
 */
import type { FactDate } from '../summary/schema.js';

export const ANSWER_KINDS = [
  'brief',
  'help',
  'who',
  'timeline',
  'onthisday',
  'quote',
  'sources',
  'discrepancy',
  'search',
  'not_found',
  'ambiguous',
] as const;
export type AnswerKind = (typeof ANSWER_KINDS)[number];

/** One article backing a statement, with the verbatim snippet that supports it. */
export interface Citation {
  articleId: string;
  /** File name in data/articles/, e.g. "001_b5b8a279e97dc747.txt". */
  file: string;
  outlet: string;
  title: string;
  /** Publication date as a reader sees it: "Sept 23, 2015", or "around Sept 13, 2015" when inferred. */
  date: string;
  /** Publication date as YYYY-MM-DD (the best estimate when inferred). */
  isoDate: string;
  /** The article prints no date: `isoDate` was inferred (see articles.yaml). */
  dateInferred: boolean;
  /** Copied verbatim from the article body. */
  evidence: string;
}

/** Indexes (0-based) into `Answer.citations`; renderers show them as [1], [2]… */
export type CiteRefs = number[];

export interface LinePart {
  type: 'line';
  text: string;
  cites: CiteRefs;
}

export interface ListItem {
  /** Short label shown before the text, e.g. a date ("Sept 25, 2015") or a speaker. */
  label?: string;
  text: string;
  /** The fact's date, for renderers that format dates themselves (e.g. Discord timestamps). */
  date?: FactDate;
  cites: CiteRefs;
}

export interface ListPart {
  type: 'list';
  heading?: string;
  items: ListItem[];
}

export interface Fact {
  label: string;
  value: string;
  cites: CiteRefs;
}

export interface FactsPart {
  type: 'facts';
  heading?: string;
  facts: Fact[];
}

export type AnswerPart = LinePart | ListPart | FactsPart;

/** Timeline filters with names already resolved to ids: enough to fetch any page again. */
export interface TimelineFilters {
  /** Entity id. */
  actor?: string;
  /** Topic id. */
  topic?: string;
  /** YYYY, YYYY-MM or YYYY-MM-DD, as given. */
  from?: string;
  to?: string;
}

export interface Paging {
  /** 1-based. */
  page: number;
  pageCount: number;
  pageSize: number;
  total: number;
  /** Pass back with another `page` to fetch a neighbouring page (stateless paging). */
  filters: TimelineFilters;
}

export interface Candidate {
  /** Entity id: pass it back as the name to get exactly this one. */
  id: string;
  label: string;
  description?: string;
}

export type CommandName = 'brief' | 'help' | 'who' | 'timeline' | 'onthisday' | 'quote' | 'sources' | 'ask';

/** For an `ambiguous` answer: which command option the chosen candidate's id fills. */
export interface Rerun {
  command: 'who' | 'timeline' | 'quote';
  option: 'name' | 'actor' | 'speaker';
  /** The other options of the original request, to keep when re-running. */
  options: Record<string, string>;
}

export interface Answer {
  kind: AnswerKind;
  title: string;
  body: AnswerPart[];
  citations: Citation[];
  /** Follow-ups the user can type as is: "/who Susan Rice", "/timeline topic:sanctions", or a question. */
  suggestions: string[];
  /** Timeline pages. */
  paging?: Paging;
  /** `ambiguous`: the candidates, best first. */
  candidates?: Candidate[];
  rerun?: Rerun;
}
