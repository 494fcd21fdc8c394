import { chmodSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { closeDatabase, openDatabase, type Database, type OpenDatabaseOptions } from '../../src/store/database.js';

/**
 * Real SQLite files in a fresh temp directory per test, closed and deleted afterwards.
 * Call at the top level of a test file.
 */
export function useTempDatabases(): {
  /** A path inside this test's directory (nothing is created). */
  pathFor(name?: string): string;
  /** Opens (and migrates) a database file in this test's directory. */
  open(name?: string, options?: OpenDatabaseOptions): Database;
  directory(): string;
} {
  let dir: string | undefined;
  const opened: Database[] = [];
  const directory = (): string => (dir ??= mkdtempSync(join(tmpdir(), 'briefing-store-')));
  afterEach(() => {
    for (const db of opened.splice(0)) closeDatabase(db);
    if (dir) {
      makeDeletable(dir); // some tests take write access away
      rmSync(dir, { recursive: true, force: true });
    }
    dir = undefined;
  });
  return {
    pathFor: (name = 'briefing.sqlite') => join(directory(), name),
    open(name = 'briefing.sqlite', options) {
      const db = openDatabase(join(directory(), name), options);
      opened.push(db);
      return db;
    },
    directory,
  };
}

function makeDeletable(directory: string): void {
  chmodSync(directory, 0o700);
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    if (entry.isDirectory()) makeDeletable(join(directory, entry.name));
  }
}
