import { afterEach, expect, test } from 'vitest';
import { createSearchEngine } from '../../server/search/engine';
import { completePrefixes, MAX_COMPLETIONS, parseQuery, toMatch } from '../../server/search/query';
import { spellingKey } from '../../server/search/spellings';
import { createTestApp, postTip, type TestApp } from '../helpers/app';

// The last word typed is a prefix; a Latin prefix is rewritten to the indexed words it stands for
// (search_vocab), so these tests check that nothing the prefix would find is lost.

let t: TestApp;
afterEach(async () => { await t.close(); });

const ids = async (q: string) => {
  // exact: what the prefix finds, not a corrected query's results when it finds nothing.
  const res = await t.as(t.admin, { method: 'GET', url: `/api/search?q=${encodeURIComponent(q)}&exact=true` });
  expect(res.statusCode, res.body).toBe(200);
  return (res.json().items as { id: number }[]).map((i) => i.id).sort((a, b) => a - b);
};
/** Rows of the raw FTS5 prefix query, as the reference. */
const starred = (q: string) => t.db.prepare('SELECT rowid FROM search_fts WHERE search_fts MATCH ? ORDER BY rowid')
  .pluck().all(toMatch(parseQuery(q))) as number[];

test('a Latin prefix finds words in titles, tags and bodies, and words added by later edits', async () => {
  t = await createTestApp();
  const inTitle = await postTip(t, t.admin, { title: 'Xlookupの使い方', body: '検索の関数です。', tags: [] });
  const inTag = await postTip(t, t.admin, { title: '台帳の整理', body: '名簿を整える。', tags: ['XLSX'] });
  const inBody = await postTip(t, t.admin, { title: '転記の手順', body: 'xlstart フォルダーに置くと自動で開きます。', tags: [] });
  expect(await ids('xl')).toEqual([inTitle.id, inTag.id, inBody.id]);
  expect(await ids('xl')).toEqual(starred('xl'));
  expect(await ids('xlo')).toEqual([inTitle.id]);
  expect(await ids('xlst')).toEqual([inBody.id]);

  // A word that appears only after an edit is found by its prefix at once (xl stands for three
  // other words too: a list that missed the new one would leave this tip out).
  const plain = await postTip(t, t.admin, { title: '集計表の作成', body: '表を作る。', tags: [] });
  const edit = await t.as(t.admin, { method: 'PATCH', url: `/api/posts/${plain.id}`, payload: { body: 'xlwings で Python から操作します。' } });
  expect(edit.statusCode, edit.body).toBe(200);
  expect(await ids('xl')).toEqual([inTitle.id, inTag.id, inBody.id, plain.id]);
  expect(await ids('xlwi')).toEqual([plain.id]);
  const words = (p: string, n: number) => t.app.ctx.search.store.words(p, n) ?? [];
  expect(toMatch(completePrefixes(parseQuery('xl'), words))).toBe('("xlookup" OR "xlstart" OR "xlsx" OR "xlwings")');
  // A deleted tip's words stay in the list but find nothing.
  const del = await t.as(t.admin, { method: 'DELETE', url: `/api/posts/${inBody.id}` });
  expect(del.statusCode, del.body).toBeLessThan(300);
  expect(await ids('xlst')).toEqual([]);
  expect(await ids('xl')).toEqual(starred('xl'));
});

test('a prefix standing for more words than the completion limit still finds every tip', async () => {
  t = await createTestApp();
  const made: number[] = [];
  for (let i = 0; i < MAX_COMPLETIONS + 3; i++) {
    made.push((await postTip(t, t.admin, { title: `手順${i}`, body: `code${String.fromCharCode(97 + i)}x を使う。`, tags: [] })).id);
  }
  expect(await ids('cod')).toEqual(made);
  expect(await ids('codea')).toEqual([made[0]]);
  const words = (p: string, n: number) => t.app.ctx.search.store.words(p, n) ?? [];
  expect(toMatch(completePrefixes(parseQuery('cod'), words))).toBe('"cod"*');
  expect(toMatch(completePrefixes(parseQuery('codea'), words))).toBe('"codeax"');
  // The word's spelling key (code, コード: spellings.ts) besides the prefix, which may be a longer word.
  expect(toMatch(completePrefixes(parseQuery('台帳 code'), words))).toBe(`"台帳" AND ("code"* OR "${spellingKey('code')}")`);
});

test('an index built before the word list existed gets the list filled at start-up', async () => {
  t = await createTestApp();
  const tip = await postTip(t, t.admin, { title: 'Power Automateで通知', body: 'フローを作る。', tags: [] });
  t.db.exec("DELETE FROM search_vocab; DELETE FROM search_meta WHERE key = 'vocab'");
  const before = createSearchEngine(t.db, { rebuildIfStale: false });
  expect(before.store.words('auto', 5)).toBeNull();
  const after = createSearchEngine(t.db);
  expect(after.store.words('auto', 5)).toEqual(['automate']);
  expect(after.store.words('powe', 5)).toEqual(['power']);
  expect(await ids('automa')).toEqual([tip.id]);
});

test('a Latin word typed last ranks the tips that hold it whole first, before its longer words', async () => {
  t = await createTestApp();
  // Words made with a fixed seed (the class, not names): each held whole by the oldest tip, and as
  // the start of longer words by newer ones, which FTS5 would rank as high or higher by the prefix.
  let x = 17;
  const next = () => (x = (x * 48271) % 2147483647);
  const letters = 'bcdfgklmnprstvz';
  for (let round = 0; round < 6; round++) {
    let word = '';
    for (let i = 0; i < 3 + (round % 3); i++) word += letters[next() % letters.length] + 'aeiou'[next() % 5];
    const tip = (w: string) => postTip(t, t.admin, { title: `${w.toUpperCase()}関数の使い方`, body: `=${w.toUpperCase()}(A1:A10) のように書きます。`, tags: ['Excel'] });
    const whole = await tip(word);
    for (const end of ['ifs', 'product', 'x']) await tip(word + end);
    for (const q of [word, word.toUpperCase(), `関数 ${word}`]) {
      const res = await t.as(t.admin, { method: 'GET', url: `/api/search?q=${encodeURIComponent(q)}` });
      const items = res.json().items as { id: number }[];
      expect(items.length, q).toBe(4);
      expect(items[0].id, q).toBe(whole.id);
    }
  }
});
