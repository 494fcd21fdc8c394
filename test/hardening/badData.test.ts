/**
 * `npm start` on broken data refuses to start, naming the file and the field.
 * main.ts always reads the data/ next to its sources, so each case runs a copy
 * of src/ and commands/ beside a damaged copy of data/ (node_modules linked).
 * test/summary/validate.test.ts checks the loader's messages on fixtures; this
 * checks the process: exit code, and what an operator reads on stderr.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const copies: string[] = [];

/** A runnable copy of the app whose data/ `damage` then breaks. */
function appWithDamagedData(damage: (dataDir: string) => void): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'briefing-bad-data-'));
  copies.push(dir);
  for (const part of ['src', 'commands', 'data', 'package.json', 'tsconfig.json']) cpSync(path.join(ROOT, part), path.join(dir, part), { recursive: true });
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  damage(path.join(dir, 'data'));
  return dir;
}

function start(dir: string): { status: number | null; stderr: string } {
  const env = { ...process.env };
  delete env.DISCORD_TOKEN;
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/main.ts'], { cwd: dir, env, encoding: 'utf8', timeout: 30_000, input: '' });
  return { status: result.status, stderr: result.stderr };
}

afterEach(() => {
  for (const dir of copies.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('npm start refuses broken data, naming the path and the field', () => {
  it('a summary file missing', () => {
    const dir = appWithDamagedData((data) => unlinkSync(path.join(data, 'summary', 'quotes.yaml')));
    const { status, stderr } = start(dir);
    expect(status).not.toBe(0);
    expect(stderr).toMatch(/Refusing to start/);
    expect(stderr).toMatch(/data\/summary\/quotes\.yaml: cannot read the file/);
  });

  it('a required field removed from an entity', () => {
    const dir = appWithDamagedData((data) => {
      const file = path.join(data, 'summary', 'entities.yaml');
      writeFileSync(file, readFileSync(file, 'utf8').replace('    kind: person\n', ''));
    });
    const { status, stderr } = start(dir);
    expect(status).not.toBe(0);
    expect(stderr).toMatch(/Refusing to start/);
    expect(stderr).toMatch(/data\/summary\/entities\.yaml: entities\[0\]\.kind: /);
  });

  it('a corrupt (unparsable) YAML file', () => {
    const dir = appWithDamagedData((data) => writeFileSync(path.join(data, 'summary', 'events.yaml'), 'events:\n  - id: [unclosed\n    : : :\n\t{"'));
    const { status, stderr } = start(dir);
    expect(status).not.toBe(0);
    expect(stderr).toMatch(/Refusing to start/);
    expect(stderr).toMatch(/data\/summary\/events\.yaml: line \d+, column \d+: invalid YAML/);
  });
});
