/**
 * `npm run bench:write`: how long writing a tip takes once the wiki is large. Builds the app on
 * a temporary database holding N published tips (default 100,000) that share a few popular tags,
 * then times createPost, updatePost (tags changed) and hide/restore through the services, so every
 * listener (search index, counters, revisions) runs as in production.
 * Usage: npm run bench:write [-- --tips 100000 --runs 200]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { buildApp } from '../server/app';
import { loadConfig } from '../server/config';
import { createPost, setPostStatus, updatePost } from '../server/posts/service';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}

const TIPS = arg('tips', 100_000);
const RUNS = arg('runs', 200);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kotsu-bench-write-'));
const config = loadConfig({}, { dbPath: path.join(dir, 'kotsu.db'), webRoot: null, scryptCost: 1024 });
const app = await buildApp({ config });
const { ctx } = app;
const author = ctx.users.insert({ username: 'bench', passwordHash: null, displayName: 'ベンチ', department: '総務課', role: 'member' });

// The base data goes in with plain SQL in one transaction: it is the background, not what is timed.
const started = performance.now();
const popular = ctx.tags.resolve(['Excel', '関数', 'VBA', 'RPA', 'PDF']);
const rare = ctx.tags.resolve(Array.from({ length: 200 }, (_, i) => `タグ${i}`));
const insertPost = ctx.db.prepare(`INSERT INTO posts (author_id, title, body, html, status, created_at, updated_at)
  VALUES (?, ?, ?, ?, 'published', ?, ?)`);
const link = ctx.db.prepare('INSERT INTO post_tags (post_id, tag_id, position) VALUES (?, ?, ?)');
ctx.db.transaction(() => {
  const at = new Date('2026-01-01T00:00:00Z').toISOString();
  for (let i = 0; i < TIPS; i++) {
    const id = Number(insertPost.run(author.id, `既存のコツ ${i}`, '本文', '<p>本文</p>', at, at).lastInsertRowid);
    link.run(id, popular[i % 2].id, 0);
    link.run(id, rare[i % rare.length].id, 1);
  }
})();
process.stdout.write(`${TIPS.toLocaleString()} tips in place in ${((performance.now() - started) / 1000).toFixed(1)} s; ` +
  `"${popular[0].name}" and "${popular[1].name}" have ${(TIPS / 2).toLocaleString()} tips each\n`);

function time(label: string, fn: (i: number) => void): void {
  const ms: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    fn(i);
    ms.push(performance.now() - t0);
  }
  ms.sort((a, b) => a - b);
  const q = (p: number) => ms[Math.min(ms.length - 1, Math.floor(p * ms.length))].toFixed(2);
  process.stdout.write(`${label.padEnd(34)} p50 ${q(0.5)} ms  p95 ${q(0.95)} ms  max ${q(1)} ms\n`);
}

const ids: number[] = [];
time('createPost (Excel, 関数)', (i) => {
  ids.push(createPost(ctx, author, { title: `新しいコツ ${i}`, body: `VLOOKUP の使い方 ${i}`, tags: ['Excel', '関数'] }).id);
});
time('updatePost (tags → VBA, RPA)', (i) => { updatePost(ctx, author, ids[i], { tags: ['VBA', 'RPA'] }); });
time('hide then restore', (i) => {
  setPostStatus(ctx, ids[i], 'hidden', 'bench');
  setPostStatus(ctx, ids[i], 'published', null);
});
const excel = ctx.tags.byName('Excel')!;
const truth = ctx.db.prepare(`SELECT count(*) FROM post_tags pt JOIN posts p ON p.id = pt.post_id
  WHERE pt.tag_id = ? AND p.status = 'published'`).pluck().get(excel.id) as number;
process.stdout.write(`tag count check: Excel stored ${excel.post_count}, actual ${truth}\n`);
await app.close();
fs.rmSync(dir, { recursive: true, force: true });
