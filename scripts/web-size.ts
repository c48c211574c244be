/**
 * `npm run size:web`: builds the web app and prints the JavaScript the home page loads
 * (entry + the lazily loaded home page and what it imports), raw and gzip, next to the editor's
 * extra cost. Reads Vite's manifest, so the figure follows the real chunk graph.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { buildWeb } from './lib/web-build';

interface ManifestChunk { file: string; imports?: string[]; css?: string[]; isEntry?: boolean }
type Manifest = Record<string, ManifestChunk>;

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'dist', 'web');
if (!process.argv.includes('--no-build')) buildWeb(root);
const manifest = JSON.parse(fs.readFileSync(path.join(out, '.vite', 'manifest.json'), 'utf8')) as Manifest;

/** Files a chunk loads before it runs: itself and its static imports, transitively. */
function closure(keys: string[], seen = new Set<string>()): Set<string> {
  for (const key of keys) {
    if (seen.has(key) || !manifest[key]) continue;
    seen.add(key);
    closure(manifest[key].imports ?? [], seen);
  }
  return seen;
}

function size(keys: Iterable<string>): { files: number; raw: number; gzip: number } {
  let raw = 0;
  let gzip = 0;
  let files = 0;
  for (const key of keys) {
    const buf = fs.readFileSync(path.join(out, manifest[key].file));
    raw += buf.length;
    gzip += gzipSync(buf, { level: 9 }).length;
    files++;
  }
  return { files, raw, gzip };
}

const entry = Object.keys(manifest).find((k) => manifest[k].isEntry);
if (!entry) throw new Error('no entry chunk in the manifest');
const home = closure([entry, 'src/pages/kotsu-home-page.ts']);
const editorOnly = [...closure(['src/pages/kotsu-editor-page.ts'])].filter((k) => !home.has(k));
const kb = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
const h = size(home);
const e = size(editorOnly);
process.stdout.write(`home page JS: ${h.files} files, ${kb(h.raw)} raw, ${kb(h.gzip)} gzip\n`);
process.stdout.write(`editor adds:  ${e.files} files, ${kb(e.raw)} raw, ${kb(e.gzip)} gzip (loaded only when opened)\n`);
