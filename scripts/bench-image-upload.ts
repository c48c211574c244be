/**
 * `npm run bench:image-upload` — whether the time of an upload tells a member that someone else
 * already stored the same bytes (issue 16 part 9). Member A uploads images; member B then
 * uploads, in alternation, A's bytes ("known") and bytes nobody stored ("new") of the same size,
 * through the whole API (content-type parser, file-type check, SHA-256, quota, SQLite on a
 * database file). Prints the median and p90 of each per size; the two should agree within noise.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { buildApp } from '../server/app';
import { loadConfig } from '../server/config';
import { openDatabase } from '../server/db/database';

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
let serial = 0;
const png = (size: number) => { const pad = Buffer.alloc(size - PNG.length); pad.writeUInt32BE(++serial, 0); return Buffer.concat([PNG, pad]); };

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kotsu-upload-'));
const dbPath = path.join(dir, 'kotsu.db');
const config = loadConfig({ ...process.env, KOTSU_AUTH: 'proxy' }, { dbPath, webRoot: null, writeLimitPerMinute: 1e6 });
const db = openDatabase(dbPath);
const app = await buildApp({ config: { ...config, imageQuotaDaily: 2 ** 40, imageQuotaTotal: 2 ** 40, imageSweepInterval: 0 }, db });
await app.ready();
const as = (user: string) => ({ 'x-remote-user': user, origin: config.publicUrl.origin, 'content-type': 'image/png' });
const upload = (user: string, body: Buffer) => app.inject({ method: 'POST', url: '/api/images', headers: as(user), payload: body });
for (const u of ['a', 'b']) await app.inject({ method: 'GET', url: '/api/me', headers: as(u) }); // the accounts first
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))];

const ROUNDS = Number(process.argv[process.argv.indexOf('--rounds') + 1]) || 30;
process.stdout.write(`load average at start ${os.loadavg().map((x) => x.toFixed(1)).join(' ')} on ${os.availableParallelism()} cores; ${ROUNDS} uploads of each kind per size\n`);
process.stdout.write(`${'size'.padEnd(10)} ${'known: median'.padStart(14)} ${'p90'.padStart(7)} ${'new: median'.padStart(12)} ${'p90'.padStart(7)}  statuses\n`);
/** `--sizes 1000000,5000000` to pick the sizes. */
const SIZES = process.argv.includes('--sizes') ? process.argv[process.argv.indexOf('--sizes') + 1].split(',').map(Number) : [50_000, 1_000_000, 5_000_000];
for (const size of SIZES) {
  const known: number[] = [];
  const fresh: number[] = [];
  const statuses = new Set<string>();
  for (let i = 0; i < ROUNDS + 3; i++) {
    const hers = png(size);
    if ((await upload('a', hers)).statusCode !== 201) throw new Error('A upload failed');
    // Alternate which kind goes first, so neither profits from a warmer cache.
    const order: ['known' | 'new', Buffer][] = i % 2 ? [['known', hers], ['new', png(size)]] : [['new', png(size)], ['known', hers]];
    for (const [kind, body] of order) {
      const t0 = performance.now();
      const res = await upload('b', body);
      const ms = performance.now() - t0;
      statuses.add(`${kind} ${res.statusCode}`);
      if (i >= 3) (kind === 'known' ? known : fresh).push(ms); // the first rounds warm up
    }
  }
  process.stdout.write(`${`${size / 1000} KB`.padEnd(10)} ${pct(known, 0.5).toFixed(2).padStart(14)} ${pct(known, 0.9).toFixed(2).padStart(7)} ` +
    `${pct(fresh, 0.5).toFixed(2).padStart(12)} ${pct(fresh, 0.9).toFixed(2).padStart(7)}  ${[...statuses].sort().join(', ')}\n`);
}
process.stdout.write(`load average at end ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}\n`);
await app.close();
db.close();
fs.rmSync(dir, { recursive: true, force: true });
