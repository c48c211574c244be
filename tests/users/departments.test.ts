import { afterEach, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/app';
import { loadConfig } from '../../server/config';
import { openDatabase, type Database } from '../../server/db/database';
import { normalizeDepartment } from '../../server/users/department';
import { createTestApp, postTip, type TestApp } from '../helpers/app';

/**
 * One spelling a department (users/department.ts): ＤＸ推進課 typed with full-width letters, DX推進課
 * from the directory and ｿｳﾑ課 from an old CSV are the same departments, and rankings and time saved
 * by department count each once, whichever way a member's department arrived.
 */
const SPELLINGS: [string, string][] = [
  ['ＤＸ推進課', 'DX推進課'], [' DX推進課 ', 'DX推進課'], ['ｿｳﾑ課', 'ソウム課'], ['総務部\u3000総務課', '総務部 総務課'],
  ['ＩＴ政策課', 'IT政策課'], ['第１係', '第1係'], ['税務課', '税務課'],
];

describe('departments', () => {
  let t: TestApp | undefined;
  let db: Database | undefined;
  afterEach(async () => { await t?.close(); t = undefined; db?.close(); db = undefined; });

  it('are stored in one spelling however an administrator types them, and counted once by department', async () => {
    t = await createTestApp();
    for (const [i, [typed, stored]] of SPELLINGS.entries()) {
      const u = await t.user(`m${i}`, { department: typed });
      expect((t.db.prepare('SELECT department FROM users WHERE id = ?').pluck().get(u.id)), typed).toBe(stored);
      const res = await t.as(t.admin, { method: 'PATCH', url: `/api/users/${u.id}`, payload: { department: typed } });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().department, typed).toBe(stored);
    }
    // Two members of one department typed two ways: one row in the time saved by department.
    const a = await t.user('full', { department: 'ＤＸ推進課' });
    const b = await t.user('half', { department: 'DX推進課' });
    const tip = await postTip(t, t.admin, { title: '集計マクロ' });
    for (const u of [a, b]) expect((await t.as(u, { method: 'POST', url: `/api/posts/${tip.id}/adoptions`, payload: { minutesSavedPerMonth: 30 } })).statusCode).toBe(201);
    const impact = (await t.as(a, { method: 'GET', url: '/api/impact' })).json();
    expect(impact.byDepartment).toEqual([expect.objectContaining({ department: 'DX推進課', adoptions: 2, minutesSavedPerMonth: 60 })]);
  });

  it('from the staff import: a row with the department spelt otherwise is unchanged, a new one stored normalized', async () => {
    t = await createTestApp();
    await t.user('suzuki', { department: 'DX推進課', displayName: '鈴木' });
    const csv = 'ユーザー名,氏名,所属\r\nsuzuki,鈴木,ＤＸ推進課\r\ntanaka,田中,ｿｳﾑ課\r\n';
    const res = await t.as(t.admin, { method: 'POST', url: '/api/users/import', headers: { 'content-type': 'text/csv' }, payload: Buffer.from(csv) });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().rows.map((r: { username: string; action: string }) => [r.username, r.action])).toEqual([['suzuki', 'unchanged'], ['tanaka', 'create']]);
    expect(t.db.prepare("SELECT department FROM users WHERE username = 'tanaka'").pluck().get()).toBe('ソウム課');
  });

  it('from the proxy\'s header: stored normalized, and the same department sent otherwise is no change', async () => {
    db = openDatabase(':memory:');
    const app = await buildApp({ db, config: loadConfig({ KOTSU_AUTH: 'proxy' }, { dbPath: ':memory:', webRoot: null, scryptCost: 1024 }) });
    try {
      const me = (department: string) => app.inject({ method: 'GET', url: '/api/me', headers: { 'x-remote-user': 'sato', 'x-remote-department': encodeURIComponent(department) } });
      expect((await me('ＤＸ推進課')).json().department).toBe('DX推進課');
      const stamp = db.prepare("SELECT updated_at FROM users WHERE username = 'sato'").pluck().get();
      await new Promise((r) => setTimeout(r, 5));
      expect((await me('ＤＸ推進課')).json().department).toBe('DX推進課');
      expect(db.prepare("SELECT updated_at FROM users WHERE username = 'sato'").pluck().get()).toBe(stamp);
    } finally {
      await app.close();
    }
  });

  it('stored before this rule, are made one spelling at the next start', async () => {
    db = openDatabase(':memory:');
    const config = loadConfig({}, { dbPath: ':memory:', webRoot: null, scryptCost: 1024 });
    const first = await buildApp({ db, config });
    const u = first.ctx.users.insert({ username: 'old', passwordHash: null, displayName: '旧', department: 'x', role: 'member' });
    const author = first.ctx.users.insert({ username: 'au', passwordHash: null, displayName: '著', department: 'x', role: 'member' });
    const postId = first.ctx.posts.insert({ authorId: author.id, title: 't', body: 'b', html: '<p>b</p>' }, new Date().toISOString());
    // As an older version wrote them: the department as it came.
    for (const [typed] of SPELLINGS) {
      db.prepare('UPDATE users SET department = ? WHERE id = ?').run(typed, u.id);
      db.prepare("INSERT OR REPLACE INTO adoptions (post_id, user_id, department, minutes_saved_per_month, created_at, updated_at) VALUES (?, ?, ?, 10, '2026-01-01', '2026-01-01')").run(postId, u.id, typed);
      const again = await buildApp({ db, config });
      expect(db.prepare('SELECT department FROM users WHERE id = ?').pluck().get(u.id), typed).toBe(normalizeDepartment(typed));
      expect(db.prepare('SELECT department FROM adoptions WHERE user_id = ?').pluck().get(u.id), typed).toBe(normalizeDepartment(typed));
      await again.close();
    }
    await first.close();
  });
});
