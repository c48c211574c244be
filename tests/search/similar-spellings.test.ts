import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { createTestApp, postTip, type TestApp } from '../helpers/app';

/**
 * Similar tips while a title is typed (GET /api/search/similar) find tips that write a word in
 * another spelling, as search does: a word typed in hiragana or in katakana for a Latin name
 * counted only its own spelling's tips (none), and was dropped as if it said nothing (review22).
 */
let t: TestApp;
beforeEach(async () => { t = await createTestApp(); });
afterEach(async () => { await t.close(); });

const similar = async (q: string) => {
  const res = await t.as(t.admin, { method: 'GET', url: `/api/search/similar?q=${encodeURIComponent(q)}` });
  expect(res.statusCode, res.body).toBe(200);
  return (res.json().items as { id: number }[]).map((i) => i.id);
};
const search = async (q: string) => {
  const res = await t.as(t.admin, { method: 'GET', url: `/api/search?q=${encodeURIComponent(q)}` });
  return (res.json().items as { id: number }[]).map((i) => i.id);
};

describe('GET /api/search/similar', () => {
  test('a word typed in another spelling than the tips write finds them, as search does', async () => {
    const pivot = (await postTip(t, t.admin, { title: 'ピボットテーブルで課ごとに集計する', body: '行に課名を置きます。', tags: [] })).id;
    const user = (await postTip(t, t.admin, { title: 'ユーザー辞書に氏名を登録する', body: '難しい読みを登録します。', tags: [] })).id;
    const outlook = (await postTip(t, t.admin, { title: 'Outlookの署名を切り替える', body: '課の署名を作ります。', tags: [] })).id;
    await postTip(t, t.admin, { title: '会議室の予約', body: '予定表から予約します。', tags: [] });
    // Each typed title: what search finds for it is found by similar too (same engine, same spellings).
    for (const [typed, id] of [['ぴぼっとの使い方', pivot], ['ぴぼっと', pivot], ['ゆーざーの辞書', user], ['アウトルックの設定', outlook], ['ｱｳﾄﾙｯｸ', outlook]] as const) {
      expect(await search(typed), `search ${typed}`).toContain(id);
      expect(await similar(typed), `similar ${typed}`).toContain(id);
    }
  });
});

describe('close tags (GET /api/search/suggest tags, offered when nothing is found)', () => {
  test('a tag named by any word of the query, in any of its spellings', async () => {
    await postTip(t, t.admin, { title: '関数で台帳から転記', body: '名簿から引きます。', tags: ['Excel', '関数'] });
    await postTip(t, t.admin, { title: '署名を切り替える', body: '課の署名。', tags: ['Outlook'] });
    const tags = async (q: string) => {
      const res = await t.as(t.admin, { method: 'GET', url: `/api/search/suggest?q=${encodeURIComponent(q)}` });
      expect(res.statusCode, res.body).toBe(200);
      return (res.json().tags as { name: string }[]).map((x) => x.name);
    };
    // No tip says 確定申告 or ドローン: the tags the query's other words name are offered.
    for (const [q, tag] of [['えくせる 確定申告', 'Excel'], ['エクセル 確定申告', 'Excel'], ['確定申告 エクセル', 'Excel'], ['あうとるっく ドローン', 'Outlook'], ['ｱｳﾄﾙｯｸ ドローン', 'Outlook']] as const) {
      expect(await tags(q), q).toContain(tag);
    }
    // A tag named as it is by a word in the middle of the query, and a Latin tag said in katakana.
    await postTip(t, t.admin, { title: 'ロボットで申請を受け付ける', body: '受付を自動にします。', tags: ['RPA', 'WinActor'] });
    for (const [q, tag] of [['ワークフロー RPA 申請', 'RPA'], ['ウィンアクター ドローン', 'WinActor'], ['ういんあくたー', 'WinActor']] as const) {
      expect(await tags(q), q).toContain(tag);
    }
  });
});
