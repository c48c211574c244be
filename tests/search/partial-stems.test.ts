import { afterAll, beforeAll, expect, test } from 'vitest';
import { createTestApp, postTip, type TestApp } from '../helpers/app';

/**
 * The tips with all the words but one (`partial`, service.ts) are never those that hold only a verb's
 * one-kanji stem (ピボットテーブルを作りたい without ピボットテーブル is 作*: 作業, 操作, 作成 …):
 * query.ts groupsOf. Every verb here is one whose stem begins common words.
 */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await postTip(t, t.admin, { title: 'ピボットテーブルで集計する', body: '挿入タブから作成し、使用する列を選んで、消したい列は外して、結果を送付します。', tags: ['Excel'] });
  for (const [i, word] of ['作業', '操作', '作成', '使用', '利用者', '消費', '送付', '送信'].entries()) {
    await postTip(t, t.admin, { title: `${word}の記録 ${i}`, body: `${word}を記録します。`, tags: ['事務'] });
  }
});
afterAll(async () => { await t.close(); });

test.each(['ピボットテーブルを作りたいです', 'ピボットテーブルを使いたい', 'ピボットテーブルを消したい', 'ピボットテーブルを送りたい'])(
  '%s: the tip with the word, and no tip that holds only the verb\'s stem', async (q) => {
    const res = await t.as(t.admin, { method: 'GET', url: `/api/search?q=${encodeURIComponent(q)}` });
    const r = res.json() as { items: { title: string }[]; partial?: { title: string }[] };
    expect(r.items.map((i) => i.title)).toEqual(['ピボットテーブルで集計する']);
    expect(r.partial ?? []).toEqual([]);
  });

test('a noun written with kana (子ども) is not a verb\'s stem: a looser tier keeps it as a word', async () => {
  const tip = await postTip(t, t.admin, { title: '子どもの看護休暇を取る', body: '子どもが病気のときは看護休暇を申請して休みます。', tags: ['服務'] });
  // No tip has 熱: leaving it out, 子ども and 休みたい find the tip (a group of 子 and 休 is no stems' group).
  const res = await t.as(t.admin, { method: 'GET', url: `/api/search?q=${encodeURIComponent('子どもが熱 休みたい')}` });
  const r = res.json() as { items: { id: number }[] };
  expect(r.items.map((i) => i.id)).toContain(tip.id);
});
