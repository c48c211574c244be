// Plain JavaScript (no TypeScript loader): `npm start` and `npm run build` run it with node alone.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * What the build in dist/ is made from. A change to any of these makes the build stale.
 * migrations/ is read at run time from the project, not built in.
 */
export const BUILD_INPUTS = ['server', 'web', 'vite.config.ts', 'package-lock.json', 'tsconfig.json', 'scripts/build.mjs'];

/** The built server's entry, relative to the project root (two folders deep, like server/db/*.ts). */
export const SERVER_ENTRY = path.join('dist', 'server', 'main.mjs');
export const STAMP = path.join('dist', 'build.json');

function files(root, rel, out) {
  let stat;
  try {
    stat = fs.statSync(path.join(root, rel));
  } catch {
    return;
  }
  if (!stat.isDirectory()) { out.push(rel); return; }
  for (const name of fs.readdirSync(path.join(root, rel)).sort()) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    files(root, path.join(rel, name), out);
  }
}

/**
 * A digest of the build's inputs (names and contents; times are not trusted: a checkout or a
 * copy sets them freely). About 150 files: a few milliseconds.
 */
export function sourceDigest(root) {
  const list = [];
  for (const input of BUILD_INPUTS) files(root, input, list);
  const hash = createHash('sha256');
  for (const rel of list) {
    hash.update(rel.split(path.sep).join('/')).update('\0');
    hash.update(fs.readFileSync(path.join(root, rel))).update('\0');
  }
  return { digest: hash.digest('hex'), files: list.length };
}

/** Whether the project's sources are here (a source checkout), so staleness can be judged. */
export function hasSources(root) {
  return fs.existsSync(path.join(root, 'server', 'main.ts'));
}

/**
 * Why dist/ cannot be run as it is: 'missing' or 'stale' with a sentence for people, or null.
 * Without the sources (a copied release), a complete build is taken as it is.
 */
export function buildProblem(root) {
  let stamp;
  try {
    stamp = JSON.parse(fs.readFileSync(path.join(root, STAMP), 'utf8'));
  } catch {
    stamp = null;
  }
  if (!stamp || !fs.existsSync(path.join(root, SERVER_ENTRY)) || !fs.existsSync(path.join(root, 'dist', 'web', 'index.html'))) {
    return { kind: 'missing', message: 'dist/ holds no complete build' };
  }
  if (!hasSources(root)) return null;
  if (stamp.digest !== sourceDigest(root).digest) {
    return { kind: 'stale', message: `dist/ was built on ${stamp.builtAt} from other sources than these (server/, web/ or the lock file changed since)` };
  }
  return null;
}

export function writeStamp(root, extra = {}) {
  const stamp = { ...sourceDigest(root), builtAt: new Date().toISOString(), node: process.version, ...extra };
  fs.writeFileSync(path.join(root, STAMP), `${JSON.stringify(stamp, null, 2)}\n`);
  return stamp;
}
