import { parse } from 'csv-parse/sync';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { csvCell, toCsv } from '../../server/impact/csv';
import { createTestApp, postTip, type TestApp, type TestUser } from '../helpers/app';

/**
 * Reads the bytes the way Excel does on a double-click: UTF-8 only if the file starts with the
 * byte order mark (otherwise Japanese Excel assumes Shift_JIS), then RFC 4180 fields.
 */
function openAsExcel(bytes: Buffer): string[][] {
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  expect(text.charCodeAt(0)).toBe(0xfeff);
  return parse(text.slice(1), { relax_column_count: false }) as string[][];
}

describe('csvCell / toCsv', () => {
  it('quotes commas, quotes and line breaks; doubles inner quotes; leaves plain text alone', () => {
    expect(csvCell('VLOOKUP')).toBe('VLOOKUP');
    expect(csvCell('A,B')).toBe('"A,B"');
    expect(csvCell('「"引用"」')).toBe('"「""引用""」"');
    expect(csvCell('一行目\n二行目')).toBe('"一行目\n二行目"');
    expect(csvCell(' 前後空白 ')).toBe('" 前後空白 "');
    expect(csvCell(12.5)).toBe('12.5');
    expect(csvCell(null)).toBe('');
  });

  it('keeps formulas as text with a leading apostrophe (CSV injection)', () => {
    expect(csvCell('=VLOOKUP(A2,B:C,2,FALSE)の使い方')).toBe('"\'=VLOOKUP(A2,B:C,2,FALSE)の使い方"');
    expect(csvCell('+81')).toBe("'+81");
    expect(csvCell('-1')).toBe("'-1");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell(-1)).toBe('-1');
  });

  it('starts with the BOM and ends lines with CRLF', () => {
    const bytes = toCsv(['所属', '件数'], [['税務課', 2]]);
    expect(bytes.toString('hex').slice(0, 6)).toBe('efbbbf');
    expect(bytes.toString('utf8')).toBe('\uFEFF所属,件数\r\n税務課,2\r\n');
  });
});

describe('GET /api/impact.csv', () => {
  let t: TestApp;
  let author: TestUser;
  let bob: TestUser;
  let carol: TestUser;
  beforeEach(async () => {
    t = await createTestApp();
    author = await t.user('author', { department: '財政課', displayName: '財政 花子' });
    bob = await t.user('bob', { department: '税務課' });
    carol = await t.user('carol', { department: '土木部, 道路課' });
  });
  afterEach(async () => { await t.close(); });

  it('departments: UTF-8 with BOM, Japanese header, figures per department, served as an attachment', async () => {
    const tip = await postTip(t, author, { title: 'RPA' });
    await t.as(bob, { method: 'POST', url: `/api/posts/${tip.id}/adoptions`, payload: { minutesSavedPerMonth: 90 } });
    await t.as(carol, { method: 'POST', url: `/api/posts/${tip.id}/adoptions`, payload: { minutesSavedPerMonth: 30 } });
    const res = await t.as(bob, { method: 'GET', url: '/api/impact.csv?period=all' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="kotsu-impact-departments-all-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect(res.rawPayload.includes(Buffer.from('\r\n'))).toBe(true);
    expect(openAsExcel(res.rawPayload)).toEqual([
      ['報告者の所属（報告時）', '使ってみた報告（件）', '削減時間（分/月）', '削減時間（時間/月）'],
      ['税務課', '1', '90', '1.5'],
      ['土木部, 道路課', '1', '30', '0.5'],
    ]);
  });

  it('posts: titles with commas, quotes, line-break-like text and formulas survive as text', async () => {
    const tricky = await postTip(t, author, { title: '=VLOOKUP(A2,B:C,2,FALSE)で「"照合"」' });
    await t.as(t.admin, { method: 'PATCH', url: `/api/posts/${tricky.id}`, payload: { minutesSavedPerUse: 5 } });
    await t.as(bob, { method: 'POST', url: `/api/posts/${tricky.id}/adoptions`, payload: { minutesSavedPerMonth: 60 } });
    const res = await t.as(bob, { method: 'GET', url: '/api/impact.csv?table=posts' });
    const rows = openAsExcel(res.rawPayload);
    expect(rows[0]).toEqual(['順位', 'タイトル', '投稿者', '投稿者の所属', '使ってみた報告（件）', '削減時間（分/月）', '削減時間（時間/月）', '投稿者の見積もり（分/回）', '受賞', 'URL']);
    expect(rows[1]).toEqual(['1', '\'=VLOOKUP(A2,B:C,2,FALSE)で「"照合"」', '財政 花子', '財政課', '1', '60', '1', '5', '', `http://localhost:3000/tips/${tricky.id}`]);
  });

  it('an empty report is just the header; bad parameters are 400; a session is needed', async () => {
    expect(openAsExcel((await t.as(bob, { method: 'GET', url: '/api/impact.csv?period=month' })).rawPayload))
      .toEqual([['報告者の所属（報告時）', '使ってみた報告（件）', '削減時間（分/月）', '削減時間（時間/月）']]);
    expect((await t.as(bob, { method: 'GET', url: '/api/impact.csv?table=users' })).statusCode).toBe(400);
    expect((await t.as(null, { method: 'GET', url: '/api/impact.csv' })).statusCode).toBe(401);
  });
});
