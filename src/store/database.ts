import { accessSync, constants, existsSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { MIGRATIONS, type Migration } from './migrations.js';

export type Database = BetterSqlite3.Database;

export const DEFAULT_DATABASE_PATH = './var/briefing.sqlite';

export interface OpenDatabaseOptions {
  /** How long a write waits for another connection's lock before failing with SQLITE_BUSY. */
  busyTimeoutMs?: number;
  /** The schema to migrate to; tests pass longer lists to exercise upgrades. */
  migrations?: readonly Migration[];
}

/** Raised when the database cannot be opened for writing; the message says why and where. */
export class DatabaseOpenError extends Error {
  override readonly name = 'DatabaseOpenError';
  constructor(
    readonly path: string,
    readonly problem: 'read-only' | 'locked' | 'cannot-open' | 'newer-schema' | 'no-wal' | 'migration-failed',
    detail: string,
    options?: { cause?: unknown },
  ) {
    super(`Cannot use the database at ${path}: ${detail}`, options);
  }
}

export function databasePathFromEnv(env: NodeJS.ProcessEnv = process.env): string {
  const configured = env.DATABASE_PATH?.trim();
  return configured ? configured : DEFAULT_DATABASE_PATH;
}

/**
 * Opens (creating if needed) the SQLite file, switches it to WAL, turns on foreign keys and a busy
 * timeout, applies pending migrations, and proves the file is writable — so a read-only or locked
 * database fails here, loudly, instead of silently dropping the first delivery it should record.
 */
export function openDatabase(path: string = databasePathFromEnv(), options: OpenDatabaseOptions = {}): Database {
  const inMemory = path === ':memory:';
  const where = inMemory ? path : resolve(path);
  const migrations = options.migrations ?? MIGRATIONS;
  assertWellOrdered(migrations);

  let db: Database | undefined;
  try {
    if (!inMemory) mkdirSync(dirname(where), { recursive: true });
    db = new BetterSqlite3(where, { timeout: options.busyTimeoutMs ?? 5000 });
    const journalMode = db.pragma('journal_mode = WAL', { simple: true });
    if (!inMemory && journalMode !== 'wal') {
      throw new DatabaseOpenError(where, 'no-wal', `SQLite refused WAL mode (journal_mode is ${String(journalMode)})`);
    }
    // NORMAL is crash-safe for the process in WAL mode; a power cut may roll back the last
    // commits, which the deterministic message nonce covers (a re-send reuses the same nonce).
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    migrate(db, migrations, where);
    proveWritable(db);
    return db;
  } catch (error) {
    db?.close();
    throw error instanceof DatabaseOpenError ? error : explainOpenFailure(where, error);
  }
}

export function closeDatabase(db: Database): void {
  if (db.open) db.close();
}

/** The schema version recorded in the file (0 for a fresh one). */
export function schemaVersion(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** Applies, in order and each in its own transaction, the migrations the file has not seen. */
function migrate(db: Database, migrations: readonly Migration[], where: string): void {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version    INTEGER NOT NULL PRIMARY KEY,
    name       TEXT    NOT NULL,
    applied_at TEXT    NOT NULL
  ) STRICT`);
  const applied = db.prepare<[], { version: number }>('SELECT version FROM schema_migrations ORDER BY version').all();
  const newest = applied.at(-1)?.version ?? 0;
  const known = migrations.at(-1)?.version ?? 0;
  if (newest > known) {
    throw new DatabaseOpenError(
      where,
      'newer-schema',
      `its schema is at version ${newest} but this build only knows up to ${known}; run a newer build`,
    );
  }
  const record = db.prepare<[number, string, string]>(
    'INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)',
  );
  const appliedVersions = new Set(applied.map((row) => row.version));
  for (const migration of migrations) {
    if (appliedVersions.has(migration.version)) continue;
    const apply = db.transaction(() => {
      db.exec(migration.sql);
      // PRAGMA takes no bound parameters; the version is an integer checked by assertWellOrdered.
      record.run(migration.version, migration.name, new Date().toISOString());
      db.pragma(`user_version = ${migration.version}`);
    });
    try {
      apply.immediate();
    } catch (error) {
      if (isSqliteError(error) && /^SQLITE_(BUSY|READONLY|CANTOPEN|IOERR)/.test(error.code)) throw error;
      throw new DatabaseOpenError(
        where,
        'migration-failed',
        `migration ${migration.version} (${migration.name}) failed and was rolled back: ${describe(error)}`,
        { cause: error },
      );
    }
  }
}

/** A real write: SQLite quietly opens an unwritable file read-only, so only a write tells. */
function proveWritable(db: Database): void {
  db.transaction(() => {
    const version = schemaVersion(db);
    db.pragma(`user_version = ${version}`);
  }).immediate();
}

function assertWellOrdered(migrations: readonly Migration[]): void {
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) {
      throw new Error(`migration "${migration.name}" has version ${migration.version}, expected ${index + 1}`);
    }
  });
}

function explainOpenFailure(where: string, error: unknown): DatabaseOpenError {
  const code = isSqliteError(error) ? error.code : errnoCode(error);
  const detail = describe(error);
  const unwritable = code?.startsWith('SQLITE_CANTOPEN') || code?.startsWith('SQLITE_READONLY') ? unwritablePart(where) : undefined;
  if (unwritable) {
    return new DatabaseOpenError(where, 'read-only', `it is read-only: ${unwritable} (${detail})`, { cause: error });
  }
  if (code?.startsWith('SQLITE_READONLY') || code === 'EACCES' || code === 'EROFS' || code === 'EPERM') {
    return new DatabaseOpenError(where, 'read-only', `it is read-only (${detail}); check DATABASE_PATH and permissions`, {
      cause: error,
    });
  }
  if (code?.startsWith('SQLITE_BUSY') || code?.startsWith('SQLITE_LOCKED')) {
    return new DatabaseOpenError(where, 'locked', `it is locked by another connection (${detail})`, { cause: error });
  }
  return new DatabaseOpenError(where, 'cannot-open', `${detail}; check DATABASE_PATH and permissions`, {
    cause: error,
  });
}

/** SQLite's own errors don't say which part lacks write access; ask the file system. */
function unwritablePart(where: string): string | undefined {
  const directory = dirname(where);
  if (!writable(directory)) {
    return `the directory ${directory} is not writable (SQLite creates its -wal and -shm files there)`;
  }
  if (existsSync(where) && !writable(where)) return 'the file is not writable';
  return undefined;
}

function writable(path: string): boolean {
  try {
    accessSync(path, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

export function isSqliteError(error: unknown): error is InstanceType<BetterSqlite3.SqliteError> {
  return error instanceof BetterSqlite3.SqliteError;
}

function errnoCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

function describe(error: unknown): string {
  const code = isSqliteError(error) ? error.code : errnoCode(error);
  const message = error instanceof Error ? error.message : String(error);
  return code && !message.includes(code) ? `${code}: ${message}` : message;
}
