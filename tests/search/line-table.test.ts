import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { expect, test } from 'vitest';
import { LineTable } from '../../server/search/line-table';
import { alternativesOf, derive, derivedText, sourceHash } from '../../server/search/lexicon';
import { normalize } from '../../server/search/normalize';

/** Words that are prefixes of one another, in several scripts, with a character outside the BMP. */
function words(seed: number, n: number): string[] {
  const alphabet = ['a', 'b', 'z', 'ア', 'ー', 'イ', '印', '刷', '𠮷', 'あ', '1', '\u0001'.repeat(0) || 'ｶ'];
  let s = seed;
  const rand = () => (s = (s * 48271) % 2147483647) / 2147483647;
  const out = new Set<string>();
  while (out.size < n) {
    const len = 1 + Math.floor(rand() * 5);
    let w = '';
    for (let i = 0; i < len; i++) w += alphabet[Math.floor(rand() * alphabet.length)];
    out.add(w);
  }
  return [...out];
}

test('hasPrefix says whether some key starts with the text, as a scan of the keys does', () => {
  const keys = words(11, 1500);
  const table = LineTable.parse(LineTable.format(keys.map((k) => [k, 'v'] as [string, string])));
  // Every prefix of every key, and near misses (a key with a letter more or changed).
  const probes = new Set<string>(['', 'zzzzzz', '\uFFFF']);
  for (const k of words(12, 400)) for (let n = 1; n <= k.length; n++) { probes.add(k.slice(0, n)); probes.add(`${k.slice(0, n)}ア`); }
  for (const p of probes) expect(table.hasPrefix(p), JSON.stringify(p)).toBe(keys.some((k) => k.startsWith(p)));
});

test('withPrefix gives the entries whose keys start with the text, in order, as a scan of the keys does', () => {
  const keys = words(13, 1500);
  const table = LineTable.parse(LineTable.format(keys.map((k) => [k, `v${k}`] as [string, string])));
  const probes = new Set<string>(['', 'zzzzzz', '\uFFFF']);
  for (const k of words(14, 300)) for (let n = 1; n <= k.length; n++) { probes.add(k.slice(0, n)); probes.add(`${k.slice(0, n)}ア`); }
  const sorted = [...table.entries()].map(([k]) => k);
  for (const p of probes) {
    const got = [...table.withPrefix(p)];
    expect(got.map(([k]) => k), JSON.stringify(p)).toEqual(sorted.filter((k) => k.startsWith(p)));
    for (const [k, v] of got) expect(v).toBe(`v${k}`);
  }
});

test('a line table answers exactly as a Map of the same entries, for keys and for near misses', () => {
  const keys = words(7, 2000);
  const entries = keys.map((k, i) => [k, `v${i}\u0001${k}\u0002x`] as [string, string]);
  const map = new Map(entries);
  const table = LineTable.parse(LineTable.format(entries));
  expect(table.size).toBe(map.size);
  for (const k of keys) expect(table.get(k)).toBe(map.get(k));
  // Prefixes, extensions and neighbours of the keys, present or not.
  for (const k of [...keys.map((k) => k.slice(0, -1)), ...keys.map((k) => `${k}a`), ...words(11, 2000), '', 'zzzzzzz', '\u0000']) {
    expect(table.get(k)).toBe(map.get(k));
  }
  expect(new Map(table.entries())).toEqual(map);
});

test('a line table refuses text that is not sorted, has a key twice, or holds a tab or line feed', () => {
  expect(() => LineTable.parse('b\t1\na\t2\n')).toThrow(/sorted/);
  expect(() => LineTable.parse('a\t1\na\t2\n')).toThrow(/sorted/);
  expect(() => LineTable.parse('a\t1')).toThrow(/line feed/);
  expect(() => LineTable.format([['a\tb', '1']])).toThrow(/tab/);
  expect(LineTable.parse('').get('a')).toBeUndefined();
});

test('the dictionary read through its line table gives what derive() gives', () => {
  const groups = [
    { id: '1', items: [
      { taigenYogen: '体言', expandControl: 0, vocabularyNumber: 1, midashi: 'ピボット' },
      { taigenYogen: '体言', expandControl: 0, vocabularyNumber: 1, midashi: 'pivot' },
    ] },
  ];
  const flat = derive(groups);
  const table = LineTable.parse(LineTable.format(Object.entries(flat)));
  for (const [k, v] of Object.entries(flat)) expect(table.get(k)).toBe(v);
  // The real table: a word with other spellings and synonyms is found, a word the dictionary lacks is not.
  expect(alternativesOf(normalize('ピボット').trim())?.same).toContain('pivot');
  expect(alternativesOf('pivot')?.same).toContain(normalize('ピボット').trim());
  expect(alternativesOf('抽出')?.synonyms).toContain('抜出');
  expect(alternativesOf('ほげほげふが')).toBeNull();
});

test('a derived text is made once and then read from its cache; its name follows the code that makes it', () => {
  const name = `test-${process.pid}-${Math.random().toString(36).slice(2)}`;
  let made = 0;
  const make = () => { made++; return 'a\t1\n'; };
  expect(derivedText(name, make)).toBe('a\t1\n');
  expect(derivedText(name, make)).toBe('a\t1\n');
  expect(made).toBe(1);
  // Other code, other name: a table made by changed code is never read as the new one's.
  const build = (x: number) => x + 1;
  const changed = (x: number) => x + 2;
  expect(sourceHash(build.toString())).not.toBe(sourceHash(changed.toString()));
  expect(sourceHash(build.toString())).toBe(sourceHash(build.toString()));
  const dir = path.join(path.dirname(createRequire(import.meta.url).resolve('sudachi-synonyms-dictionary')), '..', '.cache', 'kotsu-lexicon');
  for (const f of fs.readdirSync(dir)) if (f.includes(name)) fs.rmSync(path.join(dir, f));
});
