#!/usr/bin/env node
// `npm run build`: the web app (Vite) into dist/web, and the server, its worker threads and the
// operator scripts (esbuild) into dist/server and dist/scripts, then dist/build.json naming what
// they were built from. Plain JavaScript so a production install (`npm ci --omit=dev`) can run it:
// vite and esbuild are dependencies for this reason; nothing here runs when the server runs.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeStamp } from './lib/build-stamp.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
process.env.NODE_ENV ??= 'production';
// vite.config.ts names its folders relative to the project root.
process.chdir(root);

/**
 * The built files, and the source each comes from. The server lives two folders deep
 * (dist/server/main.mjs) like its sources (server/db/database.ts), so paths it finds from its own
 * module (the migrations folder) are the same. Worker threads sit beside it under the names
 * server/shared/ts-worker.ts expects (<folder>-worker.mjs).
 */
export const SERVER_ENTRIES = {
  'server/main': 'server/main.ts',
  'server/search-worker': 'server/search/worker.ts',
  'server/markdown-worker': 'server/markdown/worker.ts',
  'server/diff-worker': 'server/revisions/diff-worker.ts',
  'scripts/backup': 'scripts/backup.ts',
  'scripts/restore': 'scripts/restore.ts',
  'scripts/reindex': 'scripts/reindex.ts',
  'scripts/import-markdown': 'scripts/import-markdown.ts',
  'scripts/export-markdown': 'scripts/export-markdown.ts',
  'scripts/sweep-images': 'scripts/sweep-images.ts',
};

async function buildWeb() {
  const { build } = await import('vite');
  await build({ configFile: path.join(root, 'vite.config.ts'), logLevel: 'warn', mode: 'production' });
}

async function buildServer() {
  const esbuild = await import('esbuild');
  for (const dir of ['server', 'scripts']) fs.rmSync(path.join(root, 'dist', dir), { recursive: true, force: true });
  await esbuild.build({
    absWorkingDir: root,
    entryPoints: Object.entries(SERVER_ENTRIES).map(([out, src]) => ({ in: src, out })),
    outdir: path.join(root, 'dist'),
    outExtension: { '.js': '.mjs' },
    bundle: true,
    // Packages stay imports from node_modules (native better-sqlite3 among them): only the
    // project's own TypeScript is compiled in.
    packages: 'external',
    platform: 'node',
    format: 'esm',
    target: 'node26',
    // Modules shared by the entries are bundled into each (no chunks): a worker thread loads its
    // one file and nothing of the main thread's.
    splitting: false,
    sourcemap: 'linked',
    sourcesContent: false,
    // Tells server/shared/ts-worker.ts it runs from the build (workers are the files beside it).
    define: { __BUNDLED_BUILD__: 'true' },
    logLevel: 'warning',
  });
}

export async function build() {
  const started = Date.now();
  await buildWeb();
  await buildServer();
  const stamp = writeStamp(root);
  process.stdout.write(`kotsu: built dist/ (web, server, workers, scripts) from ${stamp.files} files in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
}

if (fileURLToPath(import.meta.url) === path.resolve(process.argv[1] ?? '')) {
  build().catch((err) => {
    process.stderr.write(`kotsu: build failed: ${err?.message ?? err}\n`);
    process.exit(1);
  });
}
