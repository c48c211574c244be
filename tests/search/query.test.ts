import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, test } from 'vitest';
import { normalize } from '../../server/search/normalize';
import { alternativesOf } from '../../server/search/lexicon';
import { MAX_WIDE, parseQuery, toMatch } from '../../server/search/query';
import { spellingKey } from '../../server/search/spellings';

const m = (q: string) => toMatch(parseQuery(q));
const HIRAGANA_ONLY = /^\p{sc=Hiragana}+$/u;
/** A word's spelling key (spellings.ts) as a phrase of the expression. */
const key = (w: string) => `"${spellingKey(normalize(w))}"`;

describe('parseQuery / toMatch', () => {
  test('words separated by spaces must all match; the last is a prefix', () => {
    expect(m('台帳 vlook')).toBe('"台帳" AND "vlook"*');
    expect(m('台帳 vlook ')).toBe('"台帳" AND "vlook"');
    expect(m('台帳 印')).toBe('"台帳" AND "印"*');
    // A Japanese bigram is a whole token (nothing longer starts with it): no costly prefix merge.
    expect(m('台帳 関数')).toBe('"台帳" AND "関数"');
    // A word with other spellings matches its spelling key, which stands for all of them (spellings.ts).
    expect(m('ピボット')).toBe(key('ピボット'));
  });

  test('a last word that is a whole bigram finds what the prefix would find', async () => {
    const { indexText } = await import('../../server/search/tokenize');
    const { normalize } = await import('../../server/search/normalize');
    const db = new BetterSqlite3(':memory:');
    db.exec("CREATE VIRTUAL TABLE f USING fts5(a, tokenize = \"unicode61 remove_diacritics 0 categories 'L* N* Co M*'\")");
    const docs = ['印刷範囲の設定', '印刷', '印', '集計表を印刷する', 'ピボットテーブル', 'ピボ', 'excel印刷プレビュー', '𠮷野家の印鑑'];
    docs.forEach((d) => db.prepare('INSERT INTO f (a) VALUES (?)').run(indexText(normalize(d))));
    const rows = (expr: string) => db.prepare('SELECT rowid FROM f WHERE f MATCH ? ORDER BY rowid').pluck().all(expr);
    for (const q of ['印刷', 'ピボ', 'ピボット', '𠮷野', 'excel印刷', '印']) {
      // The word itself, without the dictionary's other words.
      const expr = toMatch({ must: parseQuery(q).must.map((t) => ({ ...t, alternatives: undefined, spellings: undefined, ownCovered: undefined })), not: [] })!;
      const starred = expr.endsWith('*') ? expr : `${expr}*`;
      expect(rows(expr), q).toEqual(rows(starred));
      expect(rows(expr).length, q).toBeGreaterThan(0);
    }
    db.close();
  });

  test('quoted phrases and exclusions', () => {
    expect(m('"印刷 範囲" -pdf')).toBe('("印刷 範囲") NOT ("pdf")');
    expect(m('“印刷範囲” 台帳 ')).toBe('"印刷 刷範 範囲" AND "台帳"');
    expect(m('関数 -"ピボット"')).toBe('("関数") NOT ("ピボ ボツ ツト")');
  });

  test('variants of a word give the same expression', () => {
    expect(m('ＥＸＣＥＬ ')).toBe(m('Excel '));
    expect(m('フォルダー ')).toBe(m('フォルダ '));
    expect(m('貼り付け ')).toBe(m('貼付け '));
    expect(m('ユーザーアカウント ')).toBe(m('ユーザアカウント '));
    expect(m('ｳｨﾝﾄﾞｳ ')).toBe(m('ウインドウ '));
  });

  test('the dictionary adds other spellings and synonyms as alternatives (OR)', () => {
    // Latin ↔ katakana both ways, from the Sudachi synonym dictionary, not a list here.
    // One spelling key stands for the word and its other spellings (folded at index time, spellings.ts).
    expect(m('エクセル ')).toBe(key('エクセル'));
    expect(m('excel ')).toBe(key('excel'));
    expect(key('excel')).toBe(key('エクセル'));
    expect(m('printer ')).toBe(m('プリンター '));
    // The phrases themselves stay on the term (highlights, the suggestions' title index).
    expect(parseQuery('printer ').must[0].alternatives).toContainEqual(['プリ', 'リン', 'ンタ']);
    // Synonyms are matched in the wide tier only (service.ts ranks what they find after the rest).
    const wide = (q: string) => toMatch({ ...parseQuery(q), wide: true });
    // A verb is looked up by its stem whatever its form (抜き出したい: 抜出); 抽出 finds 抜き出す.
    expect(wide('抜き出したい ')).toMatch(/^\("抜出" OR /u);
    expect(wide('抽出 ')).toContain('"抜出"');
    expect(m('抽出 ')).not.toContain('"抜出"');
    expect(wide('削除 ')).toContain('"delete"');
    // A verb's one-kanji stem is a synonym matched as a prefix (取り除く: 除*).
    expect(wide('取り除く ')).toContain('"除"*');
    expect(m('取り除く ')).not.toContain('"除"*');
    // Words are cut before okurigana is folded: 抜き出す関数 is two words, not 抜出関数.
    expect(parseQuery('抜き出す関数 ').must.map((t) => t.tokens.join(' '))).toEqual(['抜出', '関数']);
    // Hiragana typed for katakana.
    expect(m('ぴぼっと ')).toContain(key('ピボット'));
    expect(parseQuery('ぴぼっと ').must[0].alternatives).toContainEqual(['ピボ', 'ボツ', 'ツト']);
    // Short Latin abbreviations are left alone (cod is not 着払い).
    expect(m('cod ')).toBe('"cod"');
  });

  test('natural questions keep their content words only', () => {
    const q = parseQuery('エクセルで重複を消したい');
    expect(q.must.map((t) => t.tokens.join(' '))).toEqual(['エク クセ セル', '重複', '消']);
    expect(toMatch(q, 'relaxed')).toContain(' OR ');
    // Polite endings as the segmenter cuts them (くだ|さい, したら|いい|です|か) and 教え(て) are
    // not required; a short hiragana run left between words ranks only.
    const polite = parseQuery('パスワード付きのファイルを送るやり方を教えてください');
    expect(polite.must.map((t) => t.tokens.join(' '))).toEqual(['パス スワ ワド ド付', 'フア アイ イル', '送']);
    const how = parseQuery('マクロを有効にするにはどうしたらいいですか');
    expect(how.must.map((t) => t.tokens.join(' '))).toEqual(['マク クロ', '有効']);
    // Typed alone, a two-letter hiragana word is what there is to match.
    expect(parseQuery('ねじ ').must.map((t) => t.tokens.join(' '))).toEqual(['ねじ']);
  });

  test('question and intent words rank but are not required', () => {
    for (const [q, word] of [['ピボットテーブル 作り方', '作り方'], ['マクロ できない', 'できない'], ['マクロ 動かない', '動かない'],
      ['台帳 探し方', '探し方'], ['印刷 方法', '方法'], ['台帳 開けない', '開けない']]) {
      const p = parseQuery(q);
      expect(p.must, q).toHaveLength(1);
      expect(p.should, q).toHaveLength(1);
      expect(p.must[0].highlights.join(), q).not.toContain(normalize(word));
      // Required words AND (optional words OR a required word): the same matches, ranked by both.
      expect(toMatch(p), q).toMatch(/^\(.*\) AND \(.* OR .*\)$/u);
    }
    // Nothing else to match: the intent word is what is looked for.
    expect(parseQuery('方法').must).toHaveLength(1);
  });

  test('an interrogative of number (何 and a counter) ranks but is not required: the tip answers with a number', () => {
    for (const [q, word] of [['相見積もり 何社', '何社'], ['会議室 何人', '何人'], ['パスワード 何回', '何回'], ['文書 何年', '何年'], ['研修 何時間', '何時間']]) {
      const p = parseQuery(q);
      expect(p.must, q).toHaveLength(1);
      expect(p.should?.map((t) => t.highlights[0]), q).toEqual([word]);
    }
    // A word that only contains 何 later is a word (如何 is not an interrogative of number).
    expect(parseQuery('幾何 図形').must).toHaveLength(2);
    // A word of its own that starts with 何 (何卒 "kindly", 何某 "so-and-so": the segmenter keeps
    // them whole, and the dictionary does not read them なん…) is required as typed: 何卒 意味 asks
    // what 何卒 means, and a tip that has only 意味 is no answer.
    for (const q of ['何卒 意味', '何某 意味']) expect(parseQuery(q).must, q).toHaveLength(2);
  });

  test('endings made only of function words are dropped; a progressive form of an intent word ranks only', () => {
    // のですが = の + です + が, したいのですが = したい + の + です + が: nothing to require.
    for (const q of ['集計したいのですが', '集計のですが', 'VLOOKUP関数したいのですが']) {
      expect(parseQuery(q).must.map((t) => t.highlights[0]).join(' '), q).toBe(q.startsWith('VLOOKUP') ? 'vlookup 関数' : '集計');
    }
    // Built from function words of two letters or more and the particles, never from any single
    // letter: いれる (い + れる) and まとめる stay words.
    expect(parseQuery('セルに値をいれる').must.map((t) => t.highlights[0])).toContain('いれ');
    expect(parseQuery('PDFを まとめる').must.map((t) => t.highlights[0])).toContain('まとめ');
    // 困っています is 困った (an intent word) in its progressive form: it ranks, it is not required.
    for (const q of ['集計で困っています', '集計で困っている']) {
      const p = parseQuery(q);
      expect(p.must.map((t) => t.highlights[0]), q).toEqual(['集計']);
      expect((p.should ?? []).some((t) => t.highlights[0] === '困'), q).toBe(true);
    }
    // Another verb's progressive form is a word like any other.
    expect(parseQuery('セルを選んでいます').must.map((t) => t.highlights[0])).toContain('選');
  });

  test('a word with the beautifying prefix お/ご takes the plain word\'s spellings and synonyms', () => {
    // Words the segmenter keeps joined to their prefix (お|届け is cut apart, お知らせ is not).
    let tried = 0;
    for (const w of ['知らせ', '支払い', '利用', '勤め', '見舞い', '返事']) {
      for (const prefix of ['お', 'ご']) {
        // A prefixed form the dictionary lists has its own entry, which comes first (お願い: 御願).
        if (alternativesOf(normalize(`${prefix}${w}`))) continue;
        tried++;
        const plain = parseQuery(w).must[0];
        const prefixed = parseQuery(`${prefix}${w}`).must;
        expect(prefixed, `${prefix}${w}`).toHaveLength(1);
        const has = new Set(prefixed[0].highlights);
        // The plain word's spellings and first MAX_WIDE synonyms (its highlights after itself: the
        // wide tier keeps at most MAX_WIDE of its candidates), but for the last few, which the
        // prefixed word's own form may push past the cap.
        const others = plain.highlights.slice(1, 1 + (plain.alternatives?.length ?? 0) + Math.min(MAX_WIDE, plain.synonyms?.length ?? 0));
        expect(others.length, w).toBeGreaterThan(0);
        expect(others.filter((h) => has.has(h)).length, `${prefix}${w}`).toBeGreaterThanOrEqual(Math.ceil(others.length * 0.7));
      }
    }
    expect(tried).toBeGreaterThanOrEqual(8);
    // Not with one kanji left (お金 is not every sense of 金: 金曜, gold).
    expect(parseQuery('お金').must[0].highlights).not.toContain('金曜');
    // Not before kana (おすすめ is a word of its own) and nothing left of a lone prefix.
    expect(parseQuery('おすすめ').must[0].highlights).not.toContain('すすめ');
  });

  test('conjunctive and adverbial particles and auxiliaries of manner are not required words', () => {
    // Each closed-class word between or after the real words: none is required.
    const cases: [string, string[]][] = [
      ['数字なのに足し算されない', ['数字', '足算']],
      ['保存したのに消えた', ['保存', '消']],
      ['印刷だけしたい', ['印刷']],
      ['部署ごとに集計', ['部署', '集計']],
      ['1件ずつ転記', ['1', '件', '転記']],
      ['開いても表示されない', ['開']],
      ['マクロを使うべきか', ['マクロ', '使']],
      ['集計するつもりが', ['集計']],
      ['なぜかアップロードできないんですが', [normalize('アップロード')]],
      ['どうしても印刷できない', ['印刷']],
    ];
    for (const [q, words] of cases) {
      const must = parseQuery(q).must.map((t) => t.highlights[0]);
      expect(must, q).toEqual(words);
    }
  });

  test('kana left between converted words that no dictionary reads rank, not required; readings and kana loanwords stay words', () => {
    for (const [q, words] of [['VLOOKUPをちゃんと使いたい', ['vlookup', '使']], ['シートをちゃんと印刷', ['シト', '印刷']], ['表をすぐにコピー', ['表', 'コピ']]] as const) {
      const p = parseQuery(q);
      expect(p.must.map((t) => t.highlights[0]), q).toEqual(words);
      expect((p.should ?? []).some((t) => HIRAGANA_ONLY.test(t.highlights[0] ?? '')), q).toBe(true);
    }
    // しゅうけい is 集計 left unconverted, ぴぼっと a loanword in kana, いれる and まとめる verbs: required.
    expect(parseQuery('シートをまとめる').must.length).toBe(2);
    expect(parseQuery('ピボットでしゅうけい').must.length).toBe(2);
    expect(parseQuery('エクセルでぴぼっと').must.length).toBe(2);
  });

  test('a word, a particle and a negated or intent predicate typed as one run keep the word required', () => {
    // Any word before が/を/… and a predicate after it: the word is what is looked for.
    for (const [q, word] of [['ピボットができない', 'ピボット'], ['プリンターがうまくいかない', 'プリンター'], ['保存ができない', '保存'],
      ['ログインができない', 'ログイン'], ['スキャナーがうまくいかない', 'スキャナー'], ['エクセルがうまくいかない', 'エクセル']]) {
      const p = parseQuery(q);
      expect(p.must, q).toHaveLength(1);
      expect(p.must[0].highlights[0], q).toBe(normalize(word).trim());
    }
    // A predicate the segmenter cuts before its endings is read whole (知|り|たい, 分|か|り|ま|せん, 動|か|ない).
    for (const [q, word] of [['集計について知りたい', '集計'], ['関数のやり方が分かりません', '関数'], ['マクロが動かない', 'マクロ'],
      ['台帳が開けません', '台帳'], ['署名の設定の仕方が分からない', '署名 設定']]) {
      const p = parseQuery(q);
      expect(p.must.map((t) => t.highlights[0]).join(' '), q).toBe(normalize(word).trim());
    }
    // Adverbs in kana between the particle and the predicate (がうまくできない, がなかなか開かない…):
    // the word stays required, the rest ranks. A content word: any katakana word of the dictionary.
    for (const tail of ['うまくできない', 'なかなかできない', 'ちゃんとできない', 'ぜんぜんうごかない', 'すぐにしたい']) {
      for (const word of ['ピボットテーブル', 'プリンター', 'スキャナー']) {
        const p = parseQuery(`${word}が${tail}`);
        expect(p.must.map((t) => t.highlights[0]), `${word}が${tail}`).toEqual([normalize(word)]);
      }
    }
    // A negated verb before a noun says what the thing is: it stays required.
    expect(parseQuery('ハンコが要らない申請').must.length).toBe(3);
    // One predicate stays one intent word, ranked only beside another word.
    for (const q of ['印刷できない', '動かない', '開けない']) {
      const p = parseQuery(`台帳 ${q}`);
      expect(p.must.map((t) => t.highlights[0]), q).toEqual(['台帳']);
      expect(p.should, q).toHaveLength(1);
    }
  });

  test('a query typed without spaces also ranks by the whole of it as one phrase', () => {
    const p = parseQuery('空白セルを選び、行全体を削除');
    expect(p.must.length).toBeGreaterThanOrEqual(2);
    expect(p.should?.at(-1)?.tokens.join(' ')).toBe('空白 白セ セル ルを を選 行全 全体 体を を削 削除');
    expect(toMatch(p)).toContain('"空白 白セ セル ルを を選 行全 全体 体を を削 削除" OR');
  });

  test('a query of only punctuation, operators or exclusions matches nothing', () => {
    for (const q of ['"', '*', '-', '""', 'NEAR(', ':', '()', '-excel', '   ', '\uD800', '^']) {
      const parsed = parseQuery(q);
      if (q === 'NEAR(') expect(toMatch(parsed)).toBe('"near"*');
      else expect(toMatch(parsed)).toBeNull();
    }
  });

  test('every input gives an expression FTS5 accepts (randomized)', () => {
    const db = new BetterSqlite3(':memory:');
    db.exec("CREATE VIRTUAL TABLE f USING fts5(a, tokenize = \"unicode61 remove_diacritics 0 categories 'L* N* Co M*'\")");
    db.prepare('INSERT INTO f (a) VALUES (?)').run('excel 関数 集計');
    const stmt = db.prepare('SELECT count(*) FROM f WHERE f MATCH ?');
    const alphabet = ['"', '*', '-', ':', '(', ')', 'NEAR', 'AND', 'OR', 'NOT', '^', '+', ' ', '\u3000', '関数', 'ｴｸｾﾙ',
      'excel', '\uD800', '\uDFFF', '“', '”', '\\', "'", '\u0000', 'ー', '、', 'a', '1', '{', '}', '\u200b', '𠮷'];
    let seed = 42;
    const rand = () => { seed = (seed * 1103515245 + 12345) % 2 ** 31; return seed / 2 ** 31; };
    let checked = 0;
    for (let i = 0; i < 3000; i++) {
      let q = '';
      const n = 1 + Math.floor(rand() * 8);
      for (let j = 0; j < n; j++) q += alphabet[Math.floor(rand() * alphabet.length)];
      const expr = toMatch(parseQuery(q));
      if (expr === null) continue;
      expect(() => stmt.get(expr), `query ${JSON.stringify(q)} → ${expr}`).not.toThrow();
      checked++;
    }
    expect(checked).toBeGreaterThan(1000);
    db.close();
  });
});

test('a column filter restricts the words, not the exclusions', () => {
  expect(toMatch(parseQuery('台帳 -pdf'), 'all', 'title tags')).toBe('({title tags} : ("台帳")) NOT ("pdf")');
  expect(toMatch(parseQuery('xlookup '), 'all', 'title tags')).toBe('{title tags} : ("xlookup")');
});
