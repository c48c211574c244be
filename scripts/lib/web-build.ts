import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/** Files whose change means the built web app is out of date. */
const INPUTS = ['web', 'vite.config.ts', 'package-lock.json'];

function newestMtime(p: string): number {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(p);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of fs.readdirSync(p)) newest = Math.max(newest, newestMtime(path.join(p, entry)));
  return newest;
}

/** Why the web app needs building (missing or older than its sources), or null if it is current. */
export function webBuildProblem(root: string, outDir = path.join(root, 'dist', 'web')): string | null {
  const index = path.join(outDir, 'index.html');
  if (!fs.existsSync(index)) return 'not built yet';
  const built = fs.statSync(index).mtimeMs;
  const sources = Math.max(...INPUTS.map((p) => newestMtime(path.join(root, p))));
  return sources > built ? 'sources changed since the last build' : null;
}

/** Runs `vite build` from the project root; throws if it fails. */
export function buildWeb(root: string): void {
  const vite = path.join(root, 'node_modules', '.bin', process.platform === 'win32' ? 'vite.cmd' : 'vite');
  execFileSync(vite, ['build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
}
