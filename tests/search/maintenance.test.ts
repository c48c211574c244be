import { afterEach, expect, test } from 'vitest';
import { createSearchEngine } from '../../server/search/engine';
import { createTestApp, postTip, type TestApp } from '../helpers/app';

let t: TestApp;
afterEach(async () => { await t.close(); });

const words = ['集計', '印刷', '関数', '台帳', '会議', 'VLOOKUP', 'ピボット'];
const queries = ['集計', '印刷 関数', 'vlookup', 'ピボット', '台帳 -会議', '"会議"'];

/** True when one more merge slice would still find work: the index is not one clean segment. */
function mergeWouldWork(t: TestApp): boolean {
  // Measured on a savepoint that is rolled back, so asking does not merge anything.
  t.db.exec('SAVEPOINT probe');
  try {
    let worked = false;
    for (const table of ['search_fts', 'search_titles']) {
      const before = t.db.prepare('SELECT total_changes()').pluck().get() as number;
      t.db.prepare(`INSERT INTO ${table} (${table}, rank) VALUES ('merge', -100000)`).run();
      if ((t.db.prepare('SELECT total_changes()').pluck().get() as number) - before >= 2) worked = true;
    }
    return worked;
  } finally {
    t.db.exec('ROLLBACK TO probe; RELEASE probe');
  }
}

async function results() {
  const out: unknown[] = [];
  for (const q of queries) {
    const r = (await t.as(t.admin, { method: 'GET', url: `/api/search?q=${encodeURIComponent(q)}` })).json();
    out.push({ q, total: r.total, ids: r.items.map((i: { id: number }) => i.id) });
  }
  return out;
}

async function writeAndEdit(n: number) {
  const ids: number[] = [];
  for (let i = 0; i < n; i++) {
    const body = Array.from({ length: 1 + (i % 5) }, (_, j) => `${words[(i + j) % words.length]}の手順${j}。`).join('');
    ids.push((await postTip(t, t.admin, { title: `${words[i % words.length]}のコツ${i}`, body, tags: [words[(i + 2) % words.length]] })).id);
  }
  // Edits and deletes leave tombstones in the segments that held the old entries.
  for (const id of ids.slice(0, n / 2)) {
    const res = await t.as(t.admin, { method: 'PATCH', url: `/api/posts/${id}`, payload: { body: `編集しました。${words[id % words.length]}と集計。` } });
    expect(res.statusCode).toBe(200);
  }
  for (const id of ids.slice(n - 3)) expect((await t.as(t.admin, { method: 'DELETE', url: `/api/posts/${id}` })).statusCode).toBe(204);
  return ids;
}

test('settle() merges the index after edits into one segment and every search answers the same', async () => {
  t = await createTestApp();
  await writeAndEdit(40);
  expect(mergeWouldWork(t)).toBe(true);
  const before = await results();
  expect(before.some((r) => (r as { total: number }).total > 0)).toBe(true);

  const { maintenance } = t.app.ctx.search;
  expect(maintenance.pending()).toBeGreaterThan(40);
  const slices = maintenance.stats.slices;
  await maintenance.settle();
  expect(maintenance.stats.slices).toBeGreaterThan(slices);
  expect(maintenance.pending()).toBe(0);
  expect(mergeWouldWork(t)).toBe(false);
  expect(await results()).toEqual(before);
  t.db.prepare("INSERT INTO search_fts (search_fts, rank) VALUES ('integrity-check', 0)").run();
});

test('a campaign starts by itself once enough changes have been made and the index has been quiet', async () => {
  t = await createTestApp();
  // The app's own engine does not merge on an in-memory database; this one does, with small settings.
  const engine = createSearchEngine(t.db, { rebuildIfStale: false, maintenance: { enabled: true, threshold: 10, quietMs: 5, pauseMs: 0, pages: 8 } });
  engine.follow(t.app.ctx.postEvents);
  try {
    await writeAndEdit(20);
    expect(engine.maintenance.pending()).toBeGreaterThanOrEqual(10);
    const deadline = Date.now() + 10_000;
    while ((engine.maintenance.pending() > 0 || mergeWouldWork(t)) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(engine.maintenance.stats.campaigns).toBeGreaterThanOrEqual(1);
    // Small slices: the merge was spread over several of them.
    expect(engine.maintenance.stats.slices).toBeGreaterThan(2);
    expect(mergeWouldWork(t)).toBe(false);
  } finally {
    engine.maintenance.stop();
  }
});

test('below the threshold nothing runs, and a stopped maintenance never merges again', async () => {
  t = await createTestApp();
  const engine = createSearchEngine(t.db, { rebuildIfStale: false, maintenance: { enabled: true, threshold: 1000, quietMs: 1, pauseMs: 0 } });
  engine.follow(t.app.ctx.postEvents);
  await engine.maintenance.settle(); // the start-up campaign (nothing to merge yet)
  const idle = engine.maintenance.stats.slices;
  await writeAndEdit(10);
  await new Promise((r) => setTimeout(r, 50));
  expect(engine.maintenance.stats.slices).toBe(idle);
  engine.maintenance.stop();
  await engine.maintenance.settle();
  expect(engine.maintenance.stats.slices).toBe(idle);
  expect(mergeWouldWork(t)).toBe(true);
});
