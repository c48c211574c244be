import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { buildApp } from '../../server/app';
import { loadConfig } from '../../server/config';
import { setPostStatus } from '../../server/posts/service';
import { login, PASSWORD } from '../helpers/app';

let cleanup: (() => Promise<void>) | null = null;
afterEach(async () => { await cleanup?.(); cleanup = null; });

test('with a database file, searches run in the worker thread and see every committed write', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kotsu-search-worker-'));
  const config = loadConfig({}, { dbPath: path.join(dir, 'kotsu.db'), webRoot: null, scryptCost: 1024 });
  const app = await buildApp({ config });
  cleanup = async () => { await app.close(); fs.rmSync(dir, { recursive: true, force: true }); };
  await app.inject({ method: 'POST', url: '/api/setup', payload: { username: 'admin', password: PASSWORD, displayName: '管理者' } });
  const cookie = await login(app, 'admin');
  const post = async (title: string) => (await app.inject({ method: 'POST', url: '/api/posts', headers: { cookie }, payload: { title, body: `${title}の本文`, tags: ['検証'] } })).json().id as number;
  const find = async (q: string) => {
    const res = await app.inject({ method: 'GET', url: `/api/search?q=${encodeURIComponent(q)}`, headers: { cookie } });
    expect(res.statusCode, res.body).toBe(200);
    return (res.json().items as { id: number }[]).map((i) => i.id);
  };
  const a = await post('ピボットテーブルで集計');
  expect(await find('集計 ')).toEqual([a]);
  const b = await post('集計表の印刷');
  expect((await find('集計 ')).sort()).toEqual([a, b].sort());
  setPostStatus(app.ctx, a, 'hidden', 'test');
  expect(await find('集計 ')).toEqual([b]);
  const hostile = await app.inject({ method: 'GET', url: '/api/search?q=%22NEAR(%20-%3A*', headers: { cookie } });
  expect(hostile.statusCode).toBe(200);
});
