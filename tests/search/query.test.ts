import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, test } from 'vitest';
import { parseQuery, toMatch } from '../../server/search/query';

const m = (q: string) => toMatch(parseQuery(q));

describe('parseQuery / toMatch', () => {
  test('words separated by spaces must all match; the last is a prefix', () => {
    expect(m('集計 vlook')).toBe('"集計" AND "vlook"*');
    expect(m('集計 vlook ')).toBe('"集計" AND "vlook"');
    expect(m('集計 印')).toBe('"集計" AND "印"*');
    // A Japanese bigram is a whole token (nothing longer starts with it): no costly prefix merge.
    expect(m('集計 印刷')).toBe('"集計" AND "印刷"');
    expect(m('ピボット')).toBe('"ピボ ボッ ット"');
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
      const expr = m(q)!;
      const starred = expr.endsWith('*') ? expr : `${expr}*`;
      expect(rows(expr), q).toEqual(rows(starred));
      expect(rows(expr).length, q).toBeGreaterThan(0);
    }
    db.close();
  });

  test('quoted phrases and exclusions', () => {
    expect(m('"印刷 範囲" -pdf')).toBe('("印刷 範囲") NOT ("pdf")');
    expect(m('“印刷範囲” 設定 ')).toBe('"印刷 刷範 範囲" AND "設定"');
    expect(m('関数 -"ピボット"')).toBe('("関数") NOT ("ピボ ボッ ット")');
  });

  test('variants of a word give the same expression', () => {
    expect(m('エクセル ')).toBe(m('excel '));
    expect(m('ＥＸＣＥＬ ')).toBe(m('Excel '));
    expect(m('フォルダー ')).toBe(m('フォルダ '));
    expect(m('貼り付け ')).toBe(m('貼付け '));
  });

  test('natural questions keep their content words only', () => {
    const q = parseQuery('エクセルで重複を消したい');
    expect(q.must.map((t) => t.tokens.join(' '))).toEqual(['excel', '重複', '消']);
    expect(toMatch(q, 'relaxed')).toContain(' OR ');
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
  expect(toMatch(parseQuery('集計 -pdf'), 'all', 'title tags')).toBe('({title tags} : ("集計")) NOT ("pdf")');
  expect(toMatch(parseQuery('excel '), 'all', 'title tags')).toBe('{title tags} : ("excel")');
});
