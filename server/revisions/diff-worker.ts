/**
 * Revision diffs in a worker thread (diff-pool.ts): jsdiff and the word segmenter are
 * synchronous and their cost grows with the bodies, so a diff of two 100,000-character bodies
 * holds up only this thread, and one that runs too long is stopped by terminating it.
 */
import { parentPort } from 'node:worker_threads';
import { diffContent, type ContentDiff } from './diff';
import type { RevisionContent } from './store';

export interface DiffRequest { id: number; before: RevisionContent; after: RevisionContent; context: number }
export type DiffReply = { id: number; diff: ContentDiff } | { id: number; error: string } | { ready: true };

parentPort?.on('message', (req: DiffRequest) => {
  try {
    parentPort?.postMessage({ id: req.id, diff: diffContent(req.before, req.after, req.context) } satisfies DiffReply);
  } catch (err) {
    parentPort?.postMessage({ id: req.id, error: (err as Error).message } satisfies DiffReply);
  }
});
parentPort?.postMessage({ ready: true } satisfies DiffReply);
