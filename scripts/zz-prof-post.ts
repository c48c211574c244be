import { buildApp } from '../server/app';
import { loadConfig } from '../server/config';
import { openDatabase } from '../server/db/database';
import { performance } from 'node:perf_hooks';
const N = 100_000;
const config = loadConfig({ KOTSU_AUTH: 'proxy' }, { dbPath: ':memory:', webRoot: null, writeLimitPerMinute: 1e6 });
const headers = { 'x-remote-user': 'bench', origin: config.publicUrl.origin };
const app = await buildApp({ config: { ...config, renderWorkers: 1 }, db: openDatabase(':memory:') });
await app.inject({ method: 'GET', url: '/api/me', headers });
const bodies: Record<string, string> = { '~~**': '~~**'.repeat(N / 4), table: `|a|b|\n|-|-|\n${'|x|y|\n'.repeat(N / 7)}`, refs: '[a]: b\n'.repeat(N / 7), '_*': '_*'.repeat(N / 2) };
for (const [name, body] of Object.entries(bodies)) {
  for (let i = 0; i < 3; i++) {
    let last = performance.now(); let gap = 0;
    const ticker = setInterval(() => { const now = performance.now(); gap = Math.max(gap, now - last); last = now; }, 1);
    const t0 = performance.now();
    const res = await app.inject({ method: 'POST', url: '/api/posts', headers, payload: { title: name, body, tags: [] } });
    const ms = performance.now() - t0;
    await new Promise((r) => setTimeout(r, 5)); clearInterval(ticker);
    console.log(name, res.statusCode, 'html', res.json().html?.length, 'total', ms.toFixed(0), 'max gap', gap.toFixed(0));
  }
}
await app.close();
