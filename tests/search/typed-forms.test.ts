import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { cutAtLetters, parseQuery } from '../../server/search/query';
import { createTestApp, postTip, searchAs, searchIds, type TestApp } from '../helpers/app';

/**
 * Queries as people type them into a run without spaces, found by an independent review (review22):
 * a loanword typed in hiragana beside kanji or a particle, a fragment copied from a tip that starts
 * just after a katakana letter (on its long-vowel or voiced mark), and a katakana word followed at
 * once by a verb. Cases are made from the tips' own words, not listed by hand.
 */
let t: TestApp;
beforeEach(async () => { t = await createTestApp(); });
afterEach(async () => { await t.close(); });

const TIPS = [
  { title: 'ユーザー辞書に職員の氏名を登録する', body: '難しい読みの氏名はIMEのユーザー辞書に登録します。', loan: 'ユーザー', word: '辞書' },
  { title: 'スキャナーで読み取った文書を文字にする', body: '複合機のスキャナーで読み取ったPDFをOCRにかけます。', loan: 'スキャナー', word: '文書' },
  { title: 'テレワーク申請の手続き', body: '在宅勤務の前日までに所属長へ申請します。', loan: 'テレワーク', word: '申請' },
  { title: 'チャネルにファイルをアップロードできないとき', body: '記号の入ったファイル名は使えません。', loan: 'アップロード', word: '記号' },
  { title: 'バーチャル背景を会議前に設定する', body: '自宅の様子が映らないように背景を選びます。', loan: 'バーチャル', word: '背景' },
  { title: 'データベースのバックアップを取る', body: '閉じてから複製します。', loan: 'データベース', word: '複製' },
  { title: 'ウィンドウを左右に並べて比較する', body: '二つの画面を並べられます。', loan: 'ウィンドウ', word: '比較' },
  { title: 'プルダウンリストを入力規則で作る', body: '選択肢をカンマ区切りで書きます。', loan: 'プルダウン', word: '選択肢' },
];
const hiragana = (s: string) => s.replace(/[\u30A1-\u30F6]/gu, (c) => String.fromCharCode(c.charCodeAt(0) - 0x60));

async function seed() {
  const ids: number[] = [];
  for (const tip of TIPS) ids.push((await postTip(t, t.admin, { title: tip.title, body: tip.body, tags: [] })).id);
  // Other tips with the same kanji words, so a query that dropped the loanword would not pass by chance.
  for (const tip of TIPS) await postTip(t, t.admin, { title: `${tip.word}の扱いについて`, body: `${tip.word}は課の決まりに従います。`, tags: [] });
  return ids;
}
const ids = (q: string) => searchIds(t, q);

