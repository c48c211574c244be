import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SMTPServer } from 'smtp-server';
import type { AddressInfo } from 'node:net';
import { issueInvitations } from '../../server/invitations/service';
import { createTestApp, login, type TestApp } from '../helpers/app';

/** Invitations for staff imported without a password (issue 20 part 8). */
const received: { to: string[]; raw: string }[] = [];
const smtp = new SMTPServer({
  authOptional: true, disabledCommands: ['STARTTLS'], logger: false,
  onData(stream, session, callback) {
    const chunks: Buffer[] = [];
    stream.on('data', (c: Buffer) => chunks.push(c));
    stream.on('end', () => {
      received.push({ to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString('utf8') });
      callback();
    });
  },
});
let port = 0;
beforeAll(async () => {
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  port = (smtp.server.address() as AddressInfo).port;
});
afterAll(async () => { await new Promise<void>((resolve) => smtp.close(() => resolve())); });

const BASE = 'https://kotsu.pref.example.lg.jp';

async function appWithStaff(env: Record<string, string> = {}) {
  let now = new Date('2026-04-01T00:00:00Z');
  const t = await createTestApp({ env: { KOTSU_PUBLIC_URL: BASE, ...env }, now: () => now });
  // As the staff-list import leaves them: accounts without a password.
  const staff = ['tanaka', 'yamada', 'kato'].map((username) => t.app.ctx.users.insert({ username, passwordHash: null, displayName: `${username}さん`, department: '総務課', role: 'member' }));
  return { t, staff, setNow: (d: Date) => { now = d; } };
}

const issue = (t: TestApp, body: Record<string, unknown>, query = '') =>
  t.as(t.admin, { method: 'POST', url: `/api/admin/invitations${query}`, payload: body });
const tokenOf = (url: string) => url.split('#')[1]!;

