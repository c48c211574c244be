import { afterEach, expect, test } from 'vitest';
import { createTestApp, postTip, type TestApp } from '../helpers/app';

let t: TestApp;
afterEach(async () => { await t.close(); });

const order = async (q: string) =>
  ((await t.as(t.admin, { method: 'GET', url: `/api/search?q=${encodeURIComponent(q)}` })).json().items as { id: number }[]).map((i) => i.id);

const filler = '申請書の様式はイントラネットの様式集にあります。提出前に上長の確認を受けてください。';

test('a match in the title or tags ranks above the same match in the body', async () => {
  t = await createTestApp();
  const inBody = await postTip(t, t.admin, { title: '月次報告の作り方', body: `${filler}集計は最後に行います。${filler}`, tags: [] });
  const inTag = await postTip(t, t.admin, { title: '月次報告のまとめ方', body: `${filler}${filler}`, tags: ['集計'] });
  const inTitle = await postTip(t, t.admin, { title: '集計の作り方', body: `${filler}${filler}`, tags: [] });
  expect(await order('集計 ')).toEqual([inTitle.id, inTag.id, inBody.id]);
});

test('popularity and recency reorder equal matches but do not beat a far better match', async () => {
  t = await createTestApp({ now: () => new Date('2026-10-01T00:00:00Z') });
  // Created first, so the id tie-break alone would put `old` first.
  const fresh = await postTip(t, t.admin, { title: '重複の削除', body: filler, tags: [] });
  const old = await postTip(t, t.admin, { title: '重複の削除', body: filler, tags: [] });
  t.db.prepare("UPDATE posts SET created_at = '2025-10-01T00:00:00.000Z', updated_at = '2025-10-01T00:00:00.000Z' WHERE id = ?").run(old.id);
  // Same text: the fresh one first.
  expect(await order('重複 ')).toEqual([fresh.id, old.id]);

  // Popular enough, the old one overtakes the fresh one (popularity +20 % beats recency +10 %).
  t.db.prepare('UPDATE posts SET view_count = 2000, like_count = 50 WHERE id = ?').run(old.id);
  expect(await order('重複 ')).toEqual([old.id, fresh.id]);

  // A tip that is about the words in its title beats a popular tip that only mentions them.
  const mention = await postTip(t, t.admin, { title: '名簿の整理', body: `${filler}重複に注意。${filler}`, tags: [] });
  t.db.prepare('UPDATE posts SET view_count = 100000, like_count = 1000 WHERE id = ?').run(mention.id);
  const ranked = await order('重複 ');
  expect(ranked.indexOf(mention.id)).toBe(2);
});

test('the fast path (BM25 top set re-ranked in memory) orders exactly as the SQL blend', async () => {
  t = await createTestApp();
  const words = ['集計', '印刷', '関数', '台帳', '会議'];
  for (let i = 0; i < 60; i++) {
    const body = Array.from({ length: 1 + (i % 7) }, (_, j) => `${words[(i + j) % 5]}の手順${j}。`).join('');
    const tip = await postTip(t, t.admin, { title: `${words[i % 5]}のコツ${i}`, body, tags: [] });
    t.db.prepare('UPDATE posts SET view_count = ?, like_count = ?, updated_at = ? WHERE id = ?')
      .run((i * 37) % 500, (i * 11) % 20, new Date(Date.UTC(2026, i % 12, 1 + (i % 27))).toISOString(), tip.id);
  }
  const { store } = t.app.ctx.search;
  for (const match of ['"集計"', '"印刷" AND "手順"', '"関数" OR "会議"']) {
    const f = { match, tagIds: [], sort: 'relevance' as const, limit: 20, offset: 5, now: '2026-12-01T00:00:00.000Z' };
    const fast = store.topPage(f);
    const sql = store.page(f);
    expect(fast?.ids.length).toBeGreaterThan(0);
    expect(fast?.ids).toEqual(sql.ids);
    expect(fast?.total).toBe(sql.total);
  }
});

