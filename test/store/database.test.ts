import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import {
  closeDatabase,
  databasePathFromEnv,
  DatabaseOpenError,
  DEFAULT_DATABASE_PATH,
  openDatabase,
  schemaVersion,
} from '../../src/store/database.js';
import { MIGRATIONS, type Migration } from '../../src/store/migrations.js';
import { getSubscription, upsertSubscription } from '../../src/store/subscriptions.js';
import { useTempDatabases } from './tempDatabase.js';

const temp = useTempDatabases();
const now = new Date('2025-06-01T12:00:00Z');
const subscribe = (db: BetterSqlite3.Database, channelId = 'c1') =>
  upsertSubscription(db, { guildId: 'g1', channelId, hour: 9, timeZone: 'UTC', createdBy: 'u1' }, now);

function migrationRows(db: BetterSqlite3.Database): { version: number; name: string; applied_at: string }[] {
  return db.prepare('SELECT version, name, applied_at FROM schema_migrations ORDER BY version').all() as {
    version: number;
    name: string;
    applied_at: string;
  }[];
}

describe('openDatabase', () => {
  it('creates the directory and the file, in WAL mode with foreign keys and a busy timeout', () => {
    const path = join(temp.directory(), 'nested', 'deeper', 'briefing.sqlite');
    const db = openDatabase(path, { busyTimeoutMs: 1234 });
    try {
      expect(existsSync(path)).toBe(true);
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(db.pragma('busy_timeout', { simple: true })).toBe(1234);
    } finally {
      closeDatabase(db);
    }
  });

  it('reads DATABASE_PATH, falling back to ./var/briefing.sqlite', () => {
    expect(databasePathFromEnv({})).toBe(DEFAULT_DATABASE_PATH);
    expect(databasePathFromEnv({ DATABASE_PATH: '  ' })).toBe(DEFAULT_DATABASE_PATH);
    expect(databasePathFromEnv({ DATABASE_PATH: '/data/bot.sqlite' })).toBe('/data/bot.sqlite');
  });

  it('applies every migration once, records it, and mirrors the version in user_version', () => {
    const db = temp.open();
    expect(schemaVersion(db)).toBe(MIGRATIONS.length);
    expect(migrationRows(db).map(({ version, name }) => ({ version, name }))).toEqual(
      MIGRATIONS.map(({ version, name }) => ({ version, name })),
    );
  });

  it('is idempotent: reopening applies nothing again and keeps the data', () => {
    const first = temp.open();
    subscribe(first);
    const recorded = migrationRows(first);
    closeDatabase(first);

    const second = temp.open();
    expect(migrationRows(second)).toEqual(recorded);
    expect(schemaVersion(second)).toBe(MIGRATIONS.length);
    expect(getSubscription(second, 'c1')?.hour).toBe(9);
  });

  it('upgrades an existing file with a later migration, keeping its rows', () => {
    const db = temp.open();
    subscribe(db);
    closeDatabase(db);

    const next: Migration = {
      version: MIGRATIONS.length + 1,
      name: 'add a note column',
      sql: "ALTER TABLE subscriptions ADD COLUMN note TEXT NOT NULL DEFAULT 'none'",
    };
    const upgraded = temp.open(undefined, { migrations: [...MIGRATIONS, next] });
    expect(schemaVersion(upgraded)).toBe(next.version);
    expect(migrationRows(upgraded).at(-1)?.name).toBe('add a note column');
    expect(upgraded.prepare('SELECT channel_id, note FROM subscriptions').all()).toEqual([
      { channel_id: 'c1', note: 'none' },
    ]);
    closeDatabase(upgraded);

    // An older build must refuse the newer file instead of running against a schema it doesn't know.
    expect(() => openDatabase(temp.pathFor())).toThrow(
      expect.objectContaining({ name: 'DatabaseOpenError', problem: 'newer-schema' }),
    );
  });

  it('rolls back a failing migration entirely and leaves the version where it was', () => {
    temp.open();
    const broken: Migration = {
      version: MIGRATIONS.length + 1,
      name: 'half done',
      sql: 'CREATE TABLE half_done (id INTEGER); INSERT INTO no_such_table VALUES (1);',
    };
    let failure: unknown;
    try {
      openDatabase(temp.pathFor(), { migrations: [...MIGRATIONS, broken] });
    } catch (error) {
      failure = error;
    }
    expect(failure).toBeInstanceOf(DatabaseOpenError);
    expect((failure as DatabaseOpenError).problem).toBe('migration-failed');
    expect((failure as Error).message).toMatch(/half done.*no_such_table/);

    const raw = new BetterSqlite3(temp.pathFor(), { readonly: true });
    try {
      expect(raw.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
      expect(raw.prepare("SELECT name FROM sqlite_master WHERE name = 'half_done'").all()).toEqual([]);
    } finally {
      raw.close();
    }
  });

  it('rejects a migration list with gaps or out of order', () => {
    const gap: Migration[] = [...MIGRATIONS, { version: MIGRATIONS.length + 2, name: 'gap', sql: 'SELECT 1' }];
    expect(() => openDatabase(temp.pathFor(), { migrations: gap })).toThrow(/expected/);
  });

  it('fails clearly when another connection holds the write lock', () => {
    closeDatabase(temp.open());
    const other = new BetterSqlite3(temp.pathFor());
    other.exec('BEGIN IMMEDIATE');
    try {
      let failure: unknown;
      try {
        openDatabase(temp.pathFor(), { busyTimeoutMs: 50 });
      } catch (error) {
        failure = error;
      }
      expect(failure).toBeInstanceOf(DatabaseOpenError);
      expect((failure as DatabaseOpenError).problem).toBe('locked');
      expect((failure as Error).message).toContain(temp.pathFor());
      expect((failure as Error).message).toMatch(/locked/);
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
    closeDatabase(openDatabase(temp.pathFor(), { busyTimeoutMs: 50 }));
  });

  it('fails clearly when the path cannot be a directory', () => {
    const blocker = join(temp.directory(), 'not-a-directory');
    writeFileSync(blocker, 'x');
    expect(() => openDatabase(join(blocker, 'briefing.sqlite'))).toThrow(
      expect.objectContaining({ name: 'DatabaseOpenError', message: expect.stringContaining(blocker) }),
    );
  });
});

// Root ignores file modes, so as root the attempt runs in a child process as "nobody".
const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const asUnprivileged = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
// A checkout inside a folder "nobody" may not enter (e.g. a mode-700 temp dir) cannot host that child.
const unprivilegedCanRun =
  spawnSync(process.execPath, ['--import', 'tsx', '-e', '0'], { cwd: repoRoot, timeout: 60_000, ...asUnprivileged }).status === 0;

describe.skipIf(!unprivilegedCanRun)('openDatabase on a file it may not write', () => {
  const childScript = fileURLToPath(new URL('./fixtures/openDatabaseChild.ts', import.meta.url));

  function openInChild(path: string): { opened: boolean; name?: string; problem?: string; message?: string } {
    const child = spawnSync(process.execPath, ['--import', 'tsx', childScript, path], {
      cwd: repoRoot,
      encoding: 'utf8',
      timeout: 60_000,
      ...asUnprivileged,
    });
    const line = child.stdout.trim().split('\n').at(-1) ?? '';
    if (!line.startsWith('{')) throw new Error(`child printed no result: ${child.stderr}`);
    return JSON.parse(line) as { opened: boolean; name?: string; problem?: string; message?: string };
  }

  function existingDatabase(directoryMode: number): string {
    const directory = join(temp.directory(), 'db');
    mkdirSync(directory);
    const path = join(directory, 'briefing.sqlite');
    closeDatabase(openDatabase(path));
    chmodSync(path, 0o444);
    chmodSync(directory, directoryMode);
    chmodSync(temp.directory(), 0o755);
    return path;
  }

  it('reports a read-only file instead of opening it silently read-only', () => {
    const result = openInChild(existingDatabase(0o777));
    expect(result).toMatchObject({ opened: false, name: 'DatabaseOpenError', problem: 'read-only' });
    expect(result.message).toMatch(/briefing\.sqlite: it is read-only: the file is not writable/);
  });

  it('reports a read-only directory', () => {
    const path = existingDatabase(0o555);
    const result = openInChild(path);
    expect(result).toMatchObject({ opened: false, problem: 'read-only' });
    expect(result.message).toMatch(/directory .* is not writable/);
  });

  it('opens the same file once it is writable again (the check is not a false alarm)', () => {
    const path = existingDatabase(0o777);
    chmodSync(path, 0o666);
    expect(openInChild(path)).toEqual({ opened: true });
  });
});
