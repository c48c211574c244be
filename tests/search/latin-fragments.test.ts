import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { completeEndings, parseQuery } from '../../server/search/query';
import { createTestApp, postTip, searchIds, type TestApp } from '../helpers/app';

/**
 * A fragment copied from a tip that starts inside a Latin word (=XLOOKUP関数 copied from its second
 * letter on: LOOKUP関数; Microsoft 365 from its third: crosoft 365) found nothing: no tip holds the
 * piece as a word (found by review22: 162 of 175 fragments its generated cuts missed). The cases are
 * every cut of each tip's Latin words, not listed by hand.
 */
let t: TestApp;
beforeEach(async () => { t = await createTestApp(); });
afterEach(async () => { await t.close(); });

const TIPS = [
  { title: 'XLOOKUP関数で職員番号から所属を引く', body: '=XLOOKUP(A2,名簿!A:A,名簿!C:C) で所属が出ます。見つからないときの値も指定できます。' },
  { title: 'Microsoft 365のアカウントでOneDriveに保存する', body: 'サインインしたアカウントのOneDriveに、課のファイルを置かない運用にします。' },
  { title: 'PowerPointのスライドマスターで課の書式をそろえる', body: 'スライドマスターにロゴと日付を置くと、全スライドに反映されます。' },
  { title: 'WinActorのシナリオでExcelの転記を自動化', body: 'WinActorのライブラリでセルの値を読み、別のブックに書き込みます。' },
  { title: 'SharePointのリストで備品の貸出を管理する', body: '貸出日と返却日を列にして、期限切れをビューで絞り込みます。' },
];
/** Latin words of a title (four letters or more), each with where it starts. */
const latinWords = (title: string) => [...title.matchAll(/[A-Za-z][A-Za-z0-9]{3,}/g)].map((m) => ({ word: m[0], at: m.index ?? 0 }));

const ids = (q: string) => searchIds(t, q);

describe('a fragment that starts inside a Latin word', () => {
  test('finds its tip first, cut one to three letters into any Latin word of the title', async () => {
    const own: number[] = [];
    for (const tip of TIPS) own.push((await postTip(t, t.admin, { title: tip.title, body: tip.body, tags: [] })).id);
    // Decoys with the same Japanese words and other Latin ones.
    for (const tip of TIPS) await postTip(t, t.admin, { title: `Wordで${tip.title.replace(/[A-Za-z0-9 ]+/g, '')}`, body: tip.body.replace(/[A-Za-z0-9!:=(),.]+/g, ''), tags: [] });
    let cases = 0;
    for (const [i, tip] of TIPS.entries()) {
      for (const { word, at } of latinWords(tip.title)) {
        for (let cut = 1; cut <= 3 && word.length - cut >= 3; cut++) {
          const fragment = tip.title.slice(at + cut, Math.min(tip.title.length, at + word.length + 8));
          expect((await ids(fragment))[0], fragment).toBe(own[i]);
          cases++;
        }
      }
    }
    expect(cases).toBeGreaterThanOrEqual(15);
  });

  test('only the first word, only a piece no tip holds as a word, three letters or more', () => {
    const vocabulary = ['vlookup', 'xlookup', 'lookup', 'microsoft', 'word', 'password'];
    const ending = (suffix: string, limit: number) => vocabulary.filter((w) => w.endsWith(suffix)).sort((a, b) => a.length - b.length).slice(0, limit);
    const known = (w: string) => ['lookup', 'word'].includes(w);
    const endings = (q: string) => completeEndings(parseQuery(q), ending, known).must.map((m) => m.endings ?? []);
    expect(endings('ookup 関数')).toEqual([['lookup', 'vlookup', 'xlookup'], []]);
    expect(endings('crosoft 365')).toEqual([['microsoft'], []]);
    // A word tips hold is a word (word is not the end of password), and only the first word is a cut.
    expect(endings('word 差し込み')).toEqual([[], []]);
    expect(endings('関数 ookup')).toEqual([[], []]);
    // Two letters end too many words.
    expect(endings('up 関数')).toEqual([[], []]);
  });
});
