import fs from 'node:fs';
import { expect, test } from 'vitest';
import type { RenderTask } from '../../server/markdown/worker';
import { bundle, startTsWorker } from '../../server/shared/ts-worker';
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
