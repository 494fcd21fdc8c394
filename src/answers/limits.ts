/**
 * Input and output limits shared by the answer engine, the CLI, the console
 * and the Discord command definitions (which copy them into `max_length`).
 */

/** Longest name, topic or keyword option (who, timeline actor/topic, quote speaker/about). */
export const NAME_MAX = 200;

/** Longest free question for `ask`. */
export const QUESTION_MAX = 500;

/** Events per timeline page: ten one-line items keep an embed well under Discord's limits. */
export const TIMELINE_PAGE_SIZE = 10;

/** Highest page number accepted (protects paging arithmetic from absurd input). */
export const PAGE_MAX = 10_000;

/** Quotes shown in one quote answer; the rest are counted, not listed. */
export const QUOTES_MAX = 8;

/** Search hits shown for a free question. */
export const SEARCH_RESULTS_MAX = 5;

/** "Did you mean" suggestions and ambiguous candidates offered at most (a Discord select menu holds 25). */
export const CANDIDATES_MAX = 5;

/** Autocomplete choices returned at most (Discord's limit). */
export const AUTOCOMPLETE_MAX = 25;
