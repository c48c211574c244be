/**
 * Markdown rendering in a worker thread (pool.ts): markdown-it and linkify are synchronous, and a
 * large hostile body (64 KB of `a@b.com`, long runs of `*`, deep nesting) takes a few hundred
 * milliseconds, during which a main-thread render would hold up every other request. Here it
 * holds up only this thread, and a render that never ends is stopped by terminating the thread.
 * It renders with the same module as the main thread, so the HTML is the same byte for byte.
 */
import { parentPort } from 'node:worker_threads';
import { renderMarkdown } from './render';

export interface RenderRequest { id: number; source: string }
export type RenderReply = { id: number; html: string } | { id: number; error: string } | { ready: true };

parentPort?.on('message', (req: RenderRequest) => {
  try {
    parentPort?.postMessage({ id: req.id, html: renderMarkdown(req.source) } satisfies RenderReply);
  } catch (err) {
    parentPort?.postMessage({ id: req.id, error: (err as Error).message } satisfies RenderReply);
  }
});
// Loaded (markdown-it, highlight.js): the pool starts timing renders only from here.
parentPort?.postMessage({ ready: true } satisfies RenderReply);
