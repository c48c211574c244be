import type { Database } from '../db/database';

/**
 * Keeps the full-text index merged while tips are edited. The index is contentless with
 * contentless_delete (migration 0002), so an edit, hide or delete leaves a tombstone in the
 * segment that held the tip, and every write adds a small segment; FTS5's automerge joins the
 * small segments but never rewrites the big one. Measured at 100,000 tips: 200 new tips and 200
 * edits made every search 25-35 % slower (p99 12.4 → 16.9 ms, in-process) until the index was
 * merged into one segment again, which restored it exactly.
 *
 * A full merge is done in slices — FTS5's incremental `('merge', -pages)` command on each table,
 * each its own short transaction — paced by a timer, so requests run between slices (at 100,000
 * tips: 100 pages took p50 5.4 ms, longest 17-24 ms; with the default 50, about 350 slices, 2 s of
 * work in all, longest 19-20 ms). A campaign starts once `threshold` index changes have been made and the
 * index has been quiet for `quietMs` (or at once when a change has waited `maxWaitMs`), and once
 * at start-up. A slice that does no work (total_changes() moves by less than 2, as the FTS5
 * documentation gives) ends the campaign.
 */
export interface MaintenanceOptions {
  /** Off: changes are counted, nothing runs by itself (tests; `settle()` still merges). */
  enabled: boolean;
  /** Pages of merge work per slice. */
  pages: number;
  /** Pause between slices, ms. */
  pauseMs: number;
  /** Index changes (tips written or removed) that start a campaign. */
  threshold: number;
  /** Quiet time after the last change before a campaign starts, ms. */
  quietMs: number;
  /** A change never waits longer than this for its campaign, ms. */
  maxWaitMs: number;
}

export const DEFAULT_MAINTENANCE: MaintenanceOptions = {
  enabled: true, pages: 50, pauseMs: 25, threshold: 50, quietMs: 5_000, maxWaitMs: 3_600_000,
};

export interface MaintenanceStats { campaigns: number; slices: number; busyMs: number; longestSliceMs: number }

export function createIndexMaintenance(db: Database, options: Partial<MaintenanceOptions> = {}) {
  const opts: MaintenanceOptions = { ...DEFAULT_MAINTENANCE, ...options };
  // Both full-text tables: the index and its titles-only companion (migration 0010).
  const merges = ['search_fts', 'search_titles'].map((t) => db.prepare(`INSERT INTO ${t} (${t}, rank) VALUES ('merge', ?)`));
  const totalChanges = db.prepare('SELECT total_changes()').pluck();
  let pending = 0;
  let firstPendingAt = 0;
  let timer: NodeJS.Timeout | null = null;
  let running = false;
  let stopped = false;
  let waiters: (() => void)[] = [];
  const stats: MaintenanceStats = { campaigns: 0, slices: 0, busyMs: 0, longestSliceMs: 0 };

  const schedule = (ms: number, fn: () => void) => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => { timer = null; fn(); }, ms);
    // Background work never keeps the process alive; a caller awaiting settle() does.
    if (waiters.length === 0) timer.unref();
  };

  /** One slice of merge work; true while there is more to do. */
  function slice(): boolean {
    // Never inside a caller's transaction: a slice is its own short one.
    if (db.inTransaction || !db.open) return true;
    const started = performance.now();
    let worked = false;
    for (const merge of merges) {
      const before = totalChanges.get() as number;
      merge.run(-opts.pages);
      // The command itself counts one change; two or more mean it merged something.
      if ((totalChanges.get() as number) - before >= 2) worked = true;
    }
    const took = performance.now() - started;
    stats.slices++;
    stats.busyMs += took;
    stats.longestSliceMs = Math.max(stats.longestSliceMs, took);
    return worked;
  }

  function finish() {
    running = false;
    const done = waiters;
    waiters = [];
    for (const resolve of done) resolve();
    plan(); // changes made during the campaign
  }

  function step() {
    if (stopped) return finish();
    let more: boolean;
    try {
      more = slice();
    } catch {
      // A busy or closed database: try again at the next campaign.
      return finish();
    }
    if (more) schedule(opts.pauseMs, step);
    else finish();
  }

  function start() {
    if (running || stopped) return;
    running = true;
    stats.campaigns++;
    pending = 0;
    firstPendingAt = 0;
    step();
  }

  function plan(): void {
    if (!opts.enabled || running || stopped || pending < opts.threshold) return;
    const waited = Date.now() - firstPendingAt;
    schedule(waited >= opts.maxWaitMs ? 0 : Math.min(opts.quietMs, opts.maxWaitMs - waited), start);
  }

  return {
    stats,
    /** Called for each tip written to or removed from the index. */
    changed() {
      if (pending === 0) firstPendingAt = Date.now();
      pending++;
      plan();
    },
    /** A campaign soon (start-up: whatever earlier runs left unmerged). */
    startSoon(ms = opts.quietMs) {
      if (opts.enabled && !running && !stopped) schedule(ms, start);
    },
    /** Merges now, slice by slice with the same pauses, and resolves when the index is merged. */
    settle(): Promise<void> {
      if (stopped) return Promise.resolve();
      const done = new Promise<void>((resolve) => waiters.push(resolve));
      timer?.ref(); // a campaign under way: its next slice now keeps the process alive too
      if (!running) {
        if (timer) clearTimeout(timer);
        timer = null;
        start();
      }
      return done;
    },
    /** Index changes not yet merged by a campaign. */
    pending: () => pending,
    stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = null;
      finish();
    },
  };
}

export type IndexMaintenance = ReturnType<typeof createIndexMaintenance>;
