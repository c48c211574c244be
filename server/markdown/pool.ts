import { tooLarge, unavailable } from '../http/errors';
import { workerModule } from '../shared/ts-worker';
import { createWorkerPool, PoolBusyError, PoolUnavailableError, TaskTimeoutError } from '../workers/pool';
import { renderMarkdown } from './render';
import type { RenderTask } from './worker';

/**
 * Markdown rendering off the event loop: bodies too long to render inline go to the render
 * threads (worker.ts) of the one worker pool (workers/pool.ts), so a hostile body holds up its own
 * request and no other. A render still running `timeoutMs` after its thread took it has the
 * thread terminated and fails with TaskTimeoutError; more than `maxQueue` renders waiting fail at
 * once with PoolBusyError. Short bodies render inline: a thread round-trip (structured clone both
 * ways, a wake-up) costs more than rendering them. With no threads (size 0), after close(), or
 * when threads cannot start, everything renders inline.
 */

/**
 * Bodies shorter than this (UTF-16 units) render inline. Measured: 2 KB of `a@b.com` (the
 * costliest text per character) renders in about 1.4 ms, and a thread round-trip adds ~0.1 ms.
 */
const INLINE_BELOW = 2048;

/** A render stopped by the time limit (the pool's TaskTimeoutError). */
export { TaskTimeoutError as RenderTimeoutError } from '../workers/pool';

export interface RenderPoolOptions {
  /** Threads; 0 renders everything in the calling thread (no timeout then). */
  size: number;
  /** Longest one render may run in a thread, from when the thread takes it. */
  timeoutMs: number;
  /** Renders that may wait for a thread (default 64 per thread). */
  maxQueue?: number;
  inlineBelow?: number;
  /**
   * Given the search index text of a tip body rendered in a thread (render(source, { index: true })),
   * with its HTML: the context hands it to the search engine (search/body-index.ts).
   */
  indexed?: (html: string, indexed: string) => void;
}

export interface RenderOptions {
  /** A tip's body: its search index text is computed in the thread too (see RenderPoolOptions.indexed). */
  index?: boolean;
}

export function createRenderPool(opts: RenderPoolOptions) {
  const inlineBelow = opts.inlineBelow ?? INLINE_BELOW;
  const pool = opts.size > 0
    ? createWorkerPool<RenderTask, string>({ name: 'render', entry: workerModule('markdown'), size: opts.size, timeoutMs: opts.timeoutMs, maxQueue: opts.maxQueue })
    : null;
  let timeouts = 0;
  let rendered = 0;

  return {
    size: opts.size > 0 ? opts.size : 0,
    /** The HTML of renderMarkdown(source); rejects with RenderTimeoutError when too slow, PoolBusyError when too many wait. */
    async render(source: string, o: RenderOptions = {}): Promise<string> {
      if (!pool || source.length < inlineBelow || !pool.usable()) return renderMarkdown(source);
      try {
        const html = await pool.run({ source });
        rendered++;
        if (o.index && opts.indexed) {
          // Its own task with its own limit; should it fail, the engine computes it in the write.
          await pool.run({ indexOf: html }).then((indexed) => opts.indexed?.(html, indexed), () => undefined);
        }
        return html;
      } catch (err) {
        if (err instanceof TaskTimeoutError) timeouts++;
        // Closed or unable to start threads while it waited: the render is still owed.
        if (err instanceof PoolUnavailableError) return renderMarkdown(source);
        throw err;
      }
    },
    /** Starts the threads now, so the first long body does not wait for one to load. */
    warm() { pool?.warm(); },
    /** Renders done in threads, and renders stopped by the time limit (tests, diagnostics). */
    stats: () => ({ rendered, timeouts }),
    async close() { await pool?.close(); },
  };
}

/**
 * The app's renderer (ctx.markdown): the pool, with a render that runs out of time answered as
 * 413 too_large — the body is too costly to turn into a page, which is what 413 tells the client —
 * and a full queue as 503 unavailable (Retry-After), to be tried again.
 */
export function createMarkdownRenderer(opts: RenderPoolOptions) {
  const pool = createRenderPool(opts);
  return {
    ...pool,
    async render(source: string, o: RenderOptions = {}): Promise<string> {
      try {
        return await pool.render(source, o);
      } catch (err) {
        if (err instanceof TaskTimeoutError) {
          throw tooLarge('render_timeout', 'body too complex to render; split it into smaller tips');
        }
        if (err instanceof PoolBusyError) throw unavailable('busy', 'too many renders waiting; try again shortly');
        throw err;
      }
    },
  };
}