test('past the ranking cap, tips with the words in title or tags come first and the total stays exact', async () => {
  t = await createTestApp();
  const { createSearchEngine } = await import('../../server/search/engine');
  const titled: number[] = [];
  for (let i = 0; i < 12; i++) {
    const inTitle = i % 4 === 0;
    const tip = await postTip(t, t.admin, { title: inTitle ? `集計のコツ${i}` : `月報${i}`, body: `${filler}集計を行う。${i}`, tags: [] });
    if (inTitle) titled.push(tip.id);
  }
  const capped = createSearchEngine(t.db, { rebuildIfStale: false, rankCap: 4 });
  const f = { match: '"集計"', titleMatch: '{title tags} : ("集計")', tagIds: [], sort: 'relevance' as const, limit: 5, offset: 0, now: new Date().toISOString() };
  const page = capped.store.topPage(f)!;
  expect(page.total).toBe(12);
  expect(page.ids.slice(0, 3).sort((a, b) => a - b)).toEqual(titled);
  expect(page.ids).toHaveLength(5);
  // The two body-only fillers are the newest (the capped body ranking covers the newest 4 only).
  expect(Math.min(...page.ids.slice(3))).toBeGreaterThan(8);
});

test('a one-token query past the cap counts through FTS5\'s own term counts, deleted tips left out, as counting the matches does', async () => {
  t = await createTestApp();
  const { createSearchEngine } = await import('../../server/search/engine');
  const ids: number[] = [];
  for (let i = 0; i < 12; i++) ids.push((await postTip(t, t.admin, { title: `月報${i}`, body: `${filler}集計を行う。${i}`, tags: [] })).id);
  const capped = createSearchEngine(t.db, { rebuildIfStale: false, rankCap: 4 });
  // Removed from the index (contentless delete: a tombstone, the term's doclist untouched until merged).
  for (const id of ids.slice(0, 5)) capped.store.remove(id);
  const counted = (match: string) => t.db.prepare('SELECT count(*) FROM search_fts WHERE search_fts MATCH ?').pluck().get(match);
  const f = { match: '"集計"', titleMatch: '{title tags} : ("集計")', tagIds: [], sort: 'relevance' as const, limit: 5, offset: 0, now: new Date().toISOString() };
  expect(counted('"集計"')).toBe(7);
  expect(capped.store.topPage(f)!.total).toBe(7);
  // Excluded tips are not a one-token count: the statement counts them out.
  expect(capped.store.topPage({ ...f, exclude: [ids[11]] })!.total).toBe(6);
});

test('a relaxed query ranked group by group gives the same page and total as the relaxed expression whole', async () => {
  t = await createTestApp({ now: () => new Date('2026-10-01T00:00:00Z') });
  const { parseQuery, relaxedGroups, toMatch } = await import('../../server/search/query');
  const words = ['印刷', '見出', 'ページ', '余白'];
  // Tips with every word but one (each group gets some), with varied lengths and popularity;
  // none has all four, as when a search is relaxed.
  for (let i = 0; i < 24; i++) {
    const skip = i % 4;
    const body = words.filter((_, j) => j !== skip).map((w, j) => `${w}の設定${'。手順を確認'.repeat((i + j) % 5)}`).join('');
    const tip = await postTip(t, t.admin, { title: i % 3 === 0 ? `${words[(skip + 1) % 4]}のコツ${i}` : `手順${i}`, body, tags: i % 2 ? ['印刷'] : [] });
    t.db.prepare('UPDATE posts SET view_count = ?, like_count = ? WHERE id = ?').run((i * 53) % 700, (i * 7) % 30, tip.id);
  }
  await postTip(t, t.admin, { title: '無関係', body: '印刷だけ', tags: [] });
  const parsed = parseQuery('印刷 見出 ページ 余白 ');
  const { store } = t.app.ctx.search;
  const tag = t.app.ctx.tags.byName('印刷')!.id;
  for (const tagIds of [[], [tag]]) {
    for (const [offset, limit] of [[0, 20], [5, 7]]) {
      const f = { match: toMatch(parsed, 'relaxed'), titleMatch: null, tagIds, sort: 'relevance' as const, limit, offset, now: '2026-10-01T00:00:00.000Z' };
      const whole = store.topPage(f)!;
      const grouped = store.topPage({ ...f, groups: relaxedGroups(parsed) })!;
      expect(grouped.total).toBe(tagIds.length ? 12 : 24);
      expect(grouped).toEqual(whole);
    }
  }
  // The search itself takes the grouped path and finds them.
  const res = await t.as(t.admin, { method: 'GET', url: `/api/search?q=${encodeURIComponent('印刷 見出 ページ 余白 ')}` });
  expect(res.json().relaxed).toBe(true);
  expect(res.json().total).toBe(24);
});

