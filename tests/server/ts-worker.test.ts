import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from 'vitest';
import type { RenderTask } from '../../server/markdown/worker';
import { bundle, cachedBundle, startTsWorker } from '../../server/shared/ts-worker';
import type { TaskRequest } from '../../server/workers/serve';

// Worker threads run a bundle of their module (plain JavaScript, ~28 MB of rss a search thread
// instead of ~61 MB through tsx); bundling must work for both kinds of thread, or every thread
// would silently fall back to the costlier tsx loader.
test('the search and render workers bundle into one file each, importing only packages', () => {
  for (const entry of ['../../server/search/worker.ts', '../../server/markdown/worker.ts']) {
    const file = bundle(new URL(entry, import.meta.url));
    expect(fs.existsSync(file)).toBe(true);
    const code = fs.readFileSync(file, 'utf8');
    // Project modules are inlined: no relative import is left, only packages and node: builtins.
    expect(code).not.toMatch(/from\s+["']\.{1,2}\//);
    expect(code).not.toMatch(/import\(["']\.{1,2}\//);
    // The same file for the same module within a process.
    expect(bundle(new URL(entry, import.meta.url))).toBe(file);
  }
});

test('a bundled worker runs without tsx and answers', async () => {
  const w = startTsWorker(new URL('../../server/markdown/worker.ts', import.meta.url));
  try {
    const reply = await new Promise<unknown>((resolve, reject) => {
      w.on('message', (m: { id?: number }) => { if (m.id === 1) resolve(m); });
      w.once('error', reject);
      // The pool's task protocol (server/workers/serve.ts): { id, input }.
      w.postMessage({ id: 1, input: { source: '# 見出し\n\n**太字**' } } satisfies TaskRequest<RenderTask>);
    });
    expect(JSON.stringify(reply)).toContain('<strong>太字</strong>');
  } finally {
    await w.terminate();
  }
});

// Every process that starts threads needs the bundles (each test file, each server a test starts),
// so they are kept across processes, keyed by the content of every module they hold.
test('a bundle is reused across processes while its sources are unchanged, and built again when one changes', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kotsu-bundle-'));
  const made = new Set<string>();
  try {
    const entry = path.join(dir, 'entry.ts');
    const dep = path.join(dir, 'dep.ts');
    fs.writeFileSync(entry, "import { word } from './dep';\nexport const answer: string = word;\n");
    fs.writeFileSync(dep, "export const word = 'first';\n");
    const first = cachedBundle(entry);
    made.add(first);
    expect(fs.readFileSync(first, 'utf8')).toContain('first');
    const manifest = first.replace(/\.[0-9a-f]{12}\.mjs$/, '.json');
    const written = [fs.statSync(first).mtimeMs, fs.statSync(manifest).mtimeMs];
    // What another process finds: the same file, not bundled again (a new bundle rewrites the manifest).
    expect(cachedBundle(entry)).toBe(first);
    expect([fs.statSync(first).mtimeMs, fs.statSync(manifest).mtimeMs]).toEqual(written);
    // An imported module changes (the entry does not): a new bundle with the new code.
    fs.writeFileSync(dep, "export const word = 'second';\n");
    const second = cachedBundle(entry);
    made.add(second);
    expect(second).not.toBe(first);
    expect(fs.readFileSync(second, 'utf8')).toContain('second');
    expect(fs.readFileSync(second, 'utf8')).not.toContain('first');
    // The older bundle stays readable for a thread another process may be starting from it.
    expect(fs.existsSync(first)).toBe(true);
    // Back to the first content: the first bundle again.
    fs.writeFileSync(dep, "export const word = 'first';\n");
    expect(cachedBundle(entry)).toBe(first);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
    for (const file of made) {
      fs.rmSync(file, { force: true });
      fs.rmSync(file.replace(/\.[0-9a-f]{12}\.mjs$/, '.json'), { force: true });
    }
  }
});
