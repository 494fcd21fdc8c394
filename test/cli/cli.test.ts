/**
 * The CLI contract, by running the real process (`tsx src/cli/cli.ts`, what
 * `npm run cli` runs): the JSON shape, JSON Lines from stdin, exit code 2 on
 * bad arguments with nothing on stdout. Few spawns: each costs about half a second.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));

function cli(args: string[], stdin = ''): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/cli.ts', ...args], { cwd: root, env: { ...process.env, NO_COLOR: '1' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin);
  });
}

const SHAPE = ['citations', 'kind', 'suggestions', 'text', 'title'];

function expectContractShape(value: Record<string, unknown>): void {
  expect(Object.keys(value).sort()).toEqual(SHAPE);
  expect(typeof value.kind).toBe('string');
  expect(typeof value.title).toBe('string');
  expect(typeof value.text).toBe('string');
  expect(Array.isArray(value.suggestions)).toBe(true);
  for (const citation of value.citations as Record<string, unknown>[]) {
    expect(Object.keys(citation).sort()).toEqual(['date', 'evidence', 'file', 'outlet']);
    expect(citation.file).toMatch(/^\d{3}_[0-9a-f]{16}\.txt$/);
    expect(citation.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  }
}

describe.concurrent('cli', () => {
  it('ask "<question>" --json prints exactly one JSON object with the answer and its citations', async () => {
    const { code, stdout, stderr } = await cli(['ask', 'Who is Meng Jianzhu?', '--json']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout.trim().split('\n')).toHaveLength(1);
    const answer = JSON.parse(stdout) as Record<string, unknown>;
    expectContractShape(answer);
    expect(answer.kind).toBe('who');
    expect(answer.text).toContain('secretary of the Central Politics and Law Commission');
    expect((answer.citations as { file: string }[]).map((citation) => citation.file)).toContain('001_b5b8a279e97dc747.txt');
  });

  it('ask --json with no question answers each stdin line with one JSON line, in order', async () => {
    const questions = ['Who is Rice?', 'What is the capital of France?', 'How many companies were on the sanctions list?', '', 'When did Xi arrive in the US?'];
    const { code, stdout } = await cli(['ask', '--json'], `${questions.join('\n')}\n`);
    expect(code).toBe(0);
    const answers = stdout.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(answers.map((answer) => answer.kind)).toEqual(['who', 'not_found', 'discrepancy', 'error', 'discrepancy']);
    for (const answer of answers) expectContractShape(answer);
    expect(answers[0]?.title).toBe('Susan Rice');
    expect(answers[2]?.text).toMatch(/at least 25[\s\S]*about two dozen/);
  });

  it('prints readable text without --json', async () => {
    const { code, stdout } = await cli(['timeline', '--actor', 'Meng Jianzhu']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Timeline involving Meng Jianzhu\n/);
    expect(stdout).toContain('Sept 9, 2015 — China sends Meng Jianzhu');
    expect(stdout).toContain('001_b5b8a279e97dc747.txt');
  });

  it.each([
    [['timeline', '--bogus', 'x'], /bogus/],
    [['onthisday', '--date', '02-30', '--json'], /February has 29 days/],
  ])('rejects bad arguments %j on stderr with exit code 2 and nothing on stdout', async (args, message) => {
    const { code, stdout, stderr } = await cli(args);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
  });
});
