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

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
let cleanupRegistered = false;

/**
 * The worker's module and everything it imports from the project, bundled into one plain
 * JavaScript file (packages stay imports), once per process. Measured: a search thread started
 * through tsx cost ~61 MB of rss (tsx's loader and the transformed sources with their inline
 * source maps, in every thread); from the bundle, ~28 MB. Bundling takes ~60 ms.
 */
export function bundle(entry: URL): string {
  const source = fileURLToPath(entry);
  let out = bundles.get(source);
  if (out) return out;
  const name = `${path.basename(source, path.extname(source))}-${createHash('sha1').update(source).digest('hex').slice(0, 8)}-${process.pid}.mjs`;
  out = path.join(CACHE_DIR, name);
  fs.mkdirSync(CACHE_DIR, { recursive: true });
  // Loaded only when running from the sources: the built server never loads a bundler.
  const { buildSync } = require('esbuild') as typeof import('esbuild');
  buildSync({
    entryPoints: [source], outfile: out, bundle: true, platform: 'node', format: 'esm', target: 'node20',
    packages: 'external', logLevel: 'silent',
  });
  bundles.set(source, out);
  if (!cleanupRegistered) {
    cleanupRegistered = true;
    process.once('exit', () => { for (const file of bundles.values()) fs.rmSync(file, { force: true }); });
    // Bundles of processes that ended without their exit handler (killed): removed here.
    for (const file of fs.readdirSync(CACHE_DIR)) {
      const pid = Number(/-(\d+)\.mjs$/.exec(file)?.[1]);
      if (pid && pid !== process.pid && !alive(pid)) fs.rmSync(path.join(CACHE_DIR, file), { force: true });
    }
  }
  return out;
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
