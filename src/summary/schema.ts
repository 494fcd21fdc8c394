/**
 * The one schema for the briefing summary in `data/summary/*.yaml`.
 *
 * Every fact carries `sources`: the article it comes from and a verbatim
 * evidence snippet that a test finds in that article's body. Cross-file
 * checks (dangling ids, evidence present in the article) live in
 * `crossCheck.ts`, because zod sees one value at a time.
 */
import { z } from 'zod';

/** Lowercase kebab-case identifiers, stable across edits (they appear in URLs and custom ids). */
export const IdSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lowercase kebab-case, e.g. "xi-jinping"');

function isRealCalendarDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

export const IsoDaySchema = z
  .string()
  .refine(isRealCalendarDate, 'must be a real calendar date written YYYY-MM-DD');

export const SourceRefSchema = z.strictObject({
  /** Article id (see articles.yaml). */
  article: IdSchema,
  /** Copied verbatim from the article body: a test finds it there character for character. */
  evidence: z.string().trim().min(8, 'evidence must be a verbatim snippet of at least 8 characters'),
});
export type SourceRef = z.infer<typeof SourceRefSchema>;

const Sources = z.array(SourceRefSchema).min(1, 'every fact needs at least one source');

/**
 * How precisely a date is known.
 * - day: the exact day (value YYYY-MM-DD)
 * - approximate: around that day; `earliest`/`latest` bound it (value YYYY-MM-DD, the best estimate)
 * - month: value YYYY-MM
 * - year: value YYYY
 */
export const DatePrecisionSchema = z.enum(['day', 'approximate', 'month', 'year']);
export type DatePrecision = z.infer<typeof DatePrecisionSchema>;

/**
 * `stated`: the text gives the date itself (a year taken from the article's own date is still `stated`).
 * `inferred`: resolved from a relative phrase ("this Friday", "next week") against a known date;
 * `reasoning` says how.
 */
export const DateBasisSchema = z.enum(['stated', 'inferred']);

/** How a date's value is written at each precision (built once: every date of a large corpus is checked). */
const DATE_SHAPES: Record<DatePrecision, RegExp> = {
  day: /^\d{4}-\d{2}-\d{2}$/,
  approximate: /^\d{4}-\d{2}-\d{2}$/,
  month: /^\d{4}-(0[1-9]|1[0-2])$/,
  year: /^\d{4}$/,
};

export const FactDateSchema = z
  .strictObject({
    value: z.string(),
    precision: DatePrecisionSchema,
    basis: DateBasisSchema,
    /** The words the article uses, e.g. "Sept. 25", "this Friday", "late August". */
    phrase: z.string().min(1),
    reasoning: z.string().min(10).optional(),
    earliest: IsoDaySchema.optional(),
    latest: IsoDaySchema.optional(),
  })
  .superRefine((date, ctx) => {
    if (!DATE_SHAPES[date.precision].test(date.value)) {
      ctx.addIssue({
        code: 'custom',
        path: ['value'],
        message: `a ${date.precision}-precision date must be written ${
          date.precision === 'month' ? 'YYYY-MM' : date.precision === 'year' ? 'YYYY' : 'YYYY-MM-DD'
        }`,
      });
    } else if (date.value.length === 10 && !isRealCalendarDate(date.value)) {
      ctx.addIssue({ code: 'custom', path: ['value'], message: `${date.value} is not a real calendar date` });
    }
    if (date.basis === 'inferred' && !date.reasoning) {
      ctx.addIssue({ code: 'custom', path: ['reasoning'], message: 'an inferred date must say how it was inferred' });
    }
    if (date.earliest && date.latest && date.earliest > date.latest) {
      ctx.addIssue({ code: 'custom', path: ['earliest'], message: 'earliest is after latest' });
    }
  });
export type FactDate = z.infer<typeof FactDateSchema>;

/**
 * Which lines of the article file make up its body. The loader applies this rule to the raw
 * file (plus the generic furniture filter in `src/corpus/furniture.ts`); nothing is retyped.
 */
export const BodyRuleSchema = z.strictObject({
  /** The body starts at the first line that begins with this text. */
  startLine: z.string().min(1),
  /** The body ends at (and includes) the first line after the start that begins with this text. Omit to run to the end. */
  endLine: z.string().min(1).optional(),
  /** Lines inside the range that are page furniture specific to this page (matched by their start). */
  dropLines: z.array(z.string().min(1)).default([]),
});

export const ArticleSchema = z.strictObject({
  id: IdSchema,
  /** File name in data/articles/ (same as in the seed corpus). */
  file: z.string().regex(/^[\w.-]+\.txt$/),
  outlet: z.string().min(1),
  /** `stated`: the page names it; `inferred`: from page furniture, see outletNote; `unknown`: no outlet named. */
  outletBasis: z.enum(['stated', 'inferred', 'unknown']),
  outletNote: z.string().optional(),
  title: z.string().min(1),
  /** `stated`: the headline on the page; `editorial`: the page has none, we wrote a descriptive one. */
  titleBasis: z.enum(['stated', 'editorial']),
  author: z.string().nullable(),
  /** Wire service credited, e.g. "AP". */
  wire: z.string().optional(),
  published: FactDateSchema,
  body: BodyRuleSchema,
});
export type Article = z.infer<typeof ArticleSchema>;

