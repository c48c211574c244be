import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/app';
import { loadConfig } from '../../server/config';
import { openDatabase, type Database } from '../../server/db/database';
import { loginKey, parseLoginName } from '../../server/users/identity';
import { createTestApp, PASSWORD, type TestApp } from '../helpers/app';

/** What a proxy sends: the name's UTF-8 bytes, which Node reads as Latin-1 text. */
const wire = (name: string) => Buffer.from(name, 'utf8').toString('latin1');
const asciiLower = (s: string) => s.replace(/[A-Z]/g, (c) => c.toLowerCase());

// Characters that look like, or fold into, ordinary login-name characters.
const LOOKALIKES = [
  'ª', 'º', 'ｓ', 'Ａ', 'ａ', '１', '①', 'ｻ', 'ﾄ', 'ｳ', 'ﬁ', 'Ⅻ', '\u00a0', '\u3000', '\u2002', '\u200b', '\u200d',
  '\u0301', 'é', 'e\u0301', 'а', 'о', 'Ѕ', 'İ', 'ı', 'ß', 'ſ', 'K', 'Å', 'Ω', '佐', '藤', '髙', '﨑', 'ä', 'Ä',
];
const nameChar = fc.oneof(
  fc.constantFrom(...'abcsatoSATOxyz019._@-'.split('')),
  fc.constantFrom(...LOOKALIKES),
);
const rawName = fc.array(nameChar, { minLength: 1, maxLength: 8 }).map((cs) => cs.join(''));

describe('login name rule', () => {
  it('distinct accepted names never share a key; accepted names hold no compatibility character or space', () => {
    fc.assert(fc.property(rawName, rawName, (a, b) => {
      const pa = parseLoginName(a);
      const pb = parseLoginName(b);
      if (pa.ok) {
        expect(pa.name.normalize('NFKC')).toBe(pa.name);
        expect(pa.name).not.toMatch(/\s|\u200b|\u200d/u);
      }
      if (pa.ok && pb.ok) {
        // The one documented fold: ASCII case. Anything else distinct stays distinct.
        expect(pa.key === pb.key).toBe(asciiLower(pa.name) === asciiLower(pb.name));
      }
    }), { numRuns: 3000 });
  });

  it('refuses look-alikes instead of folding them', () => {
    for (const name of ['ªdmin', 'ｓａｔｏ', 'sato\u00a0', 'sato\u3000', 'ｻﾄｳ', 'watanabe①', 'ﬁle', 'sa\u200bto', ' ']) {
      expect(parseLoginName(name).ok, name).toBe(false);
    }
    expect(parseLoginName(' sato\t')).toEqual({ ok: true, name: 'sato', key: 'sato' });
    expect(parseLoginName('Sato').ok && loginKey('Sato')).toBe('sato');
    // Canonical equivalents are one name; non-ASCII case is not folded.
    expect(loginKey('re\u0301ka')).toBe(loginKey('réka'));
    expect(loginKey('Äbe')).not.toBe(loginKey('äbe'));
  });
});

