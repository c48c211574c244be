import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, postTip, type TestApp, type TestUser } from '../helpers/app';

/**
 * Issue 18 item 7: time saved in one unit (uses a month × minutes per use, the older
 * {minutesSavedPerMonth} body still taken as given) and the fiscal year (年度, April–March, Japan time).
 */
const LONG_SESSIONS = { sessionIdle: 10 * 365 * 86_400, sessionMaxAge: 10 * 365 * 86_400 };

let t: TestApp;
let now: Date;
let author: TestUser;
let bob: TestUser;
let carol: TestUser;
let tip: { id: number };
beforeEach(async () => {
  now = new Date('2026-05-10T03:00:00.000Z');
  t = await createTestApp({ now: () => now, config: LONG_SESSIONS });
  author = await t.user('author', { department: '財政課' });
  bob = await t.user('bob', { department: '税務課' });
  carol = await t.user('carol', { department: '土木部' });
  tip = await t.as(author, { method: 'POST', url: '/api/posts', payload: { title: 'RPA', body: '', tags: [], minutesSavedPerUse: 15 } })
    .then((r) => r.json());
});
afterEach(async () => { await t.close(); });

const adopt = (user: TestUser, postId: number, payload: Record<string, unknown>) =>
  t.as(user, { method: 'POST', url: `/api/posts/${postId}/adoptions`, payload });
