import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, expect, test, vi } from 'vitest';
import { buildApp } from '../../server/app';
import { loadConfig } from '../../server/config';
import { setPostStatus } from '../../server/posts/service';
import { createSearchPool } from '../../server/search/pool';
import { SearchHit, SearchResult } from '../../server/search/schemas';
import { search } from '../../server/search/service';
import { login, PASSWORD } from '../helpers/app';

let cleanup: (() => Promise<void>) | null = null;
afterEach(async () => { await cleanup?.(); cleanup = null; });

/** An app on a database file (so searches go to threads), set up and signed in as its admin; `threads`: a pool of its own too. */
async function fileApp(name: string, opts: { now?: Date; threads?: number } = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `kotsu-${name}-`));
  const config = loadConfig({}, { dbPath: path.join(dir, 'kotsu.db'), webRoot: null, scryptCost: 1024 });
  const now = opts.now;
  const app = await buildApp({ config, now: now ? () => now : undefined });
  const pool = opts.threads ? createSearchPool(config.dbPath, opts.threads) : null;
  cleanup = async () => { await pool?.close(); await app.close(); fs.rmSync(dir, { recursive: true, force: true }); };
  await app.inject({ method: 'POST', url: '/api/setup', payload: { username: 'admin', password: PASSWORD, displayName: '管理者' } });
  const cookie = await login(app, 'admin');
  const post = async (title: string) => (await app.inject({ method: 'POST', url: '/api/posts', headers: { cookie, origin: 'http://localhost:3000' }, payload: { title, body: `${title}の本文`, tags: ['検証'] } })).json().id as number;
  return { app, pool: pool!, cookie, post };
}

test('with a database file, searches run in the worker thread and see every committed write', async () => {
  const { app, cookie, post } = await fileApp('search-worker');
  const find = async (q: string) => {
    const res = await app.inject({ method: 'GET', url: `/api/search?q=${encodeURIComponent(q)}`, headers: { cookie, origin: 'http://localhost:3000' } });
    expect(res.statusCode, res.body).toBe(200);
    return (res.json().items as { id: number }[]).map((i) => i.id);
  };
  const a = await post('ピボットテーブルで集計');
  expect(await find('集計 ')).toEqual([a]);
  const b = await post('集計表の印刷');
  expect((await find('集計 ')).sort()).toEqual([a, b].sort());
  setPostStatus(app.ctx, a, 'hidden', 'test');
  expect(await find('集計 ')).toEqual([b]);
  const hostile = await app.inject({ method: 'GET', url: '/api/search?q=%22NEAR(%20-%3A*', headers: { cookie, origin: 'http://localhost:3000' } });
  expect(hostile.statusCode).toBe(200);
});

test('a pool of two threads answers searches side by side, each reply exactly what the main thread would send', async () => {
  const now = new Date('2026-10-01T00:00:00Z');
  const { app, pool, cookie } = await fileApp('search-pool', { now, threads: 2 });
  for (let i = 0; i < 12; i++) {
    const res = await app.inject({ method: 'POST', url: '/api/posts', headers: { cookie, origin: 'http://localhost:3000' }, payload: {
      title: `集計のコツ ${i}`, body: `ピボットテーブルで集計する <b>手順</b> ${i}。VLOOKUP関数も使う。`, tags: i % 2 ? ['Excel', '集計'] : ['印刷'],
    } });
    expect(res.statusCode, res.body).toBe(201);
  }
  const queries = [{ q: '集計' }, { q: 'vlo' }, { q: 'ピボット', tag: ['Excel'], facets: true }, { q: '手順 -印刷' }, { q: '集計', sort: 'new' as const, limit: 3, offset: 2 }, { q: 'zzz存在しない' }];
  // Both threads loaded (the synonym dictionary takes a moment), then sent all at once: each goes
  // to whichever thread is free, and both start idle, so both answer.
  pool.warm();
  await vi.waitFor(() => expect(pool.readyThreads()).toBe(2), { timeout: 60_000, interval: 50 });
  const replies = await Promise.all(queries.map((q) => pool.run(q, now)));
  expect(pool.answered().every((n) => n > 0), JSON.stringify(pool.answered())).toBe(true);
  expect(pool.answered().reduce((a, b) => a + b, 0)).toBe(queries.length);
  for (const [i, q] of queries.entries()) {
    const reply = JSON.parse(replies[i].toString());
    expect(reply, JSON.stringify(q)).toEqual(JSON.parse(JSON.stringify(search(app.ctx, q))));
    // Only the schema's fields, in its order: the route sends this text as the body unchecked.
    // Optional fields (facets, partial) only when the search has them; every required one always.
    expect(Object.keys(reply)).toEqual(Object.keys(SearchResult.properties).filter((k) => k in reply));
    for (const k of SearchResult.required ?? []) expect(reply, k).toHaveProperty(k);
    for (const hit of [...reply.items, ...(reply.partial ?? [])]) {
      expect(Object.keys(hit)).toEqual(Object.keys(SearchHit.properties).filter((k) => k in hit));
      for (const k of SearchHit.required ?? []) expect(hit, k).toHaveProperty(k);
    }
  }
  expect(JSON.parse(replies[0].toString()).total).toBe(12);
  expect(JSON.parse(replies[2].toString()).facets).toEqual([{ name: 'Excel', count: 6 }, { name: '集計', count: 6 }]);
  // Over HTTP the body is the worker's text, sent unchanged.
  const res = await app.inject({ method: 'GET', url: '/api/search?q=vlo', headers: { cookie, origin: 'http://localhost:3000' } });
  expect(res.statusCode).toBe(200);
  expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
  expect(res.json()).toEqual(JSON.parse(replies[1].toString()));
});