describe('invitations', () => {
  it('an administrator issues one-time links to everyone without a password; a link sets the person’s own password once', async () => {
    const { t, staff } = await appWithStaff();
    const member = await t.user('member');
    expect((await t.as(member, { method: 'POST', url: '/api/admin/invitations', payload: { allWithoutPassword: true } })).statusCode).toBe(403);
    const res = await issue(t, { allWithoutPassword: true });
    expect(res.statusCode).toBe(201);
    const items = res.json().items as { userId: number; url: string; expiresAt: string; mailed: boolean }[];
    expect(items.map((i) => i.userId).sort()).toEqual(staff.map((s) => s.id).sort());
    for (const i of items) {
      expect(i.url).toMatch(new RegExp(`^${BASE}/invite#[A-Za-z0-9_-]{43}$`));
      expect(i.expiresAt).toBe('2026-04-15T00:00:00.000Z');
      expect(i.mailed).toBe(false);
    }
    // Only hashes are stored.
    const stored = JSON.stringify(t.db.prepare('SELECT * FROM invitations').all());
    for (const i of items) expect(stored).not.toContain(tokenOf(i.url));

    const token = tokenOf(items.find((i) => i.userId === staff[0]!.id)!.url);
    const look = await t.as(null, { method: 'POST', url: '/api/invitations/lookup', payload: { token } });
    expect(look.json()).toMatchObject({ username: 'tanaka', displayName: 'tanakaさん' });
    expect((await t.as(null, { method: 'POST', url: '/api/invitations/accept', payload: { token, password: 'short' } })).statusCode).toBe(400);
    const ok = await t.as(null, { method: 'POST', url: '/api/invitations/accept', payload: { token, password: 'a long enough passphrase 2026' } });
    expect(ok.statusCode).toBe(200);
    expect(await login(t.app, 'tanaka', 'a long enough passphrase 2026')).toMatch(/kotsu_sid=/);
    // Used once: the same link no longer works, and says no more than a wrong one.
    const again = await t.as(null, { method: 'POST', url: '/api/invitations/accept', payload: { token, password: 'another long passphrase 2026' } });
    const wrong = await t.as(null, { method: 'POST', url: '/api/invitations/accept', payload: { token: 'A'.repeat(43), password: 'another long passphrase 2026' } });
    expect(again.statusCode).toBe(404);
    expect(again.json()).toEqual(wrong.json());
    // Now that tanaka has a password, a new bulk issue leaves them out.
    expect((await issue(t, { allWithoutPassword: true })).json().items).toHaveLength(2);
    expect((await issue(t, { userIds: [staff[0]!.id] })).statusCode).toBe(409);
    await t.close();
  });

  it('links expire, and a new link replaces the earlier one', async () => {
    const { t, staff, setNow } = await appWithStaff();
    const first = tokenOf((await issue(t, { userIds: [staff[1]!.id] })).json().items[0].url);
    const second = tokenOf((await issue(t, { userIds: [staff[1]!.id] })).json().items[0].url);
    expect((await t.as(null, { method: 'POST', url: '/api/invitations/lookup', payload: { token: first } })).statusCode).toBe(404);
    expect((await t.as(null, { method: 'POST', url: '/api/invitations/lookup', payload: { token: second } })).statusCode).toBe(200);
    setNow(new Date('2026-04-15T00:00:01Z'));
    expect((await t.as(null, { method: 'POST', url: '/api/invitations/lookup', payload: { token: second } })).statusCode).toBe(404);
    await t.close();
  });

  it('downloads the links as an Excel-safe CSV for a mail merge', async () => {
    const { t } = await appWithStaff();
    t.app.ctx.users.insert({ username: 'evil', passwordHash: null, displayName: '=HYPERLINK("x")', department: '＋総務', role: 'member' });
    const res = await issue(t, { allWithoutPassword: true }, '?format=csv');
    expect(res.statusCode).toBe(201);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    const text = res.rawPayload.toString('utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(text.split('\r\n')[0]).toBe('\uFEFFユーザー名,氏名,所属,招待リンク,有効期限,メール送信');
    expect(text).toContain(`${BASE}/invite#`);
    expect(text).not.toMatch(/(^|,)=HYPERLINK/m);
    expect(text).not.toMatch(/(^|,)＋総務/m);
    await t.close();
  });

  it('with SMTP set, links go by mail to known addresses; an address can be given for one person', async () => {
    const { t, staff } = await appWithStaff({ KOTSU_SMTP_URL: `smtp://127.0.0.1:${port}`, KOTSU_MAIL_FROM: 'kotsu@pref.example.lg.jp' });
    const res = await issue(t, { userIds: [staff[2]!.id], mail: true, email: 'kato@pref.example.lg.jp' });
    expect(res.json().items[0].mailed).toBe(true);
    const bulk = (await issue(t, { allWithoutPassword: true, mail: true })).json().items as { mailed: boolean }[];
    expect(bulk.every((i) => !i.mailed)).toBe(true);
    await t.app.ctx.outbox.drain(t.app.log);
    const mail = received.find((m) => m.to.includes('kato@pref.example.lg.jp'));
    expect(mail).toBeDefined();
    expect(mail!.raw).toMatch(/Subject: =\?UTF-8\?/);
    expect(mail!.raw).toContain('text/plain');
    expect(mail!.raw).toContain('text/html');
    expect((await issue(t, { allWithoutPassword: true, email: 'x@y.jp' })).statusCode).toBe(400);
    await t.close();
  });

  it('proxy mode has nothing to invite to: staff sign in through the intranet sign-on', async () => {
    const { t, staff } = await appWithStaff();
    const ctx = t.app.ctx;
    const proxy = { ...ctx, config: { ...ctx.config, authMode: 'proxy' as const } };
    expect(() => issueInvitations(proxy, ctx.users.byId(t.admin.id)!, { userIds: [staff[0]!.id] })).toThrow(/proxy mode/);
    await t.close();
  });
});