const impact = async (q: string) => {
  const res = await t.as(bob, { method: 'GET', url: `/api/impact${q}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};

describe('one unit: uses a month × minutes per use', () => {
  it('stores uses and minutes per use and derives minutes per month from them', async () => {
    const res = await adopt(bob, tip.id, { usesPerMonth: 8, minutesSavedPerUse: 12, note: '毎週2回' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      adoptions: 1, minutesSavedPerMonth: 96,
      mine: { department: '税務課', usesPerMonth: 8, minutesSavedPerUse: 12, minutesSavedPerMonth: 96, note: '毎週2回' },
    });
    expect(t.db.prepare('SELECT uses_per_month, minutes_saved_per_use, minutes_saved_per_month FROM adoptions').get())
      .toEqual({ uses_per_month: 8, minutes_saved_per_use: 12, minutes_saved_per_month: 96 });
    // A correction in the new form replaces the figures.
    const again = await adopt(bob, tip.id, { usesPerMonth: 3, minutesSavedPerUse: 20 });
    expect(again.json()).toMatchObject({ minutesSavedPerMonth: 60, mine: { usesPerMonth: 3, minutesSavedPerUse: 20 } });
  });

  it('still takes the older body {minutesSavedPerMonth, note?} as given, uses unknown, with the documented answer fields', async () => {
    const res = await adopt(carol, tip.id, { minutesSavedPerMonth: 90, note: 'RPA から' });
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({ adoptions: 1, minutesSavedPerMonth: 90 });
    expect(body.mine).toMatchObject({ minutesSavedPerMonth: 90, usesPerMonth: null, minutesSavedPerUse: null, note: 'RPA から', department: '土木部' });
    // A member who first reported with uses and then sends the older body: the uses are no longer known.
    await adopt(bob, tip.id, { usesPerMonth: 4, minutesSavedPerUse: 15 });
    const old = await adopt(bob, tip.id, { minutesSavedPerMonth: 45 });
    expect(old.json().mine).toMatchObject({ minutesSavedPerMonth: 45, usesPerMonth: null, minutesSavedPerUse: null });
    // Both forms add up in the report.
    expect(await impact('?period=all')).toMatchObject({ adoptions: 2, minutesSavedPerMonth: 135 });
  });

  it('refuses mixed, half and impossible figures with a reason (400)', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ usesPerMonth: 4, minutesSavedPerUse: 15, minutesSavedPerMonth: 60 }, 'adoption_figures'],
      [{ usesPerMonth: 4 }, 'adoption_figures'],
      [{ minutesSavedPerUse: 15 }, 'adoption_figures'],
      [{ note: 'だけ' }, 'adoption_figures'],
      [{ usesPerMonth: 1000, minutesSavedPerUse: 60 }, 'adoption_too_much'],
      [{ usesPerMonth: -1, minutesSavedPerUse: 5 }, 'invalid_input'],
      [{ usesPerMonth: 2.5, minutesSavedPerUse: 5 }, 'invalid_input'],
      [{ usesPerMonth: '4', minutesSavedPerUse: 5, extra: 1 }, 'invalid_input'],
    ];
    for (const [payload, reason] of cases) {
      const res = await adopt(bob, tip.id, payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.json().reason, JSON.stringify(payload)).toBe(reason);
    }
    expect(t.db.prepare('SELECT count(*) AS n FROM adoptions').get()).toEqual({ n: 0 });
  });
});

describe('fiscal year (年度) on GET /api/impact and the CSV', () => {
  it('counts 31 March 23:59 JST in the ending year and 1 April 00:00 JST in the next', async () => {
    const tip2 = await postTip(t, author, { title: 'マクロ' });
    now = new Date('2027-03-31T14:59:59.000Z'); // 31 March 2027 23:59:59 JST → FY2026
    await adopt(bob, tip.id, { usesPerMonth: 2, minutesSavedPerUse: 30 });
    now = new Date('2027-03-31T15:00:00.000Z'); // 1 April 2027 00:00 JST → FY2027
    await adopt(carol, tip2.id, { usesPerMonth: 1, minutesSavedPerUse: 10 });
    now = new Date('2027-05-01T03:00:00.000Z');

    const fy2026 = await impact('?period=fy&fy=2026');
    expect(fy2026).toMatchObject({
      period: 'fy', fiscalYear: 2026, since: '2026-03-31T15:00:00.000Z', until: '2027-03-31T15:00:00.000Z',
      adoptions: 1, minutesSavedPerMonth: 60, byDepartment: [{ department: '税務課', adoptions: 1, minutesSavedPerMonth: 60 }],
    });
    expect(fy2026.byMonth.map((m: { month: string }) => m.month)).toEqual([
      '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11', '2026-12', '2027-01', '2027-02', '2027-03']);
    expect(fy2026.byMonth.at(-1)).toMatchObject({ month: '2027-03', adoptions: 1, minutesSavedPerMonth: 60, cumulativeMinutesSavedPerMonth: 60 });

    const fy2027 = await impact('?period=fy&fy=2027');
    expect(fy2027).toMatchObject({ fiscalYear: 2027, adoptions: 1, minutesSavedPerMonth: 10, byDepartment: [{ department: '土木部' }] });
    // The April column holds the 1 April report; the running total carries March's 60 in.
    expect(fy2027.byMonth[0]).toMatchObject({ month: '2027-04', adoptions: 1, minutesSavedPerMonth: 10, cumulativeMinutesSavedPerMonth: 70 });
    // Without fy: the current fiscal year (May 2027 → FY2027); years on offer from the first report's.
    expect(await impact('?period=fy')).toMatchObject({ fiscalYear: 2027, adoptions: 1, fiscalYears: [2027, 2026] });
    // Rolling periods are unchanged and carry no fiscal year.
    expect(await impact('?period=all')).toMatchObject({ period: 'all', fiscalYear: null, until: null, adoptions: 2 });
    expect((await impact('?period=fy&fy=2025')).adoptions).toBe(0);

    const csv = await t.as(bob, { method: 'GET', url: '/api/impact.csv?period=fy&fy=2026&table=departments' });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-disposition']).toMatch(/kotsu-impact-departments-fy2026-/);
    expect(csv.body).toContain('報告者の所属（報告時）,使ってみた報告（件）,削減時間（分/月）,削減時間（時間/月）');
    expect(csv.body).toContain('税務課,1,60,1');
    expect(csv.body).not.toContain('土木部');
  });

  it('refuses a fiscal year out of range (400)', async () => {
    for (const q of ['?period=fy&fy=1999', '?period=fy&fy=abc', '?period=fy&fy=2101']) {
      expect((await t.as(bob, { method: 'GET', url: `/api/impact${q}` })).statusCode, q).toBe(400);
    }
  });
});
