import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { setPostStatus } from '../../server/posts/service';
import { createTestApp, postTip, type TestApp } from '../helpers/app';

let t: TestApp;
beforeEach(async () => { t = await createTestApp(); });
afterEach(async () => { await t.close(); });

async function find(q: string, extra = '') {
  const res = await t.as(t.admin, { method: 'GET', url: `/api/search?q=${encodeURIComponent(q)}${extra}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { total: number; items: { id: number; title: string; snippet: string; tags: string[] }[]; didYouMean: string | null; correctedTo?: string | null; relaxed: boolean; facets?: { name: string; count: number }[] };
}
const ids = async (q: string, extra = '') => (await find(q, extra)).items.map((i) => i.id).sort((a, b) => a - b);

async function seed() {
  const a = await postTip(t, t.admin, { title: 'ピボットテーブルで課ごとに集計する', body: 'Ｅｘｃｅｌのピボットテーブルで、申請件数を課ごとに集計します。', tags: ['Excel', '集計'] });
  const b = await postTip(t, t.admin, { title: 'VLOOKUP関数で台帳から転記', body: '=VLOOKUP(A2,台帳!A:D,3,FALSE) で名簿から住所を引きます。', tags: ['エクセル', '関数'] });
  const c = await postTip(t, t.admin, { title: '印刷範囲を設定して1枚に収める', body: 'ページレイアウトから印刷範囲を設定します。ｴｸｾﾙ 2016 以降。', tags: ['印刷'] });
  const d = await postTip(t, t.admin, { title: '共有フォルダーのショートカット', body: 'サーバーのフォルダをデスクトップに貼り付けておくと便利です。', tags: ['Windows'] });
  const e = await postTip(t, t.admin, { title: 'Wordの差し込み印刷', body: '宛名ラベルは差込み印刷で作れます。重複した宛先はExcelで消しておきます。', tags: ['Word', '印刷'] });
  return { a: a.id as number, b: b.id as number, c: c.id as number, d: d.id as number, e: e.id as number };
}

describe('GET /api/search', () => {
  test('two-character Japanese words match inside longer text', async () => {
    const s = await seed();
    expect(await ids('集計 ')).toEqual([s.a]);
    expect(await ids('印刷 ')).toEqual([s.c, s.e]);
    expect(await ids('関数 ')).toEqual([s.b]);
    expect(await ids('ピボット ')).toEqual([s.a]);
  });

  test('width, case, katakana and okurigana variants find the same tips', async () => {
    const s = await seed();
    const excel = [s.a, s.b, s.c, s.e];
    for (const q of ['excel ', 'EXCEL ', 'ＥＸＣＥＬ ', 'エクセル ', 'ｴｸｾﾙ ']) expect(await ids(q), q).toEqual(excel);
    for (const q of ['フォルダ ', 'フォルダー ', 'ﾌｫﾙﾀﾞ ']) expect(await ids(q), q).toEqual([s.d]);
    expect(await ids('貼付け ')).toEqual([s.d]);
    expect(await ids('差し込み ')).toEqual([s.e]);
    expect(await ids('サーバ ')).toEqual([s.d]);
  });

  test('AND, phrases, exclusions and mixed Latin and Japanese', async () => {
    const s = await seed();
    expect(await ids('excel 印刷 ')).toEqual([s.c, s.e]);
    expect(await ids('印刷 -word ')).toEqual([s.c]);
    expect(await ids('印刷 -"差し込み" ')).toEqual([s.c]);
    expect(await ids('"印刷範囲" ')).toEqual([s.c]);
    expect(await ids('"範囲印刷" ')).toEqual([]);
    expect(await ids('VLOOKUP関数 ')).toEqual([s.b]);
    // Both words held by some tip, never together (one no tip holds: tiers.test.ts).
    expect(await ids('デスクトップ：vlookup ')).toEqual([]);
  });

  test('an excluded word is excluded in all its spellings, as a required word is matched in them', async () => {
    const s = await seed();
    // Tips a, b, c, e write Ｅｘｃｅｌ, エクセル, ｴｸｾﾙ or Excel: excluding any spelling leaves them all out.
    for (const q of ['印刷 -excel ', '印刷 -エクセル ', '印刷 -ｴｸｾﾙ ']) expect(await ids(q), q).toEqual([]);
    for (const q of ['フォルダ -excel ', 'ショートカット -エクセル ']) expect(await ids(q), q).toEqual([s.d]);
    // Quoted, it is that exact phrase only; a Latin word of three letters or fewer is taken as typed.
    expect(await ids('印刷 -"excel" ')).toEqual([s.c]);
    expect(await ids('印刷 -pdf ')).toEqual([s.c, s.e]);
  });

  test('the last word matches as a prefix while typing', async () => {
    const s = await seed();
    expect(await ids('vlo')).toEqual([s.b]);
    expect(await ids('vlo ')).toEqual([]);
    expect(await ids('台帳 転')).toEqual([s.b]);
  });

  test('snippets escape HTML and mark the matched words in the original spelling', async () => {
    await postTip(t, t.admin, { title: '危険な文字', body: 'セルに <script>alert(1)</script> と ＶＬＯＯＫＵＰ を書く & "引用"', tags: [] });
    const r = await find('vlookup ');
    expect(r.items[0].snippet).toContain('<mark>ＶＬＯＯＫＵＰ</mark>');
    expect(r.items[0].snippet).toContain('&lt;script&gt;');
    expect(r.items[0].snippet).not.toContain('<script>');
    expect(r.items[0].snippet).toContain('&amp;');
    expect(r.items[0].snippet.replace(/<\/?mark>/g, '')).not.toMatch(/[<>]/);
  });

  test('a long body gives a short snippet around the match', async () => {
    const body = `${'関係のない前置きの文章です。'.repeat(300)}ここで集計の手順を説明します。${'後ろの文章。'.repeat(300)}`;
    await postTip(t, t.admin, { title: '長い手順書', body, tags: [] });
    const r = await find('集計 ');
    expect(r.items[0].snippet).toContain('<mark>集計</mark>');
    expect(r.items[0].snippet.length).toBeLessThan(260);
    expect(r.items[0].snippet.startsWith('…')).toBe(true);
  });

  test('tag filters (repeatable, all must match), author, sort, limit, offset and total', async () => {
    const s = await seed();
    const u = await t.user('sato');
    const f = await postTip(t, u, { title: '印刷の向きを横にする', body: '用紙を横向きに印刷する設定。', tags: ['印刷', 'Word'] });
    expect(await ids('印刷 ', '&tag=印刷')).toEqual([s.c, s.e, f.id]);
    expect(await ids('印刷 ', '&tag=印刷&tag=word')).toEqual([s.e, f.id]);
    expect(await ids('印刷 ', '&tag=印刷&tag=存在しない')).toEqual([]);
    expect(await ids('印刷 ', '&author=sato')).toEqual([f.id]);
    expect(await ids('', '&tag=印刷')).toEqual([s.c, s.e, f.id]);
    const newest = await find('印刷 ', '&sort=new');
    expect(newest.items.map((i) => i.id)).toEqual([f.id, s.e, s.c]);
    const page = await find('印刷 ', '&sort=new&limit=2&offset=1');
    expect(page.total).toBe(3);
    expect(page.items.map((i) => i.id)).toEqual([s.e, s.c]);
    const past = await find('印刷 ', '&limit=2&offset=10');
    expect(past).toMatchObject({ total: 3, items: [] });
    const facets = await find('印刷 ', '&facets=true');
    expect(facets.facets).toEqual(expect.arrayContaining([{ name: '印刷', count: 3 }, { name: 'Word', count: 2 }]));
  });

  test('sort=popular orders by views', async () => {
    const s = await seed();
    t.db.prepare('UPDATE posts SET view_count = ? WHERE id = ?').run(50, s.c);
    t.db.prepare('UPDATE posts SET view_count = ? WHERE id = ?').run(10, s.e);
    expect((await find('印刷 ', '&sort=popular')).items.map((i) => i.id)).toEqual([s.c, s.e]);
  });

  test('hostile queries give results or 400, never 500', async () => {
    await seed();
    const hostile = ['"', '""', '*', '-', '--', ':', 'NEAR(', 'NEAR(a b, 2)', 'a OR b', 'title:excel', '^excel', '(', ')',
      'excel*', '"unclosed', '-"', 'AND', 'NOT', '\\', "'", '%', '%25', '\u0000', '\uD800', '\uDFFF集計', 'a'.repeat(200),
      '関数'.repeat(100), '{}', '[]', '+', '😀', 'e\u0301', '\u200b', 'x'.repeat(201)];
    // Lone surrogates are sent as their WTF-8 bytes, which is what a careless client sends.
    const enc = (q: string) => q.replace(/[\s\S]/gu, (c) => (/^[\uD800-\uDFFF]$/.test(c)
      ? [0xe0 | (c.charCodeAt(0) >> 12), 0x80 | ((c.charCodeAt(0) >> 6) & 63), 0x80 | (c.charCodeAt(0) & 63)].map((b) => `%${b.toString(16).toUpperCase()}`).join('')
      : encodeURIComponent(c)));
    for (const q of hostile) {
      const res = await t.as(t.admin, { method: 'GET', url: `/api/search?q=${enc(q)}` });
      expect([200, 400], `${JSON.stringify(q)} → ${res.statusCode} ${res.body}`).toContain(res.statusCode);
      if (res.statusCode === 400) expect(res.json().error).toBe('bad_request');
    }
    for (const raw of ['%ED%A0%80', '%FF', '%', '%E3%81', 'q%00']) {
      const res = await t.as(t.admin, { method: 'GET', url: `/api/search?q=${raw}` });
      expect([200, 400], `${raw} → ${res.statusCode} ${res.body}`).toContain(res.statusCode);
      const s = await t.as(t.admin, { method: 'GET', url: `/api/search/suggest?q=${raw}` });
      expect([200, 400], `suggest ${raw} → ${s.statusCode}`).toContain(s.statusCode);
    }
    expect((await t.as(t.admin, { method: 'GET', url: '/api/search?q=x&sort=best' })).statusCode).toBe(400);
    expect((await t.as(t.admin, { method: 'GET', url: '/api/search?q=x&limit=0' })).statusCode).toBe(400);
    expect((await t.as(t.admin, { method: 'GET', url: '/api/search?q=x&unknown=1' })).statusCode).toBe(400);
  });

  test('requires a login', async () => {
    expect((await t.as(null, { method: 'GET', url: '/api/search?q=excel' })).statusCode).toBe(401);
    expect((await t.as(null, { method: 'GET', url: '/api/search/suggest?q=excel' })).statusCode).toBe(401);
  });

  test('a natural question falls back to all words but one when no tip has every word', async () => {
    const s = await seed();
    const r = await find('エクセルで重複を消したい');
    expect(r.items.map((i) => i.id)).toContain(s.e);
    // 削除 finds 消し through the dictionary (the wide tier, tiers.test.ts); 並べ has no such word here.
    const synonym = await find('エクセルで重複を削除したい');
    expect(synonym.relaxed).toBe(false);
    expect(synonym.items[0].id).toBe(s.e);
    const strict = await find('エクセルで重複を並べたい');
    expect(strict.relaxed).toBe(true);
    expect(strict.items[0].id).toBe(s.e);
  });

  test('a mistyped Latin word shows the corrected query\'s results, the query as typed one parameter away', async () => {
    const s = await seed();
    const r = await find('VLOKUP ');
    // Shown as the tips write the word (「VLOOKUP」の検索結果を表示しています), however it was typed.
    expect(r.correctedTo).toBe('VLOOKUP');
    expect(r.didYouMean).toBe('VLOOKUP');
    expect(r.items.map((i) => i.id)).toEqual([s.b]);
    const exact = await find('VLOKUP ', '&exact=true');
    expect(exact.total).toBe(0);
    expect(exact.correctedTo).toBeNull();
    expect(exact.didYouMean).toBe('VLOOKUP');
    expect((await find('Vlokup 台帳 ')).correctedTo).toBe('VLOOKUP 台帳');
    // Word by word in a query of several words: only the mistyped one is replaced.
    const two = await find('vlokup 台帳 ');
    expect(two.correctedTo).toBe('VLOOKUP 台帳');
    expect(two.items.map((i) => i.id)).toEqual([s.b]);
    // A Latin word mistyped, whose tips write it in katakana only (pivto → pivot → ピボット).
    const loan = await find('pivto ');
    expect(loan.correctedTo).toBe('pivot');
    expect(loan.items.map((i) => i.id)).toEqual([s.a]);
    const none = await find('ドローン 操縦 ');
    expect(none.didYouMean).toBeNull();
    expect(none.correctedTo).toBeNull();
    expect(none.total).toBe(0);
  });
});

describe('the index follows every write', () => {
  test('fewer tips than the page with every word: tips with all the words but one follow apart, never above them nor counted', async () => {
    const both = await postTip(t, t.admin, { title: 'VLOOKUP関数で台帳から転記', body: '検索値の列を先頭に置きます。', tags: [] });
    const one = await postTip(t, t.admin, { title: 'VLOOKUPの#N/Aを空白にする', body: 'IFERRORで包みます。', tags: [] });
    const other = await postTip(t, t.admin, { title: '関数の引数を確かめる', body: 'Shift+F3 で引数の画面を開きます。', tags: [] });
    await postTip(t, t.admin, { title: '会議室の予約', body: '予定表から予約します。', tags: [] });
    const r = await find('VLOOKUP関数') as Awaited<ReturnType<typeof find>> & { partial?: { id: number; missing?: string }[] };
    expect(r.total).toBe(1);
    expect(r.items.map((i) => i.id)).toEqual([both.id]);
    // Both words but one: the rarer word's tip first (BM25 weighs it more), the unrelated tip never.
    expect(r.partial?.map((i) => i.id)).toEqual([one.id, other.id]);
    // Each says which word it lacks, as typed (the reader's own letters); tips with every word say nothing.
    expect(r.partial?.map((i) => i.missing)).toEqual(['関数', 'VLOOKUP']);
    // Typed in full width or lower case, it is named so.
    expect(((await find('ｖＬｏｏｋｕｐ関数')) as typeof r).partial?.map((i) => i.missing)).toEqual(['関数', 'ｖＬｏｏｋｕｐ']);
    expect(r.items.every((i) => !('missing' in i))).toBe(true);
    // Only the page's remaining places, only on the first page, only sorted by relevance, and
    // never when no tip has every word (then nothing, or the relaxed results themselves).
    expect(((await find('VLOOKUP関数', '&limit=2')) as typeof r).partial?.map((i) => i.id)).toEqual([one.id]);
    expect(((await find('VLOOKUP関数', '&offset=1')) as typeof r).partial).toBeUndefined();
    expect(((await find('VLOOKUP関数', '&sort=new')) as typeof r).partial).toBeUndefined();
    expect(((await find('VLOOKUP 確定申告')) as typeof r).partial).toBeUndefined();
    expect(((await find('VLOOKUP 確定申告')) as typeof r).total).toBe(0);
    // A single word has no "all but one".
    expect(((await find('会議室')) as typeof r).partial).toBeUndefined();
    // Exclusions hold for them too.
    expect(((await find('VLOOKUP関数 -引数')) as typeof r).partial?.map((i) => i.id)).toEqual([one.id]);
  });

  test('edits, deletes, hides and restores change what is found in the same request', async () => {
    const s = await seed();
    const u = await t.user('suzuki');
    const mine = await postTip(t, u, { title: 'マクロで転記', body: '転記マクロの例', tags: [] });
    expect(await ids('マクロ ')).toEqual([mine.id]);

    const edit = await t.as(u, { method: 'PATCH', url: `/api/posts/${mine.id}`, payload: { title: 'RPAで転記', body: 'ロボットで転記する例' } });
    expect(edit.statusCode).toBe(200);
    expect(await ids('マクロ ')).toEqual([]);
    expect(await ids('ロボット ')).toEqual([mine.id]);

    await t.as(t.admin, { method: 'PATCH', url: `/api/posts/${s.d}`, payload: { tags: ['ネットワーク'] } });
    expect(await ids('ネットワーク ')).toEqual([s.d]);
    expect(await ids('windows ')).toEqual([]);

    setPostStatus(t.app.ctx, s.a, 'hidden', 'spam');
    expect(await ids('ピボット ')).toEqual([]);
    expect(await ids('集計 ')).toEqual([]);
    expect((await t.as(t.admin, { method: 'GET', url: '/api/search/suggest?q=ピボット' })).json().posts).toEqual([]);
    expect(await ids('', '&tag=集計')).toEqual([]);
    setPostStatus(t.app.ctx, s.a, 'published', null);
    expect(await ids('ピボット ')).toEqual([s.a]);

    expect((await t.as(u, { method: 'DELETE', url: `/api/posts/${mine.id}` })).statusCode).toBe(204);
    expect(await ids('ロボット ')).toEqual([]);
    expect((await t.as(t.admin, { method: 'GET', url: '/api/search/suggest?q=RPA' })).json().posts).toEqual([]);
  });

  test('hidden and draft tips never appear, whatever the query or filter', async () => {
    const s = await seed();
    setPostStatus(t.app.ctx, s.b, 'hidden', 'incorrect');
    // A draft as the authoring feature writes one: status draft, with the event in the transaction.
    t.db.transaction(() => {
      t.db.prepare("UPDATE posts SET status = 'draft' WHERE id = ?").run(s.c);
      t.app.ctx.postEvents.emit({ kind: 'updated', post: t.app.ctx.posts.byId(s.c)! });
    })();
    const leaks = [s.b, s.c];
    for (const q of ['vlookup ', '関数 ', '台帳', 'excel ', '印刷 ', '範囲', 'v', 'エクセル', '"印刷範囲"', 'VLOKUP ']) {
      for (const extra of ['', '&sort=new', '&sort=popular', '&tag=印刷', '&author=admin', '&limit=100']) {
        const r = await find(q, extra);
        expect(r.items.map((i) => i.id).filter((id) => leaks.includes(id)), `${q}${extra}`).toEqual([]);
        expect(JSON.stringify(r)).not.toContain('VLOOKUP関数で台帳');
      }
      const sug = (await t.as(t.admin, { method: 'GET', url: `/api/search/suggest?q=${encodeURIComponent(q)}` })).json();
      expect(sug.posts.map((p: { id: number }) => p.id).filter((id: number) => leaks.includes(id))).toEqual([]);
    }
    const author = await find('', '&author=admin&limit=100');
    expect(author.items.map((i) => i.id).filter((id) => leaks.includes(id))).toEqual([]);
  });

  test('a write that rolls back leaves neither index nor suggestions changed', async () => {
    const s = await seed();
    expect(() => t.db.transaction(() => {
      t.db.prepare("UPDATE posts SET title = '巻き戻される題名' WHERE id = ?").run(s.a);
      t.app.ctx.postEvents.emit({ kind: 'updated', post: t.app.ctx.posts.byId(s.a)! });
      throw new Error('fail after the event');
    })()).toThrow('fail after the event');
    expect(await ids('巻き戻 ')).toEqual([]);
    expect(await ids('ピボット ')).toEqual([s.a]);
    const sug = (await t.as(t.admin, { method: 'GET', url: `/api/search/suggest?q=${encodeURIComponent('巻き戻')}` })).json();
    expect(sug.posts).toEqual([]);
  });
});

describe('GET /api/search/suggest', () => {
  test('titles by prefix and by fuzzy Latin words, tags with counts', async () => {
    const s = await seed();
    const get = async (q: string) => (await t.as(t.admin, { method: 'GET', url: `/api/search/suggest?q=${encodeURIComponent(q)}` })).json();
    expect((await get('ピボ')).posts).toEqual([{ id: s.a, title: 'ピボットテーブルで課ごとに集計する' }]);
    expect((await get('VLOKUP')).posts.map((p: { id: number }) => p.id)).toEqual([s.b]);
    expect((await get('vlook')).posts.map((p: { id: number }) => p.id)).toEqual([s.b]);
    expect((await get('印刷')).tags).toEqual([{ name: '印刷', count: 2 }]);
    const excel = await get('エクセル');
    expect(excel.tags.map((x: { name: string }) => x.name).sort()).toEqual(['Excel', 'エクセル']);
    expect(await get('')).toEqual({ posts: [], tags: [] });
    expect(await get('"*')).toEqual({ posts: [], tags: [] });
  });
});
