import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';

/** Set (to true) by scripts/build.mjs in the built server: worker bundles were built beside it. */
declare const __BUNDLED_BUILD__: boolean | undefined;
export const BUILT = typeof __BUNDLED_BUILD__ !== 'undefined' && __BUNDLED_BUILD__;

const require = createRequire(import.meta.url);
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
/** Inside the project, so the bundles' imports of packages resolve to its node_modules. */
const CACHE_DIR = path.join(ROOT, 'node_modules', '.cache', 'kotsu-workers');

const bundles = new Map<string, string>();

/**
 * What a cached bundle was built from: the bundler's version and each input (relative to ROOT,
 * tsconfig.json included: esbuild reads it) with its content's hash.
 */
interface Manifest { bundle: string; esbuild: string; inputs: Record<string, string> }

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const hashOf = (text: string | Buffer) => createHash('sha1').update(text).digest('hex');

function readManifest(file: string): Manifest | null {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as Manifest;
  } catch {
    return null;
  }
}

/** Whether every input still has the content the bundle was built from (false if one is gone). */
function current(m: Manifest, esbuildVersion: string): boolean {
  try {
    return m.esbuild === esbuildVersion && Object.entries(m.inputs).every(([file, hash]) => hashOf(fs.readFileSync(path.join(ROOT, file))) === hash)
      && fs.existsSync(path.join(CACHE_DIR, m.bundle));
  } catch {
    return false;
  }
}

/** Written whole then renamed: a process reading at the same time sees all of it or nothing. */
function writeAtomic(file: string, data: string): void {
  const tmp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  fs.writeFileSync(tmp, data);
  fs.renameSync(tmp, file);
}

/**
 * The worker's module and everything it imports from the project, bundled into one plain
 * JavaScript file (packages stay imports). Measured: a search thread started through tsx cost
 * ~61 MB of rss (tsx's loader and the transformed sources with their inline source maps, in
 * every thread); from the bundle, ~28 MB.
 *
 * Bundling the search worker takes 0.1-0.8 s of esbuild (more on a loaded machine), and every
 * process that starts threads needed it: each test file, each server a test starts (the crash
 * test starts 50). So a bundle is kept in node_modules/.cache/kotsu-workers under the hash of
 * its inputs' contents, beside a manifest listing those inputs; a process whose inputs all hash
 * the same uses it as it is, and any edited source bundles again. Bundles are only ever added
 * under a new name (never rewritten in place), so a thread started from an older one keeps
 * working; those left over are removed a day later.
 */
export function bundle(entry: URL): string {
  const source = fileURLToPath(entry);
  let out = bundles.get(source);
  if (!out) bundles.set(source, out = cachedBundle(source));
  return out;
}

/** The bundle of a module file from the cache (see bundle), bundled first if an input changed. */
export function cachedBundle(source: string): string {
  let out: string;
  const name = `${path.basename(source, path.extname(source))}-${hashOf(path.relative(ROOT, source)).slice(0, 8)}`;
  const manifestFile = path.join(CACHE_DIR, `${name}.json`);
  // Loaded only when running from the sources: the built server never loads a bundler.
  const esbuild = require('esbuild') as typeof import('esbuild');
  const cached = readManifest(manifestFile);
  if (cached && current(cached, esbuild.version)) {
    out = path.join(CACHE_DIR, cached.bundle);
  } else {
    fs.mkdirSync(CACHE_DIR, { recursive: true });
    const result = esbuild.buildSync({
      entryPoints: [source], bundle: true, write: false, outfile: path.join(CACHE_DIR, `${name}.mjs`), platform: 'node', format: 'esm',
      target: 'node20', packages: 'external', logLevel: 'silent', metafile: true, absWorkingDir: ROOT,
    });
    const inputs: Record<string, string> = {};
    for (const file of [...Object.keys(result.metafile.inputs), 'tsconfig.json'].sort()) inputs[file] = hashOf(fs.readFileSync(path.join(ROOT, file)));
    const code = result.outputFiles[0].text;
    const bundleName = `${name}.${hashOf(JSON.stringify([esbuild.version, inputs])).slice(0, 12)}.mjs`;
    out = path.join(CACHE_DIR, bundleName);
    if (!fs.existsSync(out)) writeAtomic(out, code);
    writeAtomic(manifestFile, JSON.stringify({ bundle: bundleName, esbuild: esbuild.version, inputs } satisfies Manifest));
    sweep(name, bundleName);
  }
  return out;
}

/**
 * Other bundles of the same module a day old (no thread can still be starting from them), and
 * the per-process bundles earlier versions wrote (name-hash-pid.mjs) of processes that are gone.
 */
function sweep(name: string, keep: string): void {
  const dayAgo = Date.now() - 86_400_000;
  for (const file of fs.readdirSync(CACHE_DIR)) {
    const full = path.join(CACHE_DIR, file);
    const pid = Number(/^[\w-]+-[0-9a-f]{8}-(\d+)\.mjs$/.exec(file)?.[1]);
    try {
      if (pid) {
        if (!alive(pid)) fs.rmSync(full, { force: true });
      } else if (file !== keep && file.startsWith(`${name}.`) && file !== `${name}.json` && fs.statSync(full).mtimeMs < dayAgo) {
        fs.rmSync(full, { force: true });
      }
    } catch { /* removed by another process meanwhile */ }
  }
}

/**
 * The project's worker threads and their sources (scripts/build.mjs builds each into
 * dist/server/<name>-worker.mjs; tests/scripts/production.test.ts checks the two lists agree).
 */
export const WORKER_SOURCES = {
  search: 'server/search/worker.ts',
  markdown: 'server/markdown/worker.ts',
  diff: 'server/revisions/diff-worker.ts',
} as const;
export type WorkerName = keyof typeof WORKER_SOURCES;

/**
 * The module a worker thread runs: in the built server, the bundle scripts/build.mjs built beside
 * it (dist/server/search-worker.mjs); from the sources, the TypeScript module.
 */
export function workerModule(name: WorkerName): URL {
  return BUILT ? new URL(`./${name}-worker.mjs`, import.meta.url) : new URL(`../../${WORKER_SOURCES[name]}`, import.meta.url);
}

/**
 * A worker thread running a module: a JavaScript one as it is (the built server's bundles, see
 * workerModule); a TypeScript one, like the rest of the sources, from a bundle built with esbuild
 * (above); should bundling fail, through tsx's loader registered in the thread first (an
 * `--import tsx` flag does not reach worker threads on Node 20).
 */
export function startTsWorker(entry: URL, options: Omit<WorkerOptions, 'eval'> = {}): Worker {
  if (!entry.pathname.endsWith('.ts')) return new Worker(entry, options);
  let file: string | null = null;
  try {
    file = bundle(entry);
  } catch (err) {
    // The thread still starts, at about twice the memory: said, not silent.
    process.emitWarning(`bundling ${fileURLToPath(entry)} failed, starting it through tsx: ${(err as Error).message}`, 'KotsuWorkerBundle');
    file = null;
  }
  if (file) return new Worker(file, options);
  const tsxApi = pathToFileURL(require.resolve('tsx/esm/api').replace(/index\.cjs$/, 'index.mjs')).href;
  return new Worker(
    `import(${JSON.stringify(tsxApi)}).then((m) => { m.register(); return import(${JSON.stringify(entry.href)}); });`,
    { ...options, eval: true },
  );
}
