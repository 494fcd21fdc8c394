// @ts-check
/**
 * `npm run build` (also run by `prestart`): bundles the bot with esbuild into
 * dist/app/, so `npm start` runs plain `node dist/app/main.js` rather than
 * `tsx src/main.ts`.
 *
 * Why (issue 6, console start-up): under tsx every one of our ~50 modules goes
 * through tsx's loader thread (a second V8 isolate) to be transformed, and tsx
 * keeps a source map for each. That was ~250 ms and ~48 MB of RSS at start,
 * of which a bare discord.js process (one .ts file) pays only ~25 MB.
 *
 * Plain JavaScript on purpose: it runs before every start and must not itself
 * need tsx. esbuild is installed with tsx (a runtime dependency).
 *
 * Layout constraints:
 * - All output files sit flat in one folder two levels below the project root,
 *   like src/summary/load.ts, whose `new URL('../../data', import.meta.url)`
 *   must keep finding data/ from inside the bundle.
 * - Code splitting keeps main.ts's lazy `import()`s lazy: the console does not
 *   load discord.js or SQLite, the bot does not load the console.
 * - Several people and benchmarks share a checkout and may build and start at
 *   the same time, so no process may read a half-written file: each file is
 *   written beside its place and renamed over it, chunks before the entries
 *   that import them. Chunk names carry a content hash, so a rename never
 *   changes code a running process has already loaded; chunks no longer
 *   produced are removed once they are old.
 *
 * Usage: node scripts/build.mjs [--bench] [--outdir=<dir>]
 *   --bench   also builds src/bench/bareClient.ts into dist/bench/ with the
 *             same options, so the start-up benchmark compares like with like.
 *   --outdir  where the bot goes instead of dist/app (tests; keep it two levels
 *             below a folder holding data/ and node_modules/).
 */
import { Buffer } from 'node:buffer';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath, URL } from 'node:url';
import { build } from 'esbuild';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
export const APP_DIR = path.join(ROOT, 'dist', 'app');
export const BENCH_DIR = path.join(ROOT, 'dist', 'bench');
/** Generated files older than this that the current build did not produce are removed. */
const STALE_MS = 10 * 60 * 1000;

/**
 * Pure-JavaScript packages without dependencies that the console loads at
 * start, bundled (and tree-shaken) rather than loaded file by file from
 * node_modules: zod alone is ~100 ES modules. Measured interleaved against
 * leaving them in node_modules: ~60 ms less to the console's banner.
 * Every other package stays external and is loaded by node as usual:
 * discord.js (its sharding workers are files), better-sqlite3 (native), pino
 * (transport workers), and anything added later unless it is listed here.
 */
const BUNDLED_PACKAGES = new Set(['zod', 'yaml', 'wink-eng-lite-web-model']);

/** @param {string} specifier */
function packageOf(specifier) {
  const [scopeOrName = '', name] = specifier.split('/');
  return scopeOrName.startsWith('@') ? `${scopeOrName}/${name}` : scopeOrName;
}

/** @type {import('esbuild').Plugin} */
const externalPackages = {
  name: 'external-packages',
  setup(builder) {
    builder.onResolve({ filter: /^[^./]/ }, (args) =>
      BUNDLED_PACKAGES.has(packageOf(args.path)) ? undefined : { path: args.path, external: true },
    );
  },
};

/**
 * Bundles `entries` (paths relative to the project root) into `outdir`.
 * @param {string[]} entries
 * @param {string} outdir
 */
export async function bundle(entries, outdir) {
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: entries,
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    plugins: [externalPackages],
    // yaml's node build is CommonJS and require()s node built-ins; an ES module has no require.
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
    entryNames: '[name]',
    chunkNames: '[name]-[hash]',
    // Read only when node runs with --enable-source-maps (not the default: it
    // slows the start); there to map a stack trace back to src/.
    sourcemap: 'linked',
    write: false,
    logLevel: 'warning',
  });
  mkdirSync(outdir, { recursive: true });
  const entryNames = new Set(entries.map((entry) => `${path.parse(entry).name}.js`));
  /** @param {string} file */
  const isEntry = (file) => entryNames.has(path.basename(file).replace(/\.map$/, ''));
  // Chunks first, then entries: an entry never points at a chunk not yet written.
  const ordered = [...result.outputFiles].sort((a, b) => Number(isEntry(a.path)) - Number(isEntry(b.path)));
  for (const file of ordered) {
    if (sameContent(file.path, file.contents)) continue;
    const temporary = `${file.path}.${process.pid}.tmp`;
    writeFileSync(temporary, file.contents);
    renameSync(temporary, file.path);
  }
  const produced = new Set(result.outputFiles.map((file) => file.path));
  const now = Date.now();
  for (const name of readdirSync(outdir)) {
    const file = path.join(outdir, name);
    if (produced.has(file)) continue;
    try {
      if (now - statSync(file).mtimeMs > STALE_MS) rmSync(file, { force: true });
    } catch {
      // Already removed by a concurrent build.
    }
  }
}

/**
 * @param {string} file
 * @param {Uint8Array} contents
 */
function sameContent(file, contents) {
  try {
    return Buffer.from(contents).equals(readFileSync(file));
  } catch {
    return false;
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const outdirArg = process.argv.find((arg) => arg.startsWith('--outdir='));
  await bundle(['src/main.ts'], outdirArg ? path.resolve(outdirArg.slice('--outdir='.length)) : APP_DIR);
  if (process.argv.includes('--bench')) await bundle(['src/bench/bareClient.ts'], BENCH_DIR);
}
