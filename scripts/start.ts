/**
 * `npm start`: builds the web app if its build is missing or stale, then serves API and web on
 * one port (server/main.ts).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildWeb, webBuildProblem } from './lib/web-build';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const problem = webBuildProblem(root);
if (problem) {
  process.stderr.write(`kotsu: building the web app (${problem})…\n`);
  try {
    buildWeb(root);
  } catch {
    process.stderr.write('kotsu: the web app build failed; see the messages above\n');
    process.exit(1);
  }
}
await import('../server/main');
