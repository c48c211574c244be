#!/usr/bin/env node
// `npm start` (and the operator scripts: `npm run backup`, `restore`, `reindex`, `import:markdown`, `export:markdown`): runs the built
// JavaScript in dist/ with node alone: no TypeScript loader, no bundler, no dev dependency.
// A missing or stale build is built first when this is a source checkout (a git clone, which can
// rebuild itself); anywhere else (a copied release) it refuses with what to do.
// Plain JavaScript on purpose: this file runs before anything is built.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildProblem } from './lib/build-stamp.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const TARGETS = {
  server: 'dist/server/main.mjs',
  backup: 'dist/scripts/backup.mjs',
  restore: 'dist/scripts/restore.mjs',
  reindex: 'dist/scripts/reindex.mjs',
  'import-markdown': 'dist/scripts/import-markdown.mjs',
  'export-markdown': 'dist/scripts/export-markdown.mjs',
  'sweep-images': 'dist/scripts/sweep-images.mjs',
};

const [name = 'server', ...args] = process.argv.slice(2);
const target = TARGETS[name];
if (!target) {
  process.stderr.write(`kotsu: unknown program "${name}" (one of ${Object.keys(TARGETS).join(', ')})\n`);
  process.exit(2);
}

const problem = buildProblem(root);
if (problem) {
  if (!fs.existsSync(path.join(root, '.git'))) {
    process.stderr.write(`kotsu: cannot start: ${problem.message}.\nkotsu: run \`npm run build\` in ${root} first (see README, Running in production).\n`);
    process.exit(1);
  }
  process.stderr.write(`kotsu: ${problem.message}; building first (npm run build)…\n`);
  // In its own process: the bundler and Vite never load into the server's.
  const built = spawnSync(process.execPath, [path.join(root, 'scripts', 'build.mjs')], { cwd: root, stdio: 'inherit' });
  if (built.status !== 0) {
    process.stderr.write('kotsu: the build failed; see the messages above\n');
    process.exit(1);
  }
}

// The built program sees itself as the script being run (its "am I the main module" check).
const file = path.join(root, target);
process.argv = [process.argv[0], file, ...args];
await import(pathToFileURL(file).href);