describe('queries typed without spaces', () => {
  test('a loanword typed in hiragana beside kanji or a particle is the katakana word (ゆーざー辞書, すきゃなーで)', async () => {
    const tips = await seed();
    for (const [i, tip] of TIPS.entries()) {
      // Only loanwords with a long-vowel mark: it is what tells a hiragana loanword from native words.
      if (!tip.loan.includes('ー')) continue;
      const kana = hiragana(tip.loan);
      for (const q of [`${kana}${tip.word}`, `${kana}の${tip.word}`, `${tip.word}の${kana}`, `${kana}で${tip.word}`]) {
        expect(await ids(q), q).toEqual([tips[i]]);
      }
    }
  });

  test('a fragment that starts on the long-vowel or voiced mark of a cut katakana word finds its tip', async () => {
    const tips = await seed();
    let cases = 0;
    for (const [i, tip] of TIPS.entries()) {
      const text = tip.title;
      // Every cut just after a katakana letter that carries a long-vowel mark: the fragment starts on the mark.
      for (let at = 1; at < text.length - 4; at++) {
        if (text[at] !== 'ー' || !/[\u30A1-\u30FA]/u.test(text[at - 1])) continue;
        const frag = text.slice(at, at + 8);
        expect(await ids(frag), frag).toContain(tips[i]);
        // The same in half-width katakana (ﾃﾞｰﾀ cut after ﾃ starts on ﾞ or ｰ).
        const half = frag.normalize('NFKC').replace(/ー/gu, 'ｰ');
        expect(await ids(half), half).toContain(tips[i]);
        cases++;
      }
    }
    expect(await ids('ﾞｰﾀﾍﾞｰｽの')).toEqual([tips[5]]);
    expect(cases).toBeGreaterThanOrEqual(6);
  });

  test('a katakana word followed at once by a verb: the word and the verb, not one phrase (ウィンドウ並べる)', async () => {
    const tips = await seed();
    expect(await ids('ウィンドウ並べる')).toEqual([tips[6]]);
    expect(await ids('データベース取る')).toEqual([tips[5]]);
    expect(await ids('リスト作る')).toEqual([tips[7]]);
  });

  test('a run that finds nothing is corrected by joining a one-letter word to one side only (ウィンドウ枠固定: ウィンドウ枠の固定)', async () => {
    // Tips write the noun phrase with の (or を); typed as one run, the one-kanji 枠 ends ウィンドウ枠
    // and also begins 枠固定, so the query is one phrase no tip writes.
    const pairs = [['ウィンドウ枠の固定で見出しを残す', 'ウィンドウ枠固定', 'ウィンドウ枠 固定'], ['申請書の作成は様式1で', '申請書作成', '申請書 作成'], ['議事録の要旨をまとめる', '議事録要旨', '議事録 要旨']];
    const ids: number[] = [];
    for (const [title] of pairs) ids.push((await postTip(t, t.admin, { title, body: '手順は次のとおりです。', tags: [] })).id);
    for (const [i, [, q, shown]] of pairs.entries()) {
      const r = await searchAs(t, q);
      expect(r.items.map((x) => x.id), q).toEqual([ids[i]]);
      // An all-kanji run may find it already by its compound's parts (the wide tier): no correction then.
      if (i === 0) expect(r.correctedTo, q).toBe(shown);
      else expect([null, shown], q).toContain(r.correctedTo);
    }
    // The query as typed stays one phrase (a tip holding it contiguously is found as typed); a
    // one-letter prefix joins the word after it in the cut too (再計算 is one word).
    expect(parseQuery('ウィンドウ枠固定').must).toHaveLength(1);
    expect(cutAtLetters('ウィンドウ枠固定')).toBe('ウィンドウ枠 固定');
    expect(cutAtLetters('再計算')).toBeNull();
    expect(cutAtLetters('ピボット・テーブル')).toBeNull();
  });

  test('a one-kanji verb that ends a tip\'s sentence matches when typed after its particle (凡例を消したい: 凡例を消す)', async () => {
    // Titles ending in a one-kanji verb: the folding drops its okurigana there (消す → 消), so the
    // index has the kanji only with the letter before it. Each title as typed and in the -たい form.
    const verbs = [['グラフの凡例を消す', '消す', '消したい'], ['職員番号から氏名を引く', '引く', '引きたい'], ['添付ファイルを課内に送る', '送る', '送りたい'], ['起案の決裁ルートを選ぶ', '選ぶ', '選びたい']];
    const ids: number[] = [];
    for (const [title] of verbs) ids.push((await postTip(t, t.admin, { title, body: '手順は次のとおりです。', tags: [] })).id);
    // A tip with the other words only, which every word but one would find too.
    for (const [title, verb] of verbs) await postTip(t, t.admin, { title: title.replace(verb, 'を確かめる'), body: '確認の手順。', tags: [] });
    for (const [i, [title, verb, wish]] of verbs.entries()) {
      for (const q of [title, title.replace(verb, wish), `${title.replace(verb, wish)}のですが`]) {
        const res = await t.as(t.admin, { method: 'GET', url: `/api/search?q=${encodeURIComponent(q)}` });
        const r = res.json();
        expect(r.items.map((x: { id: number }) => x.id), q).toEqual([ids[i]]);
        expect(r.relaxed, q).toBe(false);
      }
    }
  });

  test('the snippet marks the word in the spelling the tip writes when it was typed in another (ぴぼっと: <mark>ピボット</mark>)', async () => {
    // Tips whose bodies write katakana words of three letters or more; each typed in hiragana.
    const bodies = ['Excelのピボットテーブルで集計します。', '複合機のスキャナーで読み取ります。', '共有のカレンダーに予定を入れます。', 'シナリオの待ち時間を延ばします。'];
    for (const body of bodies) await postTip(t, t.admin, { title: '手順のメモ', body, tags: [] });
    for (const body of bodies) {
      const word = /[\u30A1-\u30FC]{3,}/u.exec(body)![0];
      const res = await t.as(t.admin, { method: 'GET', url: `/api/search?q=${encodeURIComponent(hiragana(word))}` });
      const snippets = (res.json().items as { snippet: string }[]).map((i) => i.snippet);
      expect(snippets.some((sn) => /<mark>[^<]*<\/mark>/u.test(sn) && sn.replace(/<\/?mark>/gu, '') === body), `${hiragana(word)} → ${snippets.join(' | ')}`).toBe(true);
      expect(snippets.join(''), hiragana(word)).toContain(`<mark>${word.replace(/ー$/u, '')}`);
    }
  });
});
