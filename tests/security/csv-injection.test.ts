import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { toCsv } from '../../server/shared/csv';
import { proxyApp } from './helpers';

/**
 * The test's own idea of what Excel reads as a formula, written independently of the encoder:
 * after any run of blanks (spaces, tabs, no-break, ideographic, em/en and zero-width spaces), a
 * half- or full-width / small = + - @ or a minus sign; or a tab/CR/LF as the first character.
 */
const BLANKS = ' \t\r\n\u00a0\u3000\u2002\u2003\u2009\u200b\ufeff';
const TRIGGERS = '=+-@＝＋－＠﹦﹢﹣﹫−';
function excelSeesFormula(cell: string): boolean {
  if (/^[\t\r\n]/.test(cell)) return true;
  let i = 0;
  while (i < cell.length && BLANKS.includes(cell[i])) i++;
  return i < cell.length && TRIGGERS.includes(cell[i]);
}

const blank = fc.constantFrom(...BLANKS.split(''));
const trigger = fc.constantFrom(...TRIGGERS.split(''));
/** Cells that Excel would run, whatever hides the trigger. */
const formulaCell = fc.tuple(fc.array(blank, { maxLength: 4 }), trigger, fc.string({ unit: 'grapheme', maxLength: 20 }))
  .map(([pre, t, tail]) => `${pre.join('')}${t}${tail}`);
/** Anything at all, formulas included now and then. */
const anyCell = fc.oneof(formulaCell, fc.string({ unit: 'grapheme', maxLength: 30 }), fc.string({ unit: 'binary', maxLength: 10 }));

function readAsExcel(bytes: Buffer): string[][] {
  const text = bytes.toString('utf8');
  expect(text.charCodeAt(0)).toBe(0xfeff);
  return parse(text.slice(1), { relax_column_count: false }) as string[][];
}

describe('the one CSV cell encoder', () => {
  it('neutralizes every generated formula cell, wherever the trigger hides, in every column', () => {
    fc.assert(fc.property(fc.array(fc.array(anyCell, { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 5 }), (rows) => {
      const read = readAsExcel(toCsv(['a', 'b', 'c'], rows));
      expect(read).toHaveLength(rows.length + 1);
      rows.forEach((row, r) => row.forEach((cell, c) => {
        const out = read[r + 1][c];
        // Neutralized cells keep their text behind one apostrophe; the rest is unchanged.
        if (excelSeesFormula(cell)) expect(out).toBe(`'${cell}`);
        else expect([cell, `'${cell}`]).toContain(out);
        expect(excelSeesFormula(out)).toBe(false);
      }));
    }), { numRuns: 2000 });
  });

  it('names the classes: leading blanks, full-width and small forms, minus sign', () => {
    for (const cell of [' =1+1', '\t=1', '\u00a0@SUM(A1)', '\u3000＝cmd|\'/C calc\'!A0', '＋81', '－1', '＠x', '﹦1', '−1', '\u200b=1']) {
      const [[out]] = readAsExcel(toCsv([cell], []));
      expect(out.startsWith("'"), JSON.stringify(cell)).toBe(true);
    }
  });
});

describe('exports carry text from the directory safely', () => {
  let close: (() => Promise<void>) | undefined;
  afterEach(async () => { await close?.(); close = undefined; });

  it('impact.csv: names, departments and titles from proxy headers and members are neutralized in every column', async () => {
    const p = await proxyApp();
    close = p.close;
    const hostile = fc.sample(formulaCell.filter((s) => s.trim() !== '' && !/[\p{Cc}\p{Cs}\u2028\u2029]/u.test(s)), { numRuns: 8, seed: 16 });
    const as = (i: number) => ({
      origin: 'http://localhost:3000', // proxy-mode writes come from the real origin
      'x-remote-user': `staff${i}`,
      'x-remote-name': encodeURIComponent(hostile[i % hostile.length]),
      'x-remote-department': encodeURIComponent(hostile[(i + 3) % hostile.length]),
    });
    for (let i = 0; i < 4; i++) {
      const tip = await p.app.inject({ method: 'POST', url: '/api/posts', headers: as(i),
        payload: { title: `${hostile[(i + 5) % hostile.length]}`.slice(0, 100) || '=x', body: 'b', tags: [] } });
      expect(tip.statusCode, tip.body).toBe(201);
      const adopt = await p.app.inject({ method: 'POST', url: `/api/posts/${tip.json().id}/adoptions`, headers: as(i + 1),
        payload: { minutesSavedPerMonth: 30 } });
      expect(adopt.statusCode, adopt.body).toBeLessThan(300);
    }
    let cells = 0;
    for (const table of ['departments', 'posts']) {
      const res = await p.app.inject({ method: 'GET', url: `/api/impact.csv?table=${table}`, headers: as(0) });
      expect(res.statusCode).toBe(200);
      for (const row of readAsExcel(res.rawPayload)) {
        for (const cell of row) {
          cells++;
          expect(excelSeesFormula(cell), JSON.stringify(cell)).toBe(false);
        }
      }
    }
    expect(cells).toBeGreaterThan(20);
  });
});
