import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { SearchRequest, SearchReply } from './worker';
import type { SearchQueryT, SearchResultT } from './schemas';

/**
 * One search worker thread (see worker.ts). Requests queue in the worker; a worker that dies is
 * replaced on the next request, and the requests it held fail (→ 500, logged).
 */
const require = createRequire(import.meta.url);

export function createSearchWorker(dbPath: string) {
  let worker: Worker | null = null;
  let seq = 0;
  const pending = new Map<number, { resolve: (r: SearchResultT) => void; reject: (e: Error) => void }>();

  function start(): Worker {
    // The worker is TypeScript like the rest of the server: tsx's loader is registered in the
    // thread first (an `--import tsx` flag does not reach worker threads on Node 20).
    const entry = new URL('./worker.ts', import.meta.url).href;
    const tsxApi = pathToFileURL(require.resolve('tsx/esm/api').replace(/index\.cjs$/, 'index.mjs')).href;
    const w = new Worker(
      `import(${JSON.stringify(tsxApi)}).then((m) => { m.register(); return import(${JSON.stringify(entry)}); });`,
      { eval: true, workerData: { dbPath } },
    );
    w.on('message', (reply: SearchReply) => {
      const p = pending.get(reply.id);
      if (!p) return;
      pending.delete(reply.id);
      if ('error' in reply) p.reject(new Error(`search worker: ${reply.error}`));
      else p.resolve(reply.result as SearchResultT);
    });
    const fail = (err: Error) => {
      if (worker === w) worker = null;
      for (const p of pending.values()) p.reject(err);
      pending.clear();
    };
    w.on('error', fail);
    w.on('exit', (code) => fail(new Error(`search worker exited with code ${code}`)));
    return w;
  }

  return {
    /** Starts the thread now, so the first search does not wait for it to load. */
    warm() { worker ??= start(); },
    run(query: SearchQueryT, now: Date): Promise<SearchResultT> {
      worker ??= start();
      const id = ++seq;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        worker?.postMessage({ id, query, now: now.toISOString() } satisfies SearchRequest);
      });
    },
    async close() {
      const w = worker;
      worker = null;
      await w?.terminate();
    },
  };
}
