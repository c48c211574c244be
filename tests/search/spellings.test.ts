import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { alternativesOf, spellingLists } from '../../server/search/lexicon';
import { normalize } from '../../server/search/normalize';
import { parseQuery, toMatch } from '../../server/search/query';
import { foldSpellings, isSpellingKey, KEY_MARK, spellingKey } from '../../server/search/spellings';
import { indexText, pieces, pieceTokens } from '../../server/search/tokenize';

/** The index's text of one column, as engine.ts writes it: tokens, then spelling keys. */
const indexed = (text: string) => foldSpellings(indexText(normalize(text)));
const phrase = (w: string) => `"${pieces(w).flatMap(pieceTokens).join(' ')}"`;

describe('spelling keys (spellings.ts): one token for a word and its other spellings', () => {
  let db: BetterSqlite3.Database;
  const rows = (expr: string) => db.prepare('SELECT rowid FROM f WHERE f MATCH ? ORDER BY rowid').pluck().all(expr) as number[];
  // Tips writing a word in one spelling or another, alone, inside compounds, in titles and bodies.
  const DOCS = [
    'エクセルで集計する', 'Excelで集計する', 'ＥＸＣＥＬの関数', 'ｴｸｾﾙの印刷', 'エクセルファイルを開く', '表計算ソフト',
    'ピボットテーブルの作り方', 'pivot table', 'ピボット・テーブル', 'ぴぼっと',
    'サーバーに保存', 'サーバに保存', 'server の設定', 'ファイルサーバー',
    'プリンターの設定', 'printer driver', 'プリンタが動かない',
    '問い合わせ窓口', '問合せ先', 'お問合わせ', 'メールアドレス', 'e-mail', 'メール送信',
    'ユーザーアカウント', 'ユーザ名', 'user name', 'インターフェース', 'インタフェース設計',
    'バックアップ', 'backup', 'コピー', 'copy', 'データベース', 'database',
  ];
  beforeAll(() => {
    db = new BetterSqlite3(':memory:');
    db.exec("CREATE VIRTUAL TABLE f USING fts5(a, tokenize = \"unicode61 remove_diacritics 0 categories 'L* N* Co M*'\")");
    for (const d of DOCS) db.prepare('INSERT INTO f (a) VALUES (?)').run(indexed(d));
  });
  afterAll(() => db.close());

  test('a katakana word and its Latin original find the same tips, inside compounds too', () => {
    for (const [kana, latin] of [['エクセル', 'excel'], ['ピボット', 'pivot'], ['サーバー', 'server'], ['プリンター', 'printer']]) {
      const a = rows(toMatch(parseQuery(`${kana} `))!);
      const b = rows(toMatch(parseQuery(`${latin} `))!);
      expect(a, kana).toEqual(b);
      // Both spellings are found, and compounds holding the word (エクセルファイル, ファイルサーバー).
      const has = (text: string) => DOCS.indexOf(text) + 1;
      if (kana === 'エクセル') expect(a).toEqual(expect.arrayContaining([has('エクセルで集計する'), has('Excelで集計する'), has('ＥＸＣＥＬの関数'), has('ｴｸｾﾙの印刷'), has('エクセルファイルを開く')]));
      if (kana === 'ピボット') expect(a).toEqual(expect.arrayContaining([has('ピボットテーブルの作り方'), has('pivot table'), has('ピボット・テーブル')]));
      if (kana === 'サーバー') expect(a).toEqual(expect.arrayContaining([has('サーバーに保存'), has('サーバに保存'), has('server の設定'), has('ファイルサーバー')]));
      expect(a).not.toContain(has('表計算ソフト'));
    }
  });

  test('the key finds exactly what the word OR its spellings as phrases finds (index and query agree)', () => {
    // Every dictionary word with other spellings that occurs in the documents, and a deterministic
    // sample of the rest: the key's matches equal the OR of the phrases of the word and its spellings.
    const long = (s: string) => Array.from(s).length >= 2;
    // Words with at least one other spelling of two characters or more (shorter ones are never matched alone).
    const words = [...spellingLists()].filter(([w, same]) => long(w) && same.some((s) => long(s) && s !== w)).map(([w]) => w);
    expect(words.length).toBeGreaterThan(10_000);
    const sample = words.filter((_, i) => i % 211 === 0);
    const texts = DOCS.map((d) => ` ${indexText(normalize(d))} `);
    const inDocs = words.filter((w) => { const p = ` ${pieces(w).flatMap(pieceTokens).join(' ')} `; return texts.some((t) => t.includes(p)); });
    expect(inDocs.length).toBeGreaterThan(10);
    let compared = 0;
    for (const w of [...inDocs, ...sample]) {
      const key = spellingKey(w);
      expect(key, w).not.toBeNull();
      const spellings = [w, ...(alternativesOf(w)?.same ?? [])].filter((s) => Array.from(s).length >= 2 && pieces(s).length > 0);
      const or = spellings.map(phrase).join(' OR ');
      expect(rows(`"${key}"`), w).toEqual(rows(or));
      compared++;
    }
    expect(compared).toBeGreaterThan(200);
  });

  test('keys are appended after the text, once per occurrence, and never come from typed text', () => {
    const text = indexText(normalize('エクセルとexcelとエクセル'));
    const folded = foldSpellings(text);
    expect(folded.startsWith(`${text} `)).toBe(true);
    const keys = folded.slice(text.length + 1).split(' ');
    expect(keys.every(isSpellingKey)).toBe(true);
    expect(keys.filter((k) => k === spellingKey('excel')).length).toBe(3);
    // Phrases of the text are untouched: a quoted phrase still matches where it did.
    expect(foldSpellings(indexText(normalize('関数')))).toBe('関数');
    // No typed input yields a key token (private use is neither letter, digit nor mark).
    expect(pieces(normalize(`${KEY_MARK}3oi excel`)).flatMap(pieceTokens).some(isSpellingKey)).toBe(false);
    for (const q of [`${KEY_MARK}3oi`, `"${KEY_MARK}"`, `-${KEY_MARK}x`]) expect(toMatch(parseQuery(q)) ?? '').not.toContain(KEY_MARK);
  });

  test('a word without other spellings has no key and matches its own phrase', () => {
    expect(spellingKey('関数')).toBeNull();
    expect(toMatch(parseQuery('関数 '))).toBe('"関数"');
  });
});