test('past the cap, with a tag filter: the total is exact, every hit has the tag, none twice, title matches first', async () => {
  t = await createTestApp();
  const { createSearchEngine } = await import('../../server/search/engine');
  const tagged: number[] = [];
  const titled: number[] = [];
  for (let i = 0; i < 16; i++) {
    const inTitle = i % 3 === 0;
    const tip = await postTip(t, t.admin, { title: inTitle ? `集計のコツ${i}` : `月報${i}`, body: `${filler}集計を行う。${i}`, tags: i % 2 ? ['Excel'] : ['Word'] });
    if (i % 2) { tagged.push(tip.id); if (inTitle) titled.push(tip.id); }
  }
  const capped = createSearchEngine(t.db, { rebuildIfStale: false, rankCap: 4 });
  const excel = t.app.ctx.tags.byName('Excel')!.id;
  const f = { match: '"集計"', titleMatch: '{title tags} : ("集計")', tagIds: [excel], sort: 'relevance' as const, limit: 20, offset: 0, now: new Date().toISOString() };
  const page = capped.store.topPage(f)!;
  expect(page.total).toBe(8);
  expect(new Set(page.ids).size).toBe(page.ids.length);
  expect(page.ids.every((id) => tagged.includes(id))).toBe(true);
  expect(page.ids.slice(0, titled.length).sort((a, b) => a - b)).toEqual(titled);
  // Body matches come from the newest 4 tagged matches only (the cap), after the title ones.
  expect(page.ids.length).toBe(titled.length + tagged.slice(-4).filter((id) => !titled.includes(id)).length);
  // The same total through the SQL path (sort=new) and facets over the newest 4 tagged matches.
  expect(capped.store.page({ ...f, sort: 'new' }).total).toBe(8);
  expect(capped.store.facets(f)).toEqual([{ name: 'Excel', count: 4 }]);
});

test('a tier or query with a single match is returned without ranking, with the right total', async () => {
  t = await createTestApp();
  const { createSearchEngine } = await import('../../server/search/engine');
  const { parseQuery, relaxedGroups, toMatch } = await import('../../server/search/query');
  const ids: number[] = [];
  for (let i = 0; i < 10; i++) ids.push((await postTip(t, t.admin, { title: i === 3 ? '集計と印刷のコツ' : `月報${i}`, body: `${filler}集計と印刷を行う。${i}`, tags: [] })).id);
  const only = await postTip(t, t.admin, { title: '台帳の整理', body: '見出しを全部のページに印刷する。', tags: [] });
  const capped = createSearchEngine(t.db, { rebuildIfStale: false, rankCap: 4 });
  const base = { tagIds: [], sort: 'relevance' as const, limit: 5, offset: 0, now: new Date().toISOString() };
  // Past the cap, the title tier holds one tip: it comes first, then the newest body matches.
  const page = capped.store.topPage({ ...base, match: '"集計" AND "印刷"', titleMatch: '{title tags} : ("集計" AND "印刷")' })!;
  expect(page.total).toBe(10);
  expect(page.ids[0]).toBe(ids[3]);
  expect(page.ids).toHaveLength(5);
  // One match in all.
  expect(capped.store.topPage({ ...base, match: '"台帳"', titleMatch: null })).toEqual({ ids: [only.id], total: 1 });
  // A relaxed query whose groups hold one match: found, counted, and gone once hidden.
  const parsed = parseQuery('見出 全部 ページ 余白 ');
  const relaxed = { ...base, match: toMatch(parsed, 'relaxed'), titleMatch: null, groups: relaxedGroups(parsed) };
  expect(capped.store.topPage(relaxed)).toEqual({ ids: [only.id], total: 1 });
  t.db.prepare("UPDATE posts SET status = 'hidden' WHERE id = ?").run(only.id);
  expect(capped.store.topPage(relaxed)!.ids).toEqual([]);
});

