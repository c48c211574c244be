import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import data from '../../server/search/data/wiktionary-translations.json';
import { setPostStatus } from '../../server/posts/service';
import { alternativesOf } from '../../server/search/lexicon';
import { LineTable } from '../../server/search/line-table';
import { normalize } from '../../server/search/normalize';
import { parseQuery } from '../../server/search/query';
import { neighboursOf } from '../../server/search/thesaurus';
import { translationsOf } from '../../server/search/translations';
import { createTestApp, postTip, searchAs, type TestApp } from '../helpers/app';

// The third synonym resource (issue 19, eighth round): Japanese translations of one sense of an
// English word in Wiktionary (FreeDict English–Japanese, scripts/derive-translations.ts), used in
// the wide tier after the Sudachi dictionary's synonyms, as weak evidence.

describe('the derived table (server/search/data/wiktionary-translations.json)', () => {
  const table = [...LineTable.parse(data as string).entries()];

  test('is a table of normalized words, at most six others each, never the word itself', () => {
    expect(table.length).toBeGreaterThan(10_000);
    for (const [k, v] of table) {
      const ns = v.split(' ');
      expect(ns.length, k).toBeLessThanOrEqual(6);
      expect(ns, k).not.toContain(k);
      // A key is a Japanese word, or an English headword of one sense (tenth round), lower-case.
      const english = /^[a-z][a-z -]*$/.test(k);
      for (const w of english ? ns : [k, ...ns]) {
        expect(w, k).toMatch(/^[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}ー々]+$/u);
        // Stored as the search folds it (ユーザー → ユーザ); a stem keeps no conjugating kana.
        expect(normalize(w), k).toBe(w);
      }
    }
  });

  test('links words of one sense that neither the Sudachi dictionary nor EDICT link: 履歴 → ログ', () => {
    const log = normalize('ログ');
    expect(alternativesOf('履歴')?.synonyms ?? []).not.toContain(log);
    expect(neighboursOf('履歴')).not.toContain(log);
    expect(translationsOf('履歴')).toContain(log);
    // Both ways: a sense's words are each other's.
    expect(translationsOf(log)).toContain('履歴');
  });

  test('holds senses listed together only in another language\'s Wiktionary (ninth round): 文章 → 本文', () => {
    // English Wiktionary's senses give 文章 → センテンス, 文書; the other languages' translation
    // tables (WikDict French, Italian, … – Japanese) add 本文 and テキスト for their word "text".
    expect(translationsOf('文章')).toContain('本文');
    expect(translationsOf('文章')).toContain('センテンス');
  });

  test('gives an English word of one sense its Japanese translations (tenth round): watermark → 透かし', () => {
    // One translation is no set of neighbours: 透かし is linked to nothing else in the table.
    expect(translationsOf('透かし')).toEqual([]);
    expect(translationsOf('watermark')).toEqual(['透かし']);
    expect(translationsOf('stamp')).toEqual(expect.arrayContaining(['判子', '印鑑']));
    // A headword of several senses says nothing of the one meant (file: a folder, a column, a rasp).
    expect(translationsOf('file')).toEqual([]);
    expect(translationsOf('name')).toEqual([]);
  });

  test('a katakana loanword takes its English spelling\'s translations, in the wide tier: ウォーターマーク → 透かし', () => {
    const [t] = parseQuery('ウォーターマーク').must;
    expect((t.alternatives ?? []).map((a) => a.join(''))).toContain('watermark');
    // The wide tier's phrases (tokens: 透か かし); highlighted as the word.
    expect(t.synonyms ?? []).toContainEqual(['透か', 'かし']);
    expect(t.highlights).toContain('透かし');
    expect(t.alternatives ?? []).not.toContainEqual(['透か', 'かし']);
  });

  test('not for a word the dictionary gives synonyms: its meaning is there (メール, mail: e-mail, not 郵便)', () => {
    for (const q of ['メール', 'mail']) {
      const [t] = parseQuery(`${q} `).must;
      const syn = (t.synonyms ?? []).map((a) => a.join(''));
      expect(syn, q).toContain('email');
      expect(syn, q).not.toContain('郵便');
    }
  });

  test('not a verb\'s stem of one kanji, which matches every word the kanji begins (merge: 合 of 合わせる, 合計)', () => {
    for (const q of ['マージ', 'merge', 'remove']) {
      const [t] = parseQuery(`${q} `).must;
      const syn = (t.synonyms ?? []).map((a) => a.join(''));
      expect(syn.filter((w) => /^\p{sc=Han}$/u.test(w)), q).toEqual([]);
    }
  });

  test('a query word takes them in the wide tier only, after the dictionary\'s synonyms', () => {
    const [t] = parseQuery('履歴 ').must;
    expect((t.alternatives ?? []).map((a) => a.join(''))).not.toContain('ログ');
    const syn = (t.synonyms ?? []).map((a) => a.join(''));
    const at = syn.indexOf('ログ');
    expect(at).toBeGreaterThanOrEqual(t.dictionarySynonyms ?? 0);
  });
});

