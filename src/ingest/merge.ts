/**
 * `--merge`: adds a reviewed draft to the summary. The merged files are built
 * in a scratch copy of the data folder and loaded with the same loader and
 * checks the bot uses; only if that succeeds are the real files replaced
 * (each by an atomic rename), so nothing enters the summary unvalidated.
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseDocument } from 'yaml';
import { DEFAULT_DATA_DIR, loadBriefing } from '../summary/load.js';
import { formatPath, formatProblem, SummaryLoadError } from '../summary/problems.js';
import { SUMMARY_FILES } from '../summary/schema.js';
import { DraftFileSchema, type DraftFile } from './summaryDraft.js';
import { appendToSequence, indexOfId } from './yamlEdit.js';

export type MergeOutcome =
  | { ok: true; article: string; added: Record<'entities' | 'events' | 'quotes' | 'figures' | 'entityUpdates' | 'eventUpdates', number>; written: string[] }
  | { ok: false; problems: string[] };

type SummaryTexts = Record<(typeof SUMMARY_FILES)[number], string>;

function readDraft(draftPath: string): { draft?: DraftFile; problems: string[] } {
  let text: string;
  try {
    text = readFileSync(draftPath, 'utf8');
  } catch (error) {
    return { problems: [`${draftPath}: cannot read the draft (${(error as NodeJS.ErrnoException).code ?? String(error)})`] };
  }
  const document = parseDocument(text, { prettyErrors: true });
  if (document.errors.length > 0) return { problems: document.errors.map((error) => `${draftPath}: invalid YAML: ${error.message.split('\n')[0]}`) };
  const parsed = DraftFileSchema.safeParse(document.toJS());
  if (!parsed.success) return { problems: parsed.error.issues.map((issue) => `${draftPath}: ${formatPath(issue.path)}: ${issue.message}`) };
  return { draft: parsed.data, problems: [] };
}

/**
 * Appends to lists of the existing item `id` in the `key` sequence, e.g. an entity's new
 * mentions; a problem (and no change) when the summary has no such item.
 */
function updateItem(
  source: string,
  key: 'entities' | 'events',
  id: string,
  lists: Record<string, readonly unknown[]>,
  problems: string[],
): string {
  const index = indexOfId(source, key, id);
  if (index < 0) {
    problems.push(`draft: ${key === 'entities' ? 'entityUpdates: unknown entity' : 'eventUpdates: unknown event'} id "${id}"`);
    return source;
  }
  let next = source;
  for (const [field, items] of Object.entries(lists)) next = appendToSequence(next, [key, index, field], items);
  return next;
}

function applyDraft(texts: SummaryTexts, draft: DraftFile, problems: string[]): SummaryTexts {
  const next = { ...texts };
  next.articles = appendToSequence(next.articles, ['articles'], draft.articles);
  for (const { id, mentions, roles, aliases } of draft.entityUpdates) {
    next.entities = updateItem(next.entities, 'entities', id, { mentions, roles, aliases }, problems);
  }
  next.entities = appendToSequence(next.entities, ['entities'], draft.entities);
  for (const { id, sources } of draft.eventUpdates) next.events = updateItem(next.events, 'events', id, { sources }, problems);
  next.events = appendToSequence(next.events, ['events'], draft.events);
  next.quotes = appendToSequence(next.quotes, ['quotes'], draft.quotes);
  next.figures = appendToSequence(next.figures, ['figures'], draft.figures);
  return next;
}

/** The article as read when drafting: the path in the draft, from the working directory or from the draft's folder. */
function findSource(draftPath: string, source: string): string | undefined {
  const candidates = path.isAbsolute(source) ? [source] : [path.resolve(source), path.resolve(path.dirname(draftPath), source)];
  return candidates.find((candidate) => existsSync(candidate));
}

function writeAtomically(file: string, content: string | Buffer): void {
  const temporary = `${file}.merge-${process.pid}.tmp`;
  writeFileSync(temporary, content);
  renameSync(temporary, file);
}

export function mergeDraft(draftPath: string, dataDir: string = DEFAULT_DATA_DIR): MergeOutcome {
  const { draft, problems } = readDraft(draftPath);
  if (!draft) return { ok: false, problems };
  const article = draft.articles[0];
  if (!article) return { ok: false, problems: ['draft: no article'] };

  try {
    const current = loadBriefing({ dataDir });
    if (current.articles.has(article.id)) problems.push(`draft: articles[0].id: the summary already has an article "${article.id}"`);
  } catch (error) {
    if (!(error instanceof SummaryLoadError)) throw error;
    return { ok: false, problems: ['the summary does not validate before merging; fix it first:', ...error.problems.map(formatProblem)] };
  }

  const sourcePath = findSource(draftPath, draft.source);
  const target = path.join(dataDir, 'articles', article.file);
  let articleBytes: Buffer | undefined;
  if (!sourcePath) problems.push(`draft: source: cannot find the article "${draft.source}"`);
  else {
    articleBytes = readFileSync(sourcePath);
    if (existsSync(target) && !readFileSync(target).equals(articleBytes)) problems.push(`draft: articles[0].file: ${target} exists and differs from ${draft.source}`);
  }

  const summaryDir = path.join(dataDir, 'summary');
  const texts = Object.fromEntries(SUMMARY_FILES.map((name) => [name, readFileSync(path.join(summaryDir, `${name}.yaml`), 'utf8')])) as SummaryTexts;
  let merged: SummaryTexts;
  try {
    merged = applyDraft(texts, draft, problems);
  } catch (error) {
    problems.push(String(error instanceof Error ? error.message : error));
    return { ok: false, problems };
  }
  if (problems.length > 0 || !articleBytes) return { ok: false, problems };

  // Load the merged summary from a scratch copy, exactly as the bot would.
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'ingest-merge-'));
  try {
    mkdirSync(path.join(scratch, 'articles'));
    mkdirSync(path.join(scratch, 'summary'));
    for (const name of readdirSync(path.join(dataDir, 'articles'))) copyFileSync(path.join(dataDir, 'articles', name), path.join(scratch, 'articles', name));
    writeFileSync(path.join(scratch, 'articles', article.file), articleBytes);
    for (const name of SUMMARY_FILES) writeFileSync(path.join(scratch, 'summary', `${name}.yaml`), merged[name]);
    try {
      loadBriefing({ dataDir: scratch });
    } catch (error) {
      if (!(error instanceof SummaryLoadError)) throw error;
      const shown = (file: string) => file.replace(scratch, dataDir).replace(/^.*\/(summary\/\w+\.yaml)$/, '$1');
      return { ok: false, problems: error.problems.map((problem) => formatProblem({ ...problem, file: `merged ${shown(problem.file)}` })) };
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }

  const written: string[] = [];
  if (!existsSync(target)) {
    writeAtomically(target, articleBytes);
    written.push(target);
  }
  for (const name of SUMMARY_FILES) {
    if (merged[name] === texts[name]) continue;
    const file = path.join(summaryDir, `${name}.yaml`);
    writeAtomically(file, merged[name]);
    written.push(file);
  }
  return {
    ok: true,
    article: article.id,
    added: {
      entities: draft.entities.length,
      events: draft.events.length,
      quotes: draft.quotes.length,
      figures: draft.figures.length,
      entityUpdates: draft.entityUpdates.length,
      eventUpdates: draft.eventUpdates.length,
    },
    written,
  };
}
