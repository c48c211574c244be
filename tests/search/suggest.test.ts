import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { setPostStatus } from '../../server/posts/service';
import { parseQuery, toMatch } from '../../server/search/query';
import { createTestApp, postTip, type TestApp } from '../helpers/app';

// Suggestions' titles come from the in-memory title index (server/search/titles.ts). These tests
// check that it matches what the full-text index matches on titles and tags, and that it follows
// every kind of tip write (the index is built before each write, so a missed write shows).

let t: TestApp;
beforeEach(async () => { t = await createTestApp(); });
afterEach(async () => { await t.close(); });

const suggest = async (q: string) => {
  const res = await t.as(t.admin, { method: 'GET', url: `/api/search/suggest?q=${encodeURIComponent(q)}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { posts: { id: number; title: string }[]; tags: { name: string; count: number }[] };
};
const suggested = async (q: string) => (await suggest(q)).posts.map((p) => p.id).sort((a, b) => a - b);

/** What FTS5 matches for the same query on titles and tags (the former implementation). */
const reference = (q: string) => {
  const match = toMatch(parseQuery(q), 'all', 'title tags');
  return match === null ? [] : t.db.prepare('SELECT rowid FROM search_fts WHERE search_fts MATCH ? ORDER BY rowid').pluck().all(match) as number[];
};
/** The title index's answer; null when it leaves the query to FTS5 (no term has a key). */
const inMemory = (q: string) => t.app.ctx.search.titles.find(parseQuery(q).must, 1000)?.map((p) => p.id).sort((a, b) => a - b) ?? null;
const loneJapanesePrefix = (q: string) => parseQuery(q).must.every((m) => m.prefix && m.tokens.length === 1 && /^[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}]$/u.test(m.tokens[0]));

describe('the title index', () => {
  test('matches exactly what the full-text index matches on titles and tags, keystroke by keystroke', async () => {
    const tips = [
      { title: 'ピボットテーブルで課ごとに集計する', tags: ['Excel', '集計'] },
      { title: 'VLOOKUP関数で台帳から転記', tags: ['エクセル', '関数'] },
      { title: '印刷範囲を設定して1枚に収める', tags: ['印刷'] },
      { title: '共有フォルダーのショートカット', tags: ['Windows'] },
      { title: 'Wordの差し込み印刷', tags: ['Word', '印刷'] },
      { title: 'ＸＬＯＯＫＵＰとvlookupの違い', tags: ['Excel'] },
      { title: 'RPA：VLOOKUPの自動化（WinActor）', tags: ['RPA'] },
      { title: 'ピボ・ボットという名前の資料', tags: [] },
      { title: '印', tags: ['集計表'] },
      { title: 'Teamsの会議を録画する', tags: ['Teams', '会議'] },
      { title: 'teams2026 の新機能', tags: ['teams'] },
      { title: 'ｴｸｾﾙで重複を消す', tags: ['重複'] },
      { title: '貼り付けのコツ', tags: ['貼付け'] },
    ];
    for (const tip of tips) await postTip(t, t.admin, { ...tip, body: '本文の印刷と集計' });
    const queries = new Set<string>();
    for (const { title } of tips) {
      const chars = Array.from(title);
      for (let i = 1; i <= chars.length; i++) queries.add(chars.slice(0, i).join(''));
    }
    for (const q of ['excel 集計', '集計 excel', 'excel', 'エクセル', 'EXCEL ', 'vlookup ', 'vlo', 'v', 'xlookup',
      '"印刷範囲"', '"範囲印刷"', 'ピボット', 'ボット', 'rpa vlookup', '"rpa vlookup"', 'teams', 'teams ', 'teams20',
      '会議 録画', '印', '印 ', '集', '集計表', 'フォルダ', 'ﾌｫﾙﾀﾞｰ', '貼付', '貼り付け', 'windows 共有', '重複を消したい',
      '本文', '関数 台帳 転', 'word 印刷', '"word 印刷"', '印刷 word']) queries.add(q);
    let nonEmpty = 0;
    for (const q of queries) {
      const expected = reference(q);
      const got = inMemory(q);
      if (got === null) {
        // Only a lone Japanese character typed as a prefix is left to FTS5.
        expect(loneJapanesePrefix(q), q).toBe(true);
        continue;
      }
      if (expected.length > 0) nonEmpty++;
      expect(got, q).toEqual(expected);
    }
    // The comparison means something: most of these queries find tips.
    expect(nonEmpty).toBeGreaterThan(queries.size / 2);
    // A lone character typed last, alone (two characters typed, one of them a mark).
    expect(inMemory('ピ!')).toEqual(reference('ピ!'));
    expect(reference('ピ!').length).toBeGreaterThan(0);
  });

  test('a lone character that starts too many bigrams to merge their lists is left to FTS5', async () => {
    const made: number[] = [];
    for (let i = 0; i < 40; i++) made.push((await postTip(t, t.admin, { title: `ピ${String.fromCharCode(0x30a2 + i)}の手順`, tags: [] })).id);
    const other = await postTip(t, t.admin, { title: 'excel ピボット', tags: [] });
    expect(inMemory('ピ!')).toBeNull();
    const posts = (await suggest('ピ!')).posts.map((p) => p.id);
    expect(posts).toHaveLength(8);
    for (const id of posts) expect(reference('ピ!')).toContain(id);
    // With another term to drive, it is only verified.
    expect(inMemory('excel ピ')).toEqual([other.id]);
    expect(reference('excel ピ')).toEqual([other.id]);
    expect(made).toHaveLength(40);
  });

  test('ranks a match in the title above one in the tags only, and returns at most eight', async () => {
    const inTitle = await postTip(t, t.admin, { title: '議事録の書き方', tags: [] });
    const inTag = await postTip(t, t.admin, { title: '会議の準備', tags: ['議事録'] });
    expect((await suggest('議事録')).posts.map((p) => p.id)).toEqual([inTitle.id, inTag.id]);
    for (let i = 0; i < 10; i++) await postTip(t, t.admin, { title: `議事録テンプレート${i}`, tags: [] });
    const posts = (await suggest('議事')).posts;
    expect(posts).toHaveLength(8);
    expect(posts.map((p) => p.id)).not.toContain(inTag.id);
  });

  test('a query with an exclusion still excludes by the body', async () => {
    const plain = await postTip(t, t.admin, { title: '印刷の設定', body: '用紙を選ぶ。', tags: [] });
    await postTip(t, t.admin, { title: '印刷の設定（PDF）', body: 'PDFに書き出して印刷する。', tags: [] });
    await postTip(t, t.admin, { title: '印刷のコツ', body: 'Acrobat で開く。', tags: ['PDF'] });
    expect(await suggested('印刷 -pdf')).toEqual([plain.id]);
  });
});

describe('suggestions follow every tip write', () => {
  test('create, title edit, tag edit and delete', async () => {
    const other = await postTip(t, t.admin, { title: '関係ない題名', tags: [] });
    expect(await suggested('勤怠')).toEqual([]);
    const tip = await postTip(t, t.admin, { title: '勤怠入力の締め日', tags: ['庶務'] });
    expect(await suggested('勤怠')).toEqual([tip.id]);
    expect(await suggested('庶務')).toEqual([tip.id]);

    const edit = await t.as(t.admin, { method: 'PATCH', url: `/api/posts/${tip.id}`, payload: { title: '出張旅費の精算' } });
    expect(edit.statusCode, edit.body).toBe(200);
    expect(await suggested('勤怠')).toEqual([]);
    expect(await suggested('旅費')).toEqual([tip.id]);
    expect((await suggest('旅費')).posts).toEqual([{ id: tip.id, title: '出張旅費の精算' }]);

    const retag = await t.as(t.admin, { method: 'PATCH', url: `/api/posts/${tip.id}`, payload: { tags: ['経理'] } });
    expect(retag.statusCode, retag.body).toBe(200);
    expect(await suggested('庶務')).toEqual([]);
    expect(await suggested('経理')).toEqual([tip.id]);

    expect((await t.as(t.admin, { method: 'DELETE', url: `/api/posts/${tip.id}` })).statusCode).toBeLessThan(300);
    expect(await suggested('旅費')).toEqual([]);
    expect(await suggested('経理')).toEqual([]);
    expect(await suggested('関係')).toEqual([other.id]);
  });

  test('hide and restore', async () => {
    const tip = await postTip(t, t.admin, { title: '年末調整の書類', tags: ['税'] });
    expect(await suggested('年末')).toEqual([tip.id]);
    setPostStatus(t.app.ctx, tip.id, 'hidden', 'spam');
    expect(await suggested('年末')).toEqual([]);
    expect(await suggested('年末調整 税')).toEqual([]);
    setPostStatus(t.app.ctx, tip.id, 'published', null);
    expect(await suggested('年末')).toEqual([tip.id]);
  });

  test('a draft is never suggested, and is once published; a tip turned back into a draft leaves', async () => {
    const bob = await t.user('bob');
    const res = await t.as(bob, { method: 'POST', url: '/api/posts', payload: { title: '下書きの起案手順', body: '本文', tags: ['起案'], status: 'draft' } });
    expect(res.statusCode, res.body).toBe(201);
    const draft = res.json();
    expect(await suggested('起案')).toEqual([]);
    const edit = await t.as(bob, { method: 'PATCH', url: `/api/posts/${draft.id}`, payload: { title: '下書きの起案手順（改）' } });
    expect(edit.statusCode, edit.body).toBe(200);
    expect(await suggested('起案')).toEqual([]);

    const pub = await t.as(bob, { method: 'POST', url: `/api/posts/${draft.id}/publish` });
    expect(pub.statusCode, pub.body).toBe(200);
    expect((await suggest('起案')).posts).toEqual([{ id: draft.id, title: '下書きの起案手順（改）' }]);

    t.db.transaction(() => {
      t.db.prepare("UPDATE posts SET status = 'draft' WHERE id = ?").run(draft.id);
      t.app.ctx.postEvents.emit({ kind: 'updated', post: t.app.ctx.posts.byId(draft.id)! });
    })();
    expect(await suggested('起案')).toEqual([]);
  });

  test('a write that rolls back changes nothing', async () => {
    const tip = await postTip(t, t.admin, { title: '名簿の並べ替え', tags: [] });
    expect(await suggested('名簿')).toEqual([tip.id]);
    expect(() => t.db.transaction(() => {
      t.db.prepare("UPDATE posts SET title = '消える題名' WHERE id = ?").run(tip.id);
      t.app.ctx.postEvents.emit({ kind: 'updated', post: t.app.ctx.posts.byId(tip.id)! });
      throw new Error('fail after the event');
    })()).toThrow('fail after the event');
    expect(await suggested('消える')).toEqual([]);
    expect(await suggested('名簿')).toEqual([tip.id]);
    expect(() => t.db.transaction(() => {
      t.db.prepare("UPDATE posts SET status = 'hidden' WHERE id = ?").run(tip.id);
      t.app.ctx.postEvents.emit({ kind: 'hidden', post: t.app.ctx.posts.byId(tip.id)! });
      throw new Error('fail after the event');
    })()).toThrow('fail after the event');
    expect(await suggested('名簿')).toEqual([tip.id]);
  });

  test('a rebuild of the search index rebuilds the title index', async () => {
    const tip = await postTip(t, t.admin, { title: '複合機のスキャン設定', tags: [] });
    expect(await suggested('複合機')).toEqual([tip.id]);
    // Written behind the app's back, then a full rebuild (npm run reindex does the same).
    t.db.prepare("UPDATE posts SET title = 'スキャナの設定' WHERE id = ?").run(tip.id);
    t.app.ctx.search.rebuild();
    expect(await suggested('複合機')).toEqual([]);
    expect(await suggested('スキャナ')).toEqual([tip.id]);
  });
});
