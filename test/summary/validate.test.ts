/**
 * `npm run validate` and the loader on bad data: each fixture in
 * test/fixtures/summary/<case>/ replaces one or two files of a small valid
 * summary; the problems must name the file, the path inside it and what is wrong.
 */
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadBriefing } from '../../src/summary/load.js';
import { compileKeyParsers, parseSummary } from '../../src/summary/parseSummary.js';
import { SummaryLoadError, type DataProblem } from '../../src/summary/problems.js';
import { SUMMARY_FILES, SummarySchema } from '../../src/summary/schema.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const fixtures = path.join(root, 'test/fixtures/summary');
const made: string[] = [];

/** A data dir with the real articles, the real articles.yaml, the valid fixture, and the case's overrides. */
function dataDirFor(caseName: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), `briefing-${caseName}-`));
  made.push(dir);
  symlinkSync(path.join(root, 'data/articles'), path.join(dir, 'articles'));
  cpSync(path.join(fixtures, 'valid'), path.join(dir, 'summary'), { recursive: true });
  cpSync(path.join(root, 'data/summary/articles.yaml'), path.join(dir, 'summary/articles.yaml'));
  if (caseName !== 'valid') {
    for (const file of readdirSync(path.join(fixtures, caseName)))
      cpSync(path.join(fixtures, caseName, file), path.join(dir, 'summary', file));
  }
  return dir;
}

function problemsOf(caseName: string): DataProblem[] {
  try {
    loadBriefing({ dataDir: dataDirFor(caseName) });
  } catch (error) {
    if (error instanceof SummaryLoadError) return [...error.problems];
    throw error;
  }
  return [];
}

afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

describe('loading a summary', () => {
  it('accepts the valid fixture and indexes it', () => {
    const briefing = loadBriefing({ dataDir: dataDirFor('valid') });
    expect(briefing.entities.get('meng-jianzhu')?.name).toBe('Meng Jianzhu');
    expect(briefing.eventsByMonthDay.get('09-09')?.map((event) => event.id)).toEqual(['meng-dispatched']);
    expect(briefing.quotesBySpeaker.get('meng-jianzhu')).toHaveLength(1);
    expect(briefing.aliasIndex.get('meng')).toEqual(['meng-jianzhu']);
  });

  it('reads a summary file written as JSON (generated corpora) the same way', () => {
    const dir = dataDirFor('valid');
    const events = parse(readFileSync(path.join(dir, 'summary/events.yaml'), 'utf8')) as unknown;
    rmSync(path.join(dir, 'summary/events.yaml'));
    writeFileSync(path.join(dir, 'summary/events.json'), JSON.stringify(events));
    expect(loadBriefing({ dataDir: dir }).events.get('meng-dispatched')?.date.value).toBe('2015-09-09');
    writeFileSync(path.join(dir, 'summary/events.json'), '{"events": [');
    expect(() => loadBriefing({ dataDir: dir })).toThrow(/events\.json: invalid JSON/);
  });

  it('reports a reference to an unknown entity with its path', () => {
    expect(problemsOf('broken-reference')).toEqual([
      expect.objectContaining({ file: expect.stringMatching(/events\.yaml$/), path: 'events[0].actors[1]', message: expect.stringContaining('"susan-rise"') }),
    ]);
  });

  it('reports a missing required field', () => {
    expect(problemsOf('missing-field')).toEqual([
      expect.objectContaining({ file: expect.stringMatching(/entities\.yaml$/), path: 'entities[0].description' }),
    ]);
  });

  it('reports invalid YAML with its line', () => {
    const problems = problemsOf('bad-yaml');
    expect(problems.length).toBeGreaterThan(0);
    for (const problem of problems) {
      expect(problem.file).toMatch(/quotes\.yaml$/);
      expect(problem.path).toMatch(/^line \d+, column \d+$/);
      expect(problem.message).toMatch(/invalid YAML/);
    }
  });

  it('reports evidence that is not verbatim in the cited article', () => {
    expect(problemsOf('bad-evidence')).toEqual([
      expect.objectContaining({ path: 'figures[0].values[0].sources[0].evidence', message: expect.stringContaining('sanctions-threat') }),
    ]);
  });

  it('reports an impossible calendar date', () => {
    expect(problemsOf('impossible-date')).toEqual([
      expect.objectContaining({ path: 'events[0].date.value', message: expect.stringContaining('2015-09-31') }),
    ]);
  });

  it('lists every problem at once, across files', () => {
    const paths = problemsOf('multiple-problems').map((problem) => problem.path).sort();
    expect(paths).toEqual(['events[0].actors[0]', 'events[0].sources[0].evidence', 'quotes[0].topics[1]']);
  });
});

