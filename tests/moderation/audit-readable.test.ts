import { parse } from 'csv-parse/sync';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, postTip, type TestApp } from '../helpers/app';
import { hide, ok } from './helpers';

let t: TestApp;
afterEach(async () => { await t?.close(); });

describe('a readable audit log', () => {
  it('records the first-run set-up and names the targets (tips, people)', async () => {
    t = await createTestApp();
    const author = await t.user('author', { displayName: '佐藤 花子' });
    const tip = await postTip(t, author, { title: '差し込み印刷の手順' });
    await hide(t, t.admin, tip.id);
    const items = (await ok(t, t.admin, 200, { method: 'GET', url: '/api/moderation/audit?limit=50' })).items as
      { action: string; targetType: string; targetId: number; targetLabel: string | null; actor: { username: string } }[];
    const setup = items.find((i) => i.action === 'setup.admin');
    expect(setup).toMatchObject({ actor: { username: 'admin' }, targetType: 'user', targetLabel: '管理者' });
    expect(items.find((i) => i.action === 'user.create')).toMatchObject({ targetLabel: '佐藤 花子' });
    expect(items.find((i) => i.action === 'post.hide')).toMatchObject({ targetId: tip.id, targetLabel: '差し込み印刷の手順' });
  });

  it('exports the filtered log as CSV through the one Excel-safe encoder', async () => {
    t = await createTestApp();
    const author = await t.user('author');
    const tip = await postTip(t, author, { title: '=SUM(A1:A3) の落とし穴' });
    await hide(t, t.admin, tip.id);
    const res = await t.as(t.admin, { method: 'GET', url: '/api/moderation/audit.csv?action=post.hide' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/csv/);
    expect(res.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const rows = parse(res.rawPayload.subarray(3).toString('utf8')) as string[][];
    expect(rows[0]).toEqual(['日時', '操作者', 'ユーザー名', '操作', '対象の種類', '対象ID', '対象', '詳細', 'URL']);
    expect(rows).toHaveLength(2);
    expect(rows[1].slice(1, 7)).toEqual(['管理者', 'admin', 'post.hide', 'post', String(tip.id), "'=SUM(A1:A3) の落とし穴"]);
    expect(rows[1][8]).toMatch(new RegExp(`/tips/${tip.id}$`));
    const member = await t.as(author, { method: 'GET', url: '/api/moderation/audit.csv' });
    expect(member.statusCode).toBe(403);
  });
});
