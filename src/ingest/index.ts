/**
 * Ingesting a new article: what the CLI, the tests and the bot may call.
 * - `extractDraft(rawText, { published, outlet?, title?, file? }, briefing?)`: the `--json` contract;
 * - `buildDraftFile` / `draftFileToYaml`: the reviewable draft in the summary's format;
 * - `mergeDraft(draftPath, dataDir?)`: validate and append a reviewed draft to data/summary/*.yaml;
 * - `evaluate(briefing, dataDir)`: the extractor's scores against the curated summary.
 */
export { extractDraft, type DraftOptions, type IngestDraft, type DraftEntity, type DraftEvent, type DraftQuote, type DraftFigure } from './draft.js';
export { buildDraftFile, draftFileToYaml, DraftFileSchema, takenIds, type DraftFile } from './summaryDraft.js';
export { mergeDraft, type MergeOutcome } from './merge.js';
export { evaluate, f1, precision, recall, type Evaluation } from './evaluate.js';
export { formatReport } from './report.js';
