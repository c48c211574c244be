/**
 * The search's derived tables (`data/*.json`: EDICT's neighbours, loanwords, readings and words of manner, Wiktionary's translations), read from
 * disk when a module first needs them, not bundled: an imported JSON file is compiled into every
 * bundle that uses it (the main thread's and the search threads'), where each thread keeps it twice,
 * as its module's source text and as the value (the readings table alone cost +12–21 MB of idle rss
 * so). The folder is found upwards from the running module: the sources (server/search/x.ts), the
 * build (dist/server/x.mjs) and the thread bundles made from the sources in development
 * (node_modules/.cache/…) all sit below the project root, which holds server/search/data.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

function dataFolder(): string {
  for (let dir = path.dirname(fileURLToPath(import.meta.url)); ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'server', 'search', 'data');
    if (fs.existsSync(candidate)) return candidate;
    if (path.dirname(dir) === dir) throw new Error(`search data: no server/search/data above ${fileURLToPath(import.meta.url)}`);
  }
}

let folder: string | null = null;

/** The parsed JSON of `data/<name>`. */
export function readData<T>(name: string): T {
  folder ??= dataFolder();
  return JSON.parse(fs.readFileSync(path.join(folder, name), 'utf8')) as T;
}
