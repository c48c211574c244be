import Database from 'better-sqlite3';
import fc from 'fast-check';
import fs from 'node:fs';
import { describe, expect, test } from 'vitest';
import { normalize } from '../../server/search/normalize';
import { indexText, isIndexTerm } from '../../server/search/tokenize';

/**
 * isIndexTerm says which strings FTS5's tokenizer keeps as one term, unchanged: store.ts counts a
 * quoted one-term MATCH from FTS5's vocabulary instead of matching it. Checked against FTS5 itself,
 * with the tokenizer configuration read from the migration that creates the index.
 */
describe('isIndexTerm', () => {
  const sql = fs.readFileSync('migrations/0002_search.sql', 'utf8');
  const tokenize = /tokenize = "([^"]+)"/.exec(sql)?.[1];
  const db = new Database(':memory:');
  db.exec(`CREATE VIRTUAL TABLE t USING fts5(body, tokenize = "${tokenize}")`);
  db.exec("CREATE VIRTUAL TABLE v USING fts5vocab(t, 'row')");
  const insert = db.prepare('INSERT INTO t (body) VALUES (?)');
  const terms = () => new Set(db.prepare('SELECT term FROM v').pluck().all() as string[]);

  test('reads the index tokenizer from the migration', () => {
    expect(tokenize).toContain('unicode61');
  });

  test('every token the pipeline indexes that it accepts is a term of FTS5 as it is', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), fc.constantFrom('エクセルで関数を使う', 'VLOOKUP 2026年', 'ﾋﾟﾎﾞｯﾄ・テーブル', 'Ünïcödé ΑΒΓ'), (random, fixed) => {
      db.exec('DELETE FROM t');
      const tokens = indexText(normalize(`${fixed} ${random}`)).split(' ').filter(Boolean);
      for (const token of tokens) insert.run(token);
      const vocab = terms();
      for (const token of tokens) if (isIndexTerm(token)) expect(vocab.has(token), token).toBe(true);
    }), { numRuns: 1000 });
  });

  test('a string FTS5 would change or split is not one', () => {
    for (const s of ['Excel', 'ÀB', 'a b', 'a-b', 'x.y', '', 'ͅ']) {
      db.exec('DELETE FROM t');
      insert.run(s);
      const vocab = [...terms()];
      expect(isIndexTerm(s), s).toBe(vocab.length === 1 && vocab[0] === s);
    }
    // And those it keeps are.
    for (const s of ['excel', '関数', 'ピボ', 'ー', '\uE000xlookup', '2026']) expect(isIndexTerm(s), s).toBe(true);
  });
});
