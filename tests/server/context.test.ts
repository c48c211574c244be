import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { loadConfig } from '../../server/config';
import { createContext, type Context } from '../../server/context';
import { openDatabase, type Database } from '../../server/db/database';
import { createPost, deletePost, setPostStatus, updatePost } from '../../server/posts/service';
import { search, suggest } from '../../server/search/service';
import { createAccount } from '../../server/users/service';

// Domain wiring lives in the context (issue 17): a script that writes tips through a context,
// with no HTTP app built, keeps the search index, suggestions and view windows in step.

const open: { ctx: Context; db: Database; dir?: string }[] = [];
afterEach(async () => {
  for (const o of open.splice(0)) {
    await o.ctx.close();
    o.db.close();
    if (o.dir) fs.rmSync(o.dir, { recursive: true, force: true });
  }
});

async function context(dbPath = ':memory:', env: Record<string, string> = {}) {
  const db = openDatabase(dbPath);
  const ctx = createContext(db, loadConfig(env, { dbPath, webRoot: null, scryptCost: 1024 }));
  open.push({ ctx, db, dir: dbPath === ':memory:' ? undefined : path.dirname(dbPath) });
  const author = await createAccount(ctx, { username: 'tanaka', password: 'a long enough password', displayName: '田中', department: '税務課' });
  return { ctx, author };
}

const ids = (ctx: Context, q: string) => search(ctx, { q }).items.map((i) => i.id);

test('a tip written through the context alone is searchable, and its edits, hiding and deletion follow', async () => {
  const { ctx, author } = await context();
  const tip = createPost(ctx, author, { title: '差し込み印刷で宛名ラベルを作る', body: 'Word の差し込み文書から Excel の住所録を読む。', tags: ['Word'] });
  expect(ids(ctx, '宛名ラベル')).toEqual([tip.id]);
  expect(ids(ctx, '住所録')).toEqual([tip.id]);
  expect(suggest(ctx, '差し込み').posts.map((t) => t.id)).toContain(tip.id);

  updatePost(ctx, author, tip.id, { title: '差し込み印刷で封筒に印刷する', body: '封筒の向きに注意。', tags: ['Word'] });
  expect(ids(ctx, '宛名ラベル')).toEqual([]);
  expect(ids(ctx, '封筒')).toEqual([tip.id]);

  setPostStatus(ctx, tip.id, 'hidden', 'test');
  expect(ids(ctx, '封筒')).toEqual([]);
  setPostStatus(ctx, tip.id, 'published', null);
  expect(ids(ctx, '封筒')).toEqual([tip.id]);

  deletePost(ctx, author, tip.id);
  expect(ids(ctx, '封筒')).toEqual([]);
});

test('two contexts on two databases each follow only their own writes', async () => {
  const a = await context();
  const b = await context();
  const tip = createPost(a.ctx, a.author, { title: 'ピボットテーブルの集計', body: '集計の手順。', tags: ['Excel'] });
  expect(ids(a.ctx, 'ピボット')).toEqual([tip.id]);
  expect(ids(b.ctx, 'ピボット')).toEqual([]);
});

test('on a database file the context owns the search threads, which see its writes, and closes them', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kotsu-context-'));
  const { ctx, author } = await context(path.join(dir, 'kotsu.db'), { KOTSU_SEARCH_WORKERS: '1' });
  expect(ctx.searchPool?.size).toBe(1);
  const tip = createPost(ctx, author, { title: 'PDFの墨消しは本当に消えているか', body: '黒い四角を重ねただけでは消えない。', tags: ['PDF'] });
  const reply = JSON.parse((await ctx.searchPool!.run({ q: '墨消し' }, new Date())).toString()) as { items: { id: number }[] };
  expect(reply.items.map((i) => i.id)).toEqual([tip.id]);

  const off = await context(path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'kotsu-context-')), 'kotsu.db'), { KOTSU_SEARCH_WORKER: '0' });
  expect(off.ctx.searchPool).toBeNull();
  await ctx.close();
  await expect(ctx.searchPool!.run({ q: '墨消し' }, new Date())).rejects.toThrow(/closed/);
});
