import type { Worker } from 'node:worker_threads';
import { startTsWorker, workerModule } from '../shared/ts-worker';
import { tooLarge } from '../http/errors';
import { renderMarkdown } from './render';
import type { RenderReply, RenderRequest } from './worker';

/**
 * Markdown rendering off the event loop: a few worker threads (worker.ts) render bodies too long
 * to render inline, one at a time each, so a hostile body holds up its own request and no other.
 * A render still running after `timeoutMs` has its thread terminated (a later render starts a
 * fresh one) and fails with RenderTimeoutError. Short bodies render inline: a thread round-trip
 * (structured clone both ways, a wake-up) costs more than rendering them.
 */

/**
 * Bodies shorter than this (UTF-16 units) render inline. Measured: 2 KB of `a@b.com` (the
 * costliest text per character) renders in about 1.4 ms, and a thread round-trip adds ~0.1 ms.
 */
const INLINE_BELOW = 2048;

export class RenderTimeoutError extends Error {}

export interface RenderPoolOptions {
  /** Threads; 0 renders everything in the calling thread (no timeout then). */
  size: number;
  /** Longest one render may run in a thread. */
  timeoutMs: number;
  inlineBelow?: number;
}

interface Job { source: string; resolve: (html: string) => void; reject: (e: Error) => void }

interface Slot {
  worker: Worker | null;
  /** The thread has loaded and may be given a render. */
  ready: boolean;
  job: Job | null;
  timer: NodeJS.Timeout | null;
}

export function createRenderPool(opts: RenderPoolOptions) {
  const inlineBelow = opts.inlineBelow ?? INLINE_BELOW;
  const slots: Slot[] = Array.from({ length: Math.max(0, opts.size) }, () => ({ worker: null, ready: false, job: null, timer: null }));
  const queue: Job[] = [];
  let seq = 0;
  let closed = false;
  /** Threads that failed before they were ready, in a row: past a few, render inline. */
  let startFailures = 0;
  let timeouts = 0;
  let rendered = 0;

  const usable = () => slots.length > 0 && !closed && startFailures < 3;

  function renderInline(job: Job): void {
    try { job.resolve(renderMarkdown(job.source)); } catch (err) { job.reject(err as Error); }
  }

  function finish(slot: Slot): Job | null {
    const job = slot.job;
    slot.job = null;
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    return job;
  }

  function stop(slot: Slot): void {
    const w = slot.worker;
    slot.worker = null;
    slot.ready = false;
    void w?.terminate();
  }

  function start(slot: Slot): void {
    const w = startTsWorker(workerModule('markdown'));
    slot.worker = w;
    slot.ready = false;
    w.on('message', (reply: RenderReply) => {
      if (slot.worker !== w) return;
      if ('ready' in reply) {
        slot.ready = true;
        startFailures = 0;
      } else {
        const job = finish(slot);
        rendered++;
        if ('error' in reply) job?.reject(new Error(reply.error));
        else job?.resolve(reply.html);
      }
      pump();
      if (!slot.job) w.unref(); // loaded or done, and idle: it does not keep the process alive
    });
    const fail = (err: Error) => {
      if (slot.worker !== w) return; // replaced (timeout) or closed: already settled
      if (!slot.ready) startFailures++;
      stop(slot);
      finish(slot)?.reject(err);
      if (!usable()) queue.splice(0).forEach(renderInline);
      else pump();
    };
    w.on('error', fail);
    w.on('exit', (code) => fail(new Error(`render worker exited with code ${code}`)));
  }

  function pump(): void {
    for (const slot of slots) {
      if (queue.length === 0) return;
      if (slot.job) continue;
      if (!slot.worker) start(slot);
      if (!slot.ready) continue;
      const job = queue.shift()!;
      slot.job = job;
      slot.worker!.ref(); // a render in hand keeps the process alive until it is answered
      slot.timer = setTimeout(() => {
        timeouts++;
        const timedOut = finish(slot);
        stop(slot);
        timedOut?.reject(new RenderTimeoutError(`render took over ${opts.timeoutMs} ms`));
        pump();
      }, opts.timeoutMs);
      slot.worker!.postMessage({ id: ++seq, source: job.source } satisfies RenderRequest);
    }
  }

  return {
    size: slots.length,
    /** The HTML of renderMarkdown(source); rejects with RenderTimeoutError when too slow. */
    render(source: string): Promise<string> {
      return new Promise((resolve, reject) => {
        const job = { source, resolve, reject };
        if (source.length < inlineBelow || !usable()) return renderInline(job);
        queue.push(job);
        pump();
      });
    },
    /** Starts the threads now, so the first long body does not wait for one to load. */
    warm() { if (usable()) for (const s of slots) if (!s.worker) start(s); },
    /** Renders done in threads, and renders stopped by the timeout (tests, diagnostics). */
    stats: () => ({ rendered, timeouts }),
    async close() {
      closed = true;
      const workers = slots.map((s) => s.worker);
      for (const s of slots) {
        s.worker = null;
        finish(s)?.reject(new Error('render pool closed'));
      }
      queue.splice(0).forEach(renderInline);
      await Promise.all(workers.map((w) => w?.terminate()));
    },
  };
}


/**
 * The app's renderer (ctx.markdown): the pool, with a render that runs out of time answered as
 * 413 too_large — the body is too costly to turn into a page, which is what 413 tells the client.
 */
export function createMarkdownRenderer(opts: RenderPoolOptions) {
  const pool = createRenderPool(opts);
  return {
    ...pool,
    async render(source: string): Promise<string> {
      try {
        return await pool.render(source);
      } catch (err) {
        if (err instanceof RenderTimeoutError) {
          throw tooLarge('render_timeout', 'body too complex to render; split it into smaller tips');
        }
        throw err;
      }
    },
  };
}