describe('spelling keys in the app', () => {
  test('tips written in either spelling are found by both; an index of another pipeline or dictionary is rebuilt', async () => {
    const { createTestApp, postTip } = await import('../helpers/app');
    const { createSearchEngine, pipelineStamp } = await import('../../server/search/engine');
    const t = await createTestApp();
    try {
      const a = await postTip(t, t.admin, { title: 'エクセルで課ごとに集計する', body: '手順です。', tags: [] });
      const b = await postTip(t, t.admin, { title: 'Excel の関数', body: 'ＥＸＣＥＬで使います。', tags: [] });
      const c = await postTip(t, t.admin, { title: '表計算ソフトの話', body: 'セルに入力します。', tags: [] });
      const ids = async (q: string) => {
        const res = await t.as(t.admin, { method: 'GET', url: `/api/search?q=${encodeURIComponent(q)}&exact=true` });
        expect(res.statusCode, res.body).toBe(200);
        return (JSON.parse(res.body) as { items: { id: number }[] }).items.map((h) => h.id).sort((x, y) => x - y);
      };
      for (const q of ['エクセル', 'excel', 'ｴｸｾﾙ', 'EXCEL ']) expect(await ids(q), q).toEqual([a.id, b.id]);
      expect(await ids('セル')).toContain(c.id);
      expect(t.db.prepare("SELECT value FROM search_meta WHERE key = 'pipeline'").pluck().get()).toBe(pipelineStamp());
      // An index stamped by the pipeline before spelling keys: rebuilt (with keys) at start-up.
      t.db.prepare("UPDATE search_meta SET value = '1' WHERE key = 'pipeline'").run();
      t.db.prepare("INSERT INTO search_fts (search_fts) VALUES ('delete-all')").run();
      createSearchEngine(t.db, { maintenance: { enabled: false } });
      expect(t.db.prepare("SELECT value FROM search_meta WHERE key = 'pipeline'").pluck().get()).toBe(pipelineStamp());
      const key = spellingKey('excel')!;
      expect(t.db.prepare('SELECT rowid FROM search_fts WHERE search_fts MATCH ? ORDER BY rowid').pluck().all(`"${key}"`)).toEqual([a.id, b.id]);
    } finally {
      await t.close();
    }
  });
});
