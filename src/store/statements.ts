import type { Database } from './database.js';

/**
 * Memoises a module's prepared statements per connection, so hot paths (a tick over 10,000
 * subscriptions) don't re-prepare SQL on every call. A closed connection's entry is dropped with it.
 */
export function statementsFor<Statements>(prepare: (db: Database) => Statements): (db: Database) => Statements {
  const cache = new WeakMap<Database, Statements>();
  return (db) => {
    let statements = cache.get(db);
    if (!statements) {
      statements = prepare(db);
      cache.set(db, statements);
    }
    return statements;
  };
}