test('sort=new and sort=popular give the same pages whether they walk the sort index or order the matches', async () => {
  t = await createTestApp();
  const { createSearchEngine } = await import('../../server/search/engine');
  for (let i = 0; i < 30; i++) {
    const tip = await postTip(t, t.admin, { title: `手順${i}`, body: i % 3 ? `${filler}集計する。` : filler, tags: i % 2 ? ['Excel'] : [] });
    // Ties on purpose: equal dates and equal views, broken by likes and then id.
    t.db.prepare('UPDATE posts SET created_at = ?, view_count = ?, like_count = ? WHERE id = ?')
      .run(new Date(Date.UTC(2026, 0, 1 + (i % 7))).toISOString(), (i * 7) % 5, i % 3, tip.id);
  }
  const excel = t.app.ctx.tags.byName('Excel')!.id;
  const walk = createSearchEngine(t.db, { rebuildIfStale: false, denseWalk: 1_000_000 });
  const order = createSearchEngine(t.db, { rebuildIfStale: false, denseWalk: 0 });
  for (const sort of ['new', 'popular'] as const) {
    for (const tagIds of [[], [excel]]) {
      for (const [offset, limit] of [[0, 20], [3, 5], [18, 10]]) {
        const f = { match: '"集計"', tagIds, sort, limit, offset, now: new Date().toISOString() };
        const a = walk.store.page(f);
        expect(a).toEqual(order.store.page(f));
        expect(a.total).toBe(tagIds.length ? 10 : 20);
        expect(a.ids.length).toBe(Math.max(0, Math.min(limit, a.total - offset)));
      }
    }
  }
});

test('a listing by one tag counts its published tips only, hidden and draft ones excluded', async () => {
  t = await createTestApp();
  const made: number[] = [];
  for (let i = 0; i < 6; i++) made.push((await postTip(t, t.admin, { title: `手順${i}`, body: filler, tags: ['Excel', ...(i % 2 ? ['Word'] : [])] })).id);
  const list = async (extra: string) => (await t.as(t.admin, { method: 'GET', url: `/api/search?${extra}` })).json() as { total: number; items: { id: number }[] };
  expect((await list('tag=Excel')).total).toBe(6);
  t.db.prepare("UPDATE posts SET status = 'hidden' WHERE id = ?").run(made[0]);
  t.db.prepare("UPDATE posts SET status = 'draft' WHERE id = ?").run(made[1]);
  const excel = await list('tag=Excel&limit=100');
  expect(excel.total).toBe(4);
  expect(excel.items.map((i) => i.id).sort((a, b) => a - b)).toEqual(made.slice(2));
  expect((await list('tag=Excel&tag=Word')).total).toBe(2);
});

test('tips with all the words but one are found past the rank cap too, two words included', async () => {
  t = await createTestApp();
  const { createSearchEngine } = await import('../../server/search/engine');
  const { search } = await import('../../server/search/service');
  for (let i = 0; i < 6; i++) await postTip(t, t.admin, { title: `関数の使い方${i}`, body: filler, tags: [] });
  const both = await postTip(t, t.admin, { title: 'VLOOKUP関数で転記する', body: filler, tags: [] });
  const vlookup = await postTip(t, t.admin, { title: 'VLOOKUPの#N/Aを空白にする', body: filler, tags: [] });
  // Cap 4: the groups (関数 alone: 7 tips; vlookup alone: 1) hold more than it together, so they
  // are ranked as one expression among its newest 4 — which must be the groups, not both words again.
  const capped = createSearchEngine(t.db, { rebuildIfStale: false, rankCap: 4, maintenance: { enabled: false } });
  const r = search({ ...t.app.ctx, search: capped }, { q: 'VLOOKUP関数' });
  expect(r.items.map((i) => i.id)).toEqual([both.id]);
  expect(r.partial?.map((i) => i.id)).toContain(vlookup.id);
});