test('identical searches between two commits share one answer; any commit makes the next one see the change', async () => {
  const now = new Date('2026-10-01T00:00:30Z');
  const { app, pool, cookie, post } = await fileApp('search-cache', { now, threads: 1 });
  const ids = async (q: string) => (JSON.parse((await pool.run({ q }, now)).toString()).items as { id: number; title: string }[]);
  const a = await post('集計表の作り方');
  expect((await ids('集計')).map((h) => h.id)).toEqual([a]);
  // The same search again, nothing written: answered from the cache, the same answer.
  expect((await ids('集計')).map((h) => h.id)).toEqual([a]);
  expect(pool.cached()).toBe(1);
  // A new tip commits: the identical search is computed again and finds it.
  const b = await post('集計の自動化');
  expect((await ids('集計')).map((h) => h.id).sort()).toEqual([a, b].sort());
  expect(pool.cached()).toBe(1);
  // Hiding one, then editing the other's title: each commit shows in the next identical search.
  setPostStatus(app.ctx, a, 'hidden', 'test');
  expect((await ids('集計')).map((h) => h.id)).toEqual([b]);
  const edit = await app.inject({ method: 'PATCH', url: `/api/posts/${b}`, headers: { cookie, origin: 'http://localhost:3000' }, payload: { title: '集計の自動化 改訂', body: '本文', tags: ['検証'] } });
  expect(edit.statusCode, edit.body).toBe(200);
  expect((await ids('集計')).map((h) => h.title)).toEqual(['集計の自動化 改訂']);
  expect(await ids('集計')).toHaveLength(1);
  expect(pool.cached()).toBe(2);
  // Another minute: the clock is part of the ranking, so it is not served from the last minute.
  await pool.run({ q: '集計' }, new Date('2026-10-01T00:01:00Z'));
  expect(pool.cached()).toBe(2);
});

test('a search thread loads what a search reads only: no renderer, mailer, highlighter or whole app context', async () => {
  // Each thread is an isolate of its own: every module it loads is paid once per thread (docs/search.md, Serving: memory).
  const esbuild = await import('esbuild');
  const root = path.resolve(import.meta.dirname, '..', '..');
  const result = await esbuild.build({
    entryPoints: [path.join(root, 'server/search/worker.ts')], bundle: true, write: false, outdir: os.tmpdir(), platform: 'node', format: 'esm',
    packages: 'external', metafile: true, absWorkingDir: root, logLevel: 'silent',
  });
  const inputs = Object.keys(result.metafile.inputs);
  const externals = Object.values(result.metafile.outputs).flatMap((o) => o.imports.filter((i) => i.external).map((i) => i.path));
  expect(inputs).toContain('server/search/service.ts');
  expect(inputs.filter((f) => /^server\/(context|app|markdown\/|mail\/|revisions\/diff)/.test(f))).toEqual([]);
  expect(externals.filter((p) => /^(markdown-it|highlight\.js|nodemailer|fastify|@fastify\/)/.test(p))).toEqual([]);
  expect(externals).toContain('minisearch/SearchableMap');
});