describe('search through the translations (service.ts wide tier)', () => {
  let t: TestApp;
  beforeEach(async () => { t = await createTestApp(); });
  afterEach(async () => { await t.close(); });

  const find = (q: string) => searchAs(t, q);

  test('a tip that says ログ is found for 履歴, after the tip with the word as typed; hidden, never', async () => {
    const typed = await postTip(t, t.admin, { title: 'RPAの実行履歴を確認する', body: '管理画面から確認します。', tags: ['RPA'] });
    const log = await postTip(t, t.admin, { title: 'RPAの実行ログで失敗箇所を探す', body: 'ログには手順と時刻が残ります。ログを開きます。', tags: ['RPA'] });
    await postTip(t, t.admin, { title: 'RPAのシナリオを作る', body: '画面の操作を記録します。', tags: ['RPA'] });
    expect((await find('RPAの実行履歴')).items.map((i) => i.id)).toEqual([typed.id, log.id]);
    setPostStatus(t.app.ctx, typed.id, 'hidden', 'spam');
    expect((await find('RPAの実行履歴')).items.map((i) => i.id)).toEqual([log.id]);
    setPostStatus(t.app.ctx, log.id, 'hidden', 'spam');
    const ids = (await find('RPAの実行履歴')).items.map((i) => i.id);
    expect(ids).not.toContain(log.id);
    expect(ids).not.toContain(typed.id);
  });

  test('a tip that says 透かし is found for ウォーターマーク (its English spelling\'s one sense)', async () => {
    const mark = await postTip(t, t.admin, { title: 'Wordで「取扱注意」の透かしを入れる', body: 'デザインタブの透かしから入れます。', tags: ['Word'] });
    await postTip(t, t.admin, { title: 'Wordでページ番号を入れる', body: '挿入タブから入れます。', tags: ['Word'] });
    expect((await find('ウォーターマーク')).items.map((i) => i.id)).toEqual([mark.id]);
    expect((await find('Word ウォーターマーク 入れ方')).items.map((i) => i.id)[0]).toBe(mark.id);
  });

  test('a tip on sums (合計) or on fitting dates (合わせる) is not found for マージ', async () => {
    await postTip(t, t.admin, { title: 'SUM関数で合計を出す', body: '合計したい範囲を選びます。', tags: ['Excel'] });
    await postTip(t, t.admin, { title: '会議の日程を合わせる', body: '日程調整のツールを使います。', tags: [] });
    for (const q of ['マージ', 'merge']) expect((await find(q)).total, q).toBe(0);
  });

  test('a tip on the post (郵便) is not found for メール: the English word\'s one sense is not the loanword\'s', async () => {
    const post = await postTip(t, t.admin, { title: '郵便物の受け取りは総務課の窓口で', body: '書留の郵便は総務課で受け取ります。', tags: [] });
    const mail = await postTip(t, t.admin, { title: 'Outlookで迷惑メールを振り分ける', body: '迷惑メールフォルダーに移します。', tags: ['Outlook'] });
    for (const q of ['メール 受け取り', 'mail 受け取り']) {
      const ids = (await find(q)).items.map((i) => i.id);
      expect(ids, q).toEqual([mail.id]);
      expect(ids, q).not.toContain(post.id);
    }
  });
});