export const EntityKindSchema = z.enum(['person', 'organization']);
export const EntityCategorySchema = z.enum([
  'official',
  'politician',
  'analyst',
  'businessperson',
  'anonymous',
  'government',
  'military',
  'party',
  'company',
  'media',
  'think_tank',
  'legislature',
  'other',
]);

export const RoleSchema = z.strictObject({
  /** The title as the article gives it, e.g. "national security adviser". */
  title: z.string().min(1),
  organization: IdSchema.optional(),
  sources: Sources,
});

export const EntitySchema = z.strictObject({
  id: IdSchema,
  name: z.string().min(1),
  kind: EntityKindSchema,
  category: EntityCategorySchema,
  /** Every form the articles use, including misspellings and "Mr. Xi"-style forms. */
  aliases: z.array(z.string().min(1)).default([]),
  roles: z.array(RoleSchema).default([]),
  country: z.string().optional(),
  affiliations: z.array(IdSchema).default([]),
  /** 1–3 sentences written from the articles. */
  description: z.string().min(10),
  related: z.array(z.strictObject({ entity: IdSchema, relation: z.string().min(1) })).default([]),
  topics: z.array(IdSchema).default([]),
  /** Where the articles name this entity (at least one). */
  mentions: Sources,
});
export type Entity = z.infer<typeof EntitySchema>;

export const EventSchema = z.strictObject({
  id: IdSchema,
  title: z.string().min(1).max(120),
  date: FactDateSchema,
  summary: z.string().min(10),
  location: z.string().optional(),
  actors: z.array(IdSchema).default([]),
  topics: z.array(IdSchema).default([]),
  sources: Sources,
});
export type Event = z.infer<typeof EventSchema>;

export const QuoteSchema = z.strictObject({
  id: IdSchema,
  /** Entity id of who said it; null only for unattributable text (then speakerLabel says what it is). */
  speaker: IdSchema.nullable(),
  speakerLabel: z.string().optional(),
  /** Exactly as printed, without the surrounding quotation marks. */
  text: z.string().min(2),
  /** When it was said, if the article says (often inferred from "on Thursday"). */
  said: FactDateSchema.optional(),
  context: z.string().min(10),
  event: IdSchema.optional(),
  topics: z.array(IdSchema).default([]),
  /** The first source's evidence holds the quotation and its attribution. */
  sources: Sources,
});
export type Quote = z.infer<typeof QuoteSchema>;

export const FigureValueSchema = z.strictObject({
  /** As written, e.g. "more than 20 million". */
  value: z.string().min(1),
  /** A comparable form when there is one: a number, or a date YYYY-MM-DD. */
  normalized: z.union([z.number(), z.string()]).optional(),
  sources: Sources,
});

export const FigureSchema = z.strictObject({
  id: IdSchema,
  /** What is counted or named, as a question would put it: "people whose data was exposed in the OPM breach". */
  subject: z.string().min(5),
  kind: z.enum(['count', 'amount', 'date', 'duration', 'name', 'title', 'other']),
  values: z.array(FigureValueSchema).min(1),
  /**
   * How the values relate, decided by the curator (not by comparing strings):
   * `conflict`: the sources disagree on the fact; `wording`: the same fact written
   * differently (spelling, a title, a rounding); `consistent`: the values fit together
   * (different stages or measures); `single`: one source only.
   */
  verdict: z.enum(['conflict', 'wording', 'consistent', 'single']),
  /** What to make of the values: do they disagree, or measure different things? */
  note: z.string().min(10),
  topics: z.array(IdSchema).default([]),
  /** Words a question may use for this figure, e.g. "hacks", "employees affected". */
  keywords: z.array(z.string().min(2)).default([]),
});
export type Figure = z.infer<typeof FigureSchema>;

export const TopicSchema = z.strictObject({
  id: IdSchema,
  name: z.string().min(1),
  description: z.string().min(10),
  keywords: z.array(z.string().min(2)).default([]),
});
export type Topic = z.infer<typeof TopicSchema>;

/** The whole summary: each key lives in its own file, `data/summary/<key>.yaml`. */
export const SummarySchema = z.strictObject({
  story: z.strictObject({
    title: z.string().min(1),
    description: z.string().min(10),
  }),
  articles: z.array(ArticleSchema).min(1),
  topics: z.array(TopicSchema),
  entities: z.array(EntitySchema),
  events: z.array(EventSchema),
  quotes: z.array(QuoteSchema),
  figures: z.array(FigureSchema),
});
export type Summary = z.infer<typeof SummarySchema>;

/** The files the summary is split into, in load order. `story` lives in articles.yaml. */
export const SUMMARY_FILES = ['articles', 'topics', 'entities', 'events', 'quotes', 'figures'] as const;
