import { describe, expect, it } from 'vitest';
import { useTestApp } from '../helpers/fixture';

const { t, users: { sato, tanaka, gone } } = useTestApp({
  users: {
    sato: { displayName: '佐藤 花子', department: '税務課' },
    jiro: { displayName: '佐藤 次郎', department: '財政課' },
    tanaka: { displayName: '田中 花子', department: '税務課' },
    gone: { displayName: '佐藤 退職', department: '人事課' },
  },
});

const find = async (q: string) => {
  const res = await t.as(tanaka, { method: 'GET', url: `/api/people?q=${encodeURIComponent(q)}` });
  expect(res.statusCode, q).toBe(200);
  return (res.json().items as { username: string }[]).map((u) => u.username);
};

describe('GET /api/people: members found by the names colleagues know them by', () => {
  it('finds by family name, given name, whole name with or without the space, and login name; never a suspended member', async () => {
    expect((await t.as(t.admin, { method: 'PATCH', url: `/api/users/${gone.id}`, payload: { suspended: true } })).statusCode).toBe(200);
    expect((await find('佐藤')).sort()).toEqual(['jiro', 'sato']);
    // A given name finds everyone who has it.
    expect((await find('花子')).sort()).toEqual(['sato', 'tanaka']);
    for (const q of ['佐藤花子', '佐藤 花子', '＠佐藤　花子', '@佐藤花']) expect(await find(q), q).toEqual(['sato']);
    expect(await find('SAT')).toEqual(['sato']);
    expect(await find('退職')).toEqual([]);
    expect(await find('ta')).toEqual(['tanaka']);
    const res = await t.as(sato, { method: 'GET', url: '/api/people?q=%E7%94%B0%E4%B8%AD' });
    expect(res.json()).toEqual({ items: [{ id: tanaka.id, username: 'tanaka', displayName: '田中 花子', department: '税務課' }] });
  });

  it('takes at most `limit`, refuses an empty text, and answers only members signed in', async () => {
    expect((await t.as(tanaka, { method: 'GET', url: '/api/people?q=%E4%BD%90%E8%97%A4&limit=1' })).json().items).toHaveLength(1);
    expect((await t.as(tanaka, { method: 'GET', url: '/api/people?q=' })).statusCode).toBe(400);
    expect((await t.as(tanaka, { method: 'GET', url: '/api/people?q=a&limit=21' })).statusCode).toBe(400);
    expect((await t.as(null, { method: 'GET', url: '/api/people?q=a' })).statusCode).toBe(401);
  });
});