describe('proxy identities', () => {
  let db: Database | undefined;
  let apps: { close(): Promise<unknown> }[] = [];
  afterEach(async () => {
    for (const a of apps) await a.close();
    apps = [];
    db?.close();
    db = undefined;
  });
  const proxy = async (admins: string) => {
    db ??= openDatabase(':memory:');
    const app = await buildApp({
      db, config: loadConfig({ KOTSU_AUTH: 'proxy', KOTSU_ADMINS: admins }, { dbPath: ':memory:', webRoot: null, scryptCost: 1024 }),
    });
    apps.push(app);
    return app;
  };
  const me = (app: Awaited<ReturnType<typeof proxy>>, name: string) =>
    app.inject({ method: 'GET', url: '/api/me', headers: { 'x-remote-user': wire(name) } });

  it('two different names from the directory never become one account (property over the HTTP path)', async () => {
    const app = await proxy('');
    const seen = new Map<number, string>();
    await fc.assert(fc.asyncProperty(rawName, async (name) => {
      const res = await me(app, name);
      const parsed = parseLoginName(name);
      if (!parsed.ok) {
        expect(res.statusCode).toBe(401);
        return;
      }
      expect(res.statusCode).toBe(200);
      const { id, username } = res.json();
      const earlier = seen.get(id);
      if (earlier !== undefined) expect(asciiLower(earlier)).toBe(asciiLower(parsed.name));
      else seen.set(id, parsed.name);
      expect(asciiLower(username)).toBe(asciiLower(parsed.name));
    }), { numRuns: 400 });
    expect(seen.size).toBeGreaterThan(10);
  });

  it('refuses look-alikes of an existing account with 401 and creates nothing', async () => {
    const app = await proxy('');
    const sato = await me(app, 'sato');
    expect(sato.statusCode).toBe(200);
    for (const name of ['ｓａｔｏ', 'sato\u00a0', 'sato\u3000', 'ｓato', 'sat\u200bo']) {
      expect((await me(app, name)).statusCode, name).toBe(401);
    }
    // Bytes that are not UTF-8 (ª sent as Latin-1) are refused too.
    expect((await app.inject({ method: 'GET', url: '/api/me', headers: { 'x-remote-user': 'sato\u00aa' } })).statusCode).toBe(401);
    expect(db!.prepare('SELECT count(*) FROM users').pluck().get()).toBe(1);
    // Non-ASCII names that pass the rule are accounts of their own.
    const kanji = await me(app, '佐藤');
    expect(kanji.statusCode).toBe(200);
    expect(kanji.json().username).toBe('佐藤');
    expect(kanji.json().id).not.toBe(sato.json().id);
    expect((await me(app, 'SATO')).json().id).toBe(sato.json().id);
  });

  it('KOTSU_ADMINS is the one source of administrators: removing a name demotes at the next start', async () => {
    let app = await proxy('boss, Other');
    expect((await me(app, 'BOSS')).json().role).toBe('admin');
    expect((await me(app, 'other')).json().role).toBe('admin');
    expect((await me(app, 'ｂｏｓｓ')).statusCode).toBe(401);
    const worker = (await me(app, 'worker')).json();
    expect(worker.role).toBe('member');
    const adminHeaders = { 'x-remote-user': 'boss', origin: 'http://localhost:3000' };
    // Granting or taking the administrator role in the app is refused in proxy mode.
    const grant = await app.inject({ method: 'PATCH', url: `/api/users/${worker.id}`, headers: adminHeaders, payload: { role: 'admin' } });
    expect(grant.statusCode).toBe(409);
    const other = (await me(app, 'other')).json();
    expect((await app.inject({ method: 'PATCH', url: `/api/users/${other.id}`, headers: adminHeaders, payload: { role: 'member' } })).statusCode).toBe(409);
    // Moderators are still the app's to set.
    expect((await app.inject({ method: 'PATCH', url: `/api/users/${worker.id}`, headers: adminHeaders, payload: { role: 'moderator' } })).statusCode).toBe(200);
    const list = await app.inject({ method: 'GET', url: '/api/users?limit=100', headers: adminHeaders });
    const source = Object.fromEntries(list.json().items.map((u: { username: string; roleSource: string }) => [u.username, u.roleSource]));
    expect(source).toEqual({ BOSS: 'KOTSU_ADMINS', other: 'KOTSU_ADMINS', worker: 'app' });

    // Next start: "other" is no longer listed.
    await app.close();
    apps = [];
    app = await proxy('boss');
    const roles = Object.fromEntries((db!.prepare('SELECT username, role FROM users').all() as { username: string; role: string }[])
      .map((u) => [u.username, u.role]));
    expect(roles).toEqual({ BOSS: 'admin', other: 'member', worker: 'moderator' });
    const audit = db!.prepare("SELECT actor_id, detail FROM audit_log WHERE action = 'user.role' AND detail LIKE '%KOTSU_ADMINS%'").all() as { actor_id: number | null; detail: string }[];
    expect(audit).toHaveLength(1);
    expect(audit[0].actor_id).toBeNull();
    expect((await me(app, 'other')).json().role).toBe('member');
  });
});

describe('local accounts and the staff import use the same rule', () => {
  let t: TestApp | undefined;
  afterEach(async () => { await t?.close(); t = undefined; });

  it('the admin API refuses look-alike names and keeps canonical equivalents as one name', async () => {
    t = await createTestApp();
    const create = (username: string) => t!.as(t!.admin, { method: 'POST', url: '/api/users',
      payload: { username, password: PASSWORD, displayName: 'x' } });
    for (const name of ['ｓａｔｏ', 'ªdmin', 'watanabe①', 'ｻﾄｳ']) expect((await create(name)).statusCode, name).toBe(400);
    expect((await create('réka')).statusCode).toBe(201);
    expect((await create('re\u0301ka')).statusCode).toBe(409);
    expect((await create('ADMIN')).statusCode).toBe(409);
    // A look-alike typed at the login form reaches no account.
    expect((await t.app.inject({ method: 'POST', url: '/api/session', payload: { username: 'ａｄｍｉｎ', password: PASSWORD } })).statusCode).toBe(401);
  });

  it('the staff import refuses look-alike names, NBSP-padded names included, naming the line', async () => {
    t = await createTestApp();
    const csv = 'ユーザー名,氏名\nsato,佐藤\nｓａｔｏ,偽佐藤\nsato\u00a0,偽佐藤2\nªbe,阿部\n';
    const res = await t.as(t.admin, { method: 'POST', url: '/api/users/import', headers: { 'content-type': 'text/csv' }, payload: Buffer.from(csv) });
    expect(res.statusCode).toBe(400);
    const rows = res.json().rows as { line: number; action: string }[];
    expect(rows.map((r) => [r.line, r.action])).toEqual([[2, 'create'], [3, 'error'], [4, 'error'], [5, 'error']]);
    expect(res.json().applied).toBe(false);
    expect(t.db.prepare("SELECT count(*) FROM users WHERE username <> 'admin'").pluck().get()).toBe(0);
  });
});
