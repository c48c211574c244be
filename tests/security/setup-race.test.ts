import { afterEach, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/app';
import { loadConfig } from '../../server/config';
import { openDatabase, type Database } from '../../server/db/database';
import { PASSWORD } from '../helpers/app';

/**
 * First-run setup is public (there is nobody to sign in yet): however many requests race for it,
 * exactly one administrator is made and every other request gets 409, whether the race is won
 * while another's password is still being hashed or after.
 */
let close: (() => Promise<void>) | undefined;
afterEach(async () => { await close?.(); close = undefined; });

describe('POST /api/setup raced', () => {
  it('makes one administrator, the rest 409', async () => {
    const db: Database = openDatabase(':memory:');
    const app = await buildApp({ config: loadConfig({}, { dbPath: ':memory:', webRoot: null, scryptCost: 16384, loginMaxPerAddress: 1e6 }), db });
    close = async () => { await app.close(); db.close(); };
    const answers = await Promise.all(Array.from({ length: 8 }, (_, i) => app.inject({
      method: 'POST', url: '/api/setup', payload: { username: `admin${i}`, password: PASSWORD, displayName: `管理者${i}` },
    })));
    const statuses = answers.map((a) => a.statusCode).sort();
    expect(statuses).toEqual([201, 409, 409, 409, 409, 409, 409, 409]);
    expect(db.prepare('SELECT count(*) FROM users').pluck().get()).toBe(1);
    for (const a of answers.filter((x) => x.statusCode === 409)) expect(a.json().error).toBe('conflict');
  });
});
