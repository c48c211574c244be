import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../server/app';
import { loadConfig, type Config } from '../../server/config';
import { openDatabase, type Database } from '../../server/db/database';
import { PASSWORD } from '../helpers/app';

/** An app whose JSON log lines are kept, so tests can read what was logged. */
export async function loggedApp(config: Partial<Config> = {}, env: Record<string, string> = {}):
  Promise<{ app: FastifyInstance; db: Database; lines: string[]; close(): Promise<void> }> {
  const lines: string[] = [];
  const stream = new Writable({ write(chunk: Buffer, _enc, done) { lines.push(...chunk.toString().split('\n').filter(Boolean)); done(); } });
  const db = openDatabase(':memory:');
  const app = await buildApp({
    config: loadConfig(env, { dbPath: ':memory:', webRoot: null, scryptCost: 1024, ...config }),
    db,
    logger: { level: 'info', stream },
  });
  const setup = await app.inject({ method: 'POST', url: '/api/setup', payload: { username: 'admin', password: PASSWORD, displayName: '管理者' } });
  if (setup.statusCode !== 201) throw new Error(setup.body);
  return { app, db, lines, async close() { await app.close(); db.close(); } };
}

export const cookieOf = (res: { headers: Record<string, unknown> }) => {
  const set = res.headers['set-cookie'];
  return String(Array.isArray(set) ? set[0] : set).split(';')[0];
};

/** An app in proxy mode (identity from the trusted header); no set-up, users appear on first sight. */
export async function proxyApp(env: Record<string, string> = {}, config: Partial<Config> = {}) {
  const db = openDatabase(':memory:');
  const app = await buildApp({
    config: loadConfig({ KOTSU_AUTH: 'proxy', ...env }, { dbPath: ':memory:', webRoot: null, scryptCost: 1024, ...config }),
    db,
  });
  return { app, db, async close() { await app.close(); db.close(); } };
}