describe('the compiled parsers the loader uses (parseSummary)', () => {
  /** The real summary as the loader merges it, before validation. */
  const rawSummary = (): Record<string, unknown> =>
    Object.assign({}, ...SUMMARY_FILES.map((name) => parse(readFileSync(path.join(root, 'data/summary', `${name}.yaml`), 'utf8')) as object));
  type Raw = Record<string, Record<string, unknown>[]>;
  const breakages: [string, (raw: Raw) => void][] = [
    ['an impossible date', (raw) => ((raw.events?.[0]?.date as { value: string }).value = '2015-02-30')],
    ['an unknown key', (raw) => ((raw.entities?.[1] as Record<string, unknown>).nickname = 'Meng')],
    ['a short evidence snippet', (raw) => ((raw.quotes?.[0]?.sources as { evidence: string }[])[0]!.evidence = 'short')],
    ['a missing field', (raw) => delete raw.figures?.[0]?.verdict],
    ['a wrong type', (raw) => ((raw.articles?.[2] as Record<string, unknown>).title = 42)],
    ['an unknown top-level key', (raw) => ((raw as Record<string, unknown>).people = [])],
    ['a missing top-level key', (raw) => delete (raw as Record<string, unknown>).quotes],
    [
      'two broken keys',
      (raw) => {
        (raw.events?.[1] as Record<string, unknown>).title = '';
        (raw.figures?.[0] as Record<string, unknown>).kind = 'guess';
      },
    ],
  ];

  it('compiles every key: a schema change zod cannot compile would silently fall back to the slower parser', () => {
    expect(() => compileKeyParsers({ strict: true })).not.toThrow();
    expect([...compileKeyParsers().keys()]).toEqual(Object.keys(SummarySchema.shape));
  });

  it('gives the same summary as the ordinary parser, keys in the same order', () => {
    const compiled = parseSummary(rawSummary());
    const ordinary = SummarySchema.safeParse(rawSummary());
    expect(compiled.success).toBe(true);
    expect(compiled.data).toEqual(ordinary.data);
    expect(Object.keys(compiled.data ?? {})).toEqual(Object.keys(ordinary.data ?? {}));
  });

  it.each(breakages)('reports %s with the same issues as the ordinary parser', (name, breakIt) => {
    const raw = rawSummary();
    breakIt(raw as Raw);
    const compiled = parseSummary(raw);
    expect(compiled.success).toBe(false);
    expect(compiled.error?.issues.length).toBe(name === 'two broken keys' ? 2 : 1);
    expect(compiled.error?.issues).toEqual(SummarySchema.safeParse(raw).error?.issues);
  });

  it.each([null, [], 'summary'])('reports a summary that is not a mapping (%j) as the ordinary parser does', (input) => {
    expect(parseSummary(input).error?.issues).toEqual(SummarySchema.safeParse(input).error?.issues);
  });
});

describe('npm run validate', () => {
  const run = promisify(execFile);
  const validate = (dataDir: string) =>
    run(process.execPath, ['--import', 'tsx', path.join(root, 'src/cli/validate.ts'), '--data-dir', dataDir], { cwd: root });

  it('prints the counts for good data', async () => {
    const { stdout } = await validate(dataDirFor('valid'));
    expect(stdout).toMatch(/^OK: 5 articles, 1 entities \(1 people, 0 organizations\), 1 events, 1 quotes, 1 figures \(1 discrepancies\), 1 topics$/m);
  });

  it('exits 1 and prints one line per problem: file, path, message', async () => {
    const failure = await validate(dataDirFor('multiple-problems')).then(
      () => undefined,
      (error: { code: number; stderr: string; stdout: string }) => error,
    );
    expect(failure?.code).toBe(1);
    expect(failure?.stdout).toBe('');
    const lines = failure?.stderr.trim().split('\n') ?? [];
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatch(/events\.yaml: events\[0\]\.actors\[0\]: unknown entity id "nobody"$/);
    expect(lines).toContainEqual(expect.stringMatching(/quotes\.yaml: quotes\[0\]\.topics\[1\]: unknown topic id "weather"$/));
    expect(lines[3]).toBe('3 problems found.');
  });
});
