/**
 * No SQL built from strings: only src/store/ talks to SQLite, and every
 * statement it prepares or runs is a literal, bound with ? or @named
 * parameters. Interpolation is allowed only of constant SQL fragments
 * declared as plain literals in the same file (e.g. a column list).
 * Read with the TypeScript parser, not regexes, so formatting cannot hide a call.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const STORE = 'src/store/';
const SQL_METHODS = new Set(['prepare', 'exec', 'pragma']);
/** Upper-case keywords only: English prose ("delete from your list") is not SQL. */
const LOOKS_LIKE_SQL = /\b(SELECT\s[\s\S]+\sFROM|INSERT\s+(OR\s+\w+\s+)?INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM|CREATE\s+(TABLE|INDEX)|DROP\s+TABLE)\b/;
/**
 * Reviewed exceptions, each with its reason:
 * - PRAGMA takes no bound parameters; user_version is an integer from the migration list.
 * - migrations are constant literals in migrations.ts (checked below).
 */
const REVIEWED = [/^db\.pragma\(`user_version = \$\{(migration\.version|version)\}`\)$/, /^db\.exec\(migration\.sql\)$/];

function tsFiles(directory: string): string[] {
  return readdirSync(path.join(ROOT, directory), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => path.relative(ROOT, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'));
}

const isLiteral = (node: ts.Node): boolean => ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node);

/** Problems in one file: SQL outside the store, or SQL assembled from non-constant pieces. */
function sqlProblems(file: string, source: string): string[] {
  const sourceFile = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true);
  const constantFragments = new Set<string>();
  for (const statement of sourceFile.statements) {
    if (!ts.isVariableStatement(statement) || !(statement.declarationList.flags & ts.NodeFlags.Const)) continue;
    for (const declaration of statement.declarationList.declarations) {
      if (ts.isIdentifier(declaration.name) && /^[A-Z][A-Z0-9_]*$/.test(declaration.name.text) && declaration.initializer && isLiteral(declaration.initializer)) {
        constantFragments.add(declaration.name.text);
      }
    }
  }
  const inStore = file.startsWith(STORE);
  const problems: string[] = [];
  const where = (node: ts.Node) => `${file}:${sourceFile.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;

  const visit = (node: ts.Node): void => {
    if (!inStore && (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateHead(node)) && LOOKS_LIKE_SQL.test(node.text)) {
      problems.push(`${where(node)}: SQL outside ${STORE}`);
    }
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && SQL_METHODS.has(node.expression.name.text)) {
      const [argument] = node.arguments;
      const call = node.getText(sourceFile);
      const sqlLike = argument !== undefined && (isLiteral(argument) ? LOOKS_LIKE_SQL.test((argument as ts.StringLiteral).text) : true);
      const regexExec = node.expression.name.text === 'exec' && argument !== undefined && !isLiteral(argument) && !ts.isTemplateExpression(argument) && !inStore;
      if (argument && sqlLike && !regexExec && !REVIEWED.some((pattern) => pattern.test(call))) {
        if (!inStore) problems.push(`${where(node)}: ${node.expression.name.text}() outside ${STORE}`);
        else if (ts.isTemplateExpression(argument)) {
          for (const span of argument.templateSpans) {
            if (!ts.isIdentifier(span.expression) || !constantFragments.has(span.expression.text)) problems.push(`${where(span)}: interpolates \${${span.expression.getText(sourceFile)}} into SQL`);
          }
        } else if (!isLiteral(argument)) problems.push(`${where(argument)}: SQL from an expression (${argument.getText(sourceFile).slice(0, 60)})`);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return problems;
}

describe('SQL is never built from strings', () => {
  it('src/ and commands/: SQL only in src/store/, only literals with bound parameters', () => {
    const files = [...tsFiles('src'), ...tsFiles('commands')];
    expect(files.some((file) => file.startsWith(STORE))).toBe(true);
    const problems = files.flatMap((file) => sqlProblems(file, readFileSync(path.join(ROOT, file), 'utf8')));
    expect(problems).toEqual([]);
  });

  it('the migrations run by db.exec(migration.sql) are constant literals', () => {
    const file = `${STORE}migrations.ts`;
    const sourceFile = ts.createSourceFile(file, readFileSync(path.join(ROOT, file), 'utf8'), ts.ScriptTarget.Latest, true);
    const sqlValues: ts.Node[] = [];
    const visit = (node: ts.Node): void => {
      if (ts.isPropertyAssignment(node) && ts.isIdentifier(node.name) && node.name.text === 'sql') sqlValues.push(node.initializer);
      ts.forEachChild(node, visit);
    };
    visit(sourceFile);
    expect(sqlValues.length).toBeGreaterThan(0);
    for (const value of sqlValues) expect(isLiteral(value), value.getText(sourceFile).slice(0, 80)).toBe(true);
  });

  it('the scan catches concatenation, interpolation and SQL outside the store', () => {
    const store = `${STORE}example.ts`;
    expect(sqlProblems(store, "const COLUMNS = 'a, b';\ndb.prepare(`SELECT ${COLUMNS} FROM t WHERE id = ?`);")).toEqual([]);
    expect(sqlProblems(store, 'db.prepare(`SELECT a FROM t WHERE id = ${id}`);')).toHaveLength(1);
    expect(sqlProblems(store, "db.prepare('SELECT a FROM t WHERE id = ' + id);")).toHaveLength(1);
    expect(sqlProblems(store, 'let columns = `a`;\ndb.exec(`DELETE FROM t WHERE ${columns}`);')).toHaveLength(1);
    expect(sqlProblems('src/discord/example.ts', "db.prepare('SELECT a FROM t WHERE id = ?');").length).toBeGreaterThan(0);
    expect(sqlProblems('commands/example.ts', "const q = 'DELETE FROM subscriptions';")).toHaveLength(1);
    expect(sqlProblems('src/answers/example.ts', 'const m = /x/.exec(text); pattern.exec(text);')).toEqual([]);
  });
});
