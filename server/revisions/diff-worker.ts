/**
 * Revision diffs in a worker thread (diff-pool.ts): jsdiff and the word segmenter are
 * synchronous and their cost grows with the bodies, so a diff of two 100,000-character bodies
 * holds up only this thread, and one that runs too long is stopped by terminating it. The answer
 * leaves already serialized (JSON text as UTF-8), so the main thread never walks the tens of
 * thousands of rows and segments a huge diff can have.
 */
import { serveTasks } from '../workers/serve';
import { diffContent, wholeDiff } from './diff';
import type { RevisionContent } from './store';

/** `whole`: old and new shown whole (wholeDiff, linear), after a diff of them ran out of time. */
export interface DiffTask { before: RevisionContent; after: RevisionContent; context: number; whole?: boolean }

serveTasks<DiffTask, Uint8Array>((t) =>
  Buffer.from(JSON.stringify((t.whole ? wholeDiff : diffContent)(t.before, t.after, t.context))));
