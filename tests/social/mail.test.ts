import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SMTPServer } from 'smtp-server';
import type { AddressInfo } from 'node:net';
import { loadConfig, ConfigError } from '../../server/config';
import { lastDigestSlot, queueDigests } from '../../server/mail/service';
import { MAX_ATTEMPTS } from '../../server/mail/sender';
import { postTip, type TestUser } from '../helpers/app';
import { useClockedApp } from '../helpers/fixture';

/** A real SMTP server on loopback that keeps what it receives; `failNext` refuses that many messages. */
const received: { from: string; to: string[]; raw: string }[] = [];
let failNext = 0;
let port = 0;
const smtp = new SMTPServer({
  authOptional: true, disabledCommands: ['STARTTLS'], logger: false,
  onData(stream, session, callback) {
    const chunks: Buffer[] = [];
    stream.on('data', (c: Buffer) => chunks.push(c));
    stream.on('end', () => {
      if (failNext > 0) {
        failNext--;
        const err = new Error('mailbox busy') as Error & { responseCode: number };
        err.responseCode = 451;
        return callback(err);
      }
      received.push({ from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '', to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString('utf8') });
      callback();
    });
  },
});
beforeAll(async () => {
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  port = (smtp.server.address() as AddressInfo).port;
  process.env.KOTSU_TEST_SMTP_PORT = String(port);
});
afterAll(async () => { await new Promise<void>((resolve) => smtp.close(() => resolve())); });

const { t, later, users: { alice, bob, carol } } = useClockedApp({
  users: { alice: { displayName: '佐藤 花子' }, bob: { displayName: '鈴木 一郎' }, carol: {} },
  // The port is known only once the server listens: the fixture reads env per test.
  get env() { return { KOTSU_SMTP_URL: `smtp://127.0.0.1:${process.env.KOTSU_TEST_SMTP_PORT}`, KOTSU_MAIL_FROM: 'kotsu@pref.example.lg.jp', KOTSU_PUBLIC_URL: 'https://kotsu.pref.example.lg.jp' }; },
});

const setMail = (u: TestUser, body: Record<string, unknown>) => t.as(u, { method: 'PUT', url: '/api/me/mail', payload: body });
const drain = () => t.app.ctx.outbox.drain(t.app.log);

/** The decoded parts of a MIME message as nodemailer writes it. */
function parse(raw: string) {
  const [head] = raw.split(/\r\n\r\n/);
  const header = (name: string) => new RegExp(`^${name}:[ \\t]*(.*(?:\\r\\n[ \\t].*)*)`, 'mi').exec(head)?.[1].replace(/\r\n[ \t]/g, ' ').trim() ?? '';
  const words = (v: string) => v.replace(/=\?UTF-8\?B\?([^?]*)\?=\s*/gi, (_, b64) => Buffer.from(b64, 'base64').toString('utf8'));
  const parts: Record<string, string> = {};
  for (const m of raw.matchAll(/Content-Type: (text\/(?:plain|html)); charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n([A-Za-z0-9+/=\r\n]+)/g)) {
    parts[m[1]] = Buffer.from(m[2].replace(/\r\n/g, ''), 'base64').toString('utf8');
  }
  return { subject: words(header('Subject')), rawSubject: header('Subject'), from: words(header('From')), unsubscribe: header('List-Unsubscribe'), contentType: header('Content-Type'), parts };
}

describe('mail', () => {
  it('is off and sends nothing without KOTSU_SMTP_URL; the config checks the sender', () => {
    expect(loadConfig({}).smtpUrl).toBeNull();
    expect(() => loadConfig({ KOTSU_SMTP_URL: 'smtp://mail.local' })).toThrow(ConfigError);
    expect(() => loadConfig({ KOTSU_SMTP_URL: 'http://mail.local', KOTSU_MAIL_FROM: 'a@b.jp' })).toThrow(ConfigError);
    expect(loadConfig({ KOTSU_SMTP_URL: 'smtp://mail.local:25', KOTSU_MAIL_FROM: 'kotsu@b.jp' })).toMatchObject({ smtpUrl: 'smtp://mail.local:25', mailFrom: 'kotsu@b.jp' });
  });

  it('lets a member choose, and refuses mail without an address or with a bad one', async () => {
    expect((await t.as(bob, { method: 'GET', url: '/api/me/mail' })).json()).toEqual({ available: true, email: null, mentions: false, digest: false });
    expect((await setMail(bob, { email: null, mentions: true, digest: false })).statusCode).toBe(400);
    expect((await setMail(bob, { email: 'not an address', mentions: true, digest: false })).statusCode).toBe(400);
    expect((await setMail(bob, { email: 'bob@pref.example.lg.jp\r\nBcc: x@evil.jp', mentions: true, digest: false })).statusCode).toBe(400);
    const ok = await setMail(bob, { email: 'bob@pref.example.lg.jp', mentions: true, digest: false });
    expect(ok.json()).toEqual({ available: true, email: 'bob@pref.example.lg.jp', mentions: true, digest: false });
  });

  it('mails a mention through the outbox: UTF-8 headers, text and HTML parts, an unsubscribe link that works', async () => {
    received.length = 0;
    await setMail(bob, { email: 'bob@pref.example.lg.jp', mentions: true, digest: false });
    await setMail(carol, { email: 'carol@pref.example.lg.jp', mentions: false, digest: false });
    const tip = await postTip(t, alice, { title: '照会文<script>の書き方', body: '@bob @carol 確認お願いします' });
    // The request returned before anything was sent: the message waits in the outbox.
    expect(received).toEqual([]);
    expect(await drain()).toBe(1);
    expect(received).toHaveLength(1);
    const [mail] = received;
    expect(mail.to).toEqual(['bob@pref.example.lg.jp']);
    expect(mail.from).toBe('kotsu@pref.example.lg.jp');
    const m = parse(mail.raw);
    expect(m.rawSubject).toMatch(/^=\?UTF-8\?[BQ]\?/);
    expect(m.subject).toBe('[Kotsu] コツ「照会文<script>の書き方」であなたがメンションされました');
    expect(m.contentType).toMatch(/^multipart\/alternative/);
    expect(m.parts['text/plain']).toContain(`https://kotsu.pref.example.lg.jp/tips/${tip.id}`);
    expect(m.parts['text/plain']).toContain('佐藤 花子');
    expect(m.parts['text/html']).toContain('照会文&lt;script&gt;の書き方');
    expect(m.parts['text/html']).not.toContain('<script>');
    const link = /<(https:\/\/kotsu\.pref\.example\.lg\.jp\/mail\/unsubscribe\?token=([^>]+))>/.exec(m.unsubscribe);
    expect(link).not.toBeNull();
    expect(m.parts['text/plain']).toContain(link![1]);
    expect(m.parts['text/html']).toContain(link![1].replace(/&/g, '&amp;'));
    // Sent once only.
    expect(await drain()).toBe(0);
    // The link turns all mail off.
    const token = decodeURIComponent(link![2]);
    expect((await t.as(null, { method: 'POST', url: '/api/mail/unsubscribe', payload: { token } })).json()).toEqual({ unsubscribed: true });
    expect((await t.as(bob, { method: 'GET', url: '/api/me/mail' })).json()).toMatchObject({ mentions: false, digest: false });
    expect((await t.as(null, { method: 'POST', url: '/api/mail/unsubscribe', payload: { token: 'x'.repeat(32) } })).statusCode).toBe(404);
    await t.as(alice, { method: 'POST', url: `/api/posts/${tip.id}/comments`, payload: { body: '@bob もう一度' } });
    expect(await drain()).toBe(0);
  });

  it('retries a refused message with backoff, logs it, and gives up after the last attempt', async () => {
    received.length = 0;
    await setMail(bob, { email: 'bob@pref.example.lg.jp', mentions: true, digest: false });
    const tip = await postTip(t, alice, { title: 'リトライ' });
    failNext = 1;
    await t.as(alice, { method: 'POST', url: `/api/posts/${tip.id}/comments`, payload: { body: '@bob 見てください' } });
    expect(await drain()).toBe(0);
    const row = () => t.db.prepare('SELECT attempts, next_attempt_at, sent_at, last_error FROM mail_outbox').get() as { attempts: number; next_attempt_at: string | null; sent_at: string | null; last_error: string | null };
    expect(row()).toMatchObject({ attempts: 1, sent_at: null, next_attempt_at: '2025-04-01T00:01:00.000Z' });
    expect(row().last_error).toContain('mailbox busy');
    expect(await drain()).toBe(0);
    later(1);
    expect(await drain()).toBe(1);
    expect(row()).toMatchObject({ attempts: 2, next_attempt_at: null, last_error: null });
    expect(received).toHaveLength(1);
    // A message refused every time is given up, not retried for ever.
    failNext = 100;
    await t.as(alice, { method: 'POST', url: `/api/posts/${tip.id}/comments`, payload: { body: '@bob 再度' } });
    for (let i = 0; i < MAX_ATTEMPTS + 2; i++) {
      await drain();
      later(64);
    }
    failNext = 0;
    const last = t.db.prepare('SELECT attempts, next_attempt_at, sent_at FROM mail_outbox ORDER BY id DESC').get();
    expect(last).toEqual({ attempts: MAX_ATTEMPTS, next_attempt_at: null, sent_at: null });
  });

  it('sends the weekly digest once a week: new and most-read tips in what I follow, open requests in my tags', async () => {
    received.length = 0;
    await postTip(t, alice, { title: '古いExcelのコツ', tags: ['Excel'] });
    await t.as(carol, { method: 'PUT', url: '/api/tags/Excel/follow' });
    await setMail(carol, { email: 'carol@pref.example.lg.jp', mentions: false, digest: true });
    const req = await t.as(bob, { method: 'POST', url: '/api/requests', payload: { title: 'Excelで和暦を西暦にしたい', body: '' } });
    expect(req.statusCode).toBe(201);
    await t.as(bob, { method: 'POST', url: '/api/requests', payload: { title: 'Wordの段組み', body: '' } });
    later(60);
    await postTip(t, alice, { title: '新しいExcelのコツ', tags: ['Excel'] });
    await postTip(t, alice, { title: 'Wordのコツ', tags: ['Word'] });
    // 2025-04-01 is a Tuesday: the next slot is Monday 2025-04-07 08:00 JST.
    expect(queueDigests(t.app.ctx)).toBe(0);
    later(6 * 24 * 60);
    expect(t.app.ctx.now().toISOString()).toBe('2025-04-07T01:00:00.000Z');
    expect(lastDigestSlot(t.app.ctx.now()).toISOString()).toBe('2025-04-06T23:00:00.000Z');
    expect(queueDigests(t.app.ctx)).toBe(1);
    expect(queueDigests(t.app.ctx)).toBe(0);
    expect(await drain()).toBe(1);
    const m = parse(received[0].raw);
    expect(received[0].to).toEqual(['carol@pref.example.lg.jp']);
    expect(m.subject).toBe('[Kotsu] 今週のコツ');
    expect(m.parts['text/plain']).toContain('新しいExcelのコツ');
    expect(m.parts['text/plain']).toContain('古いExcelのコツ');
    expect(m.parts['text/plain']).toContain('Excelで和暦を西暦にしたい');
    expect(m.parts['text/plain']).not.toContain('Wordのコツ');
    expect(m.parts['text/plain']).not.toContain('Wordの段組み');
    expect(m.parts['text/html']).toContain('<h2');
    expect(m.unsubscribe).toContain('/mail/unsubscribe?token=');
  });

  it('sends a queued digest as its tips are when it goes out: a tip hidden or deleted since is left out, a renamed one has its new title; nothing left, nothing sent', async () => {
    received.length = 0;
    const hidden = await postTip(t, alice, { title: '後で非公開になるExcelのコツ', tags: ['Excel'] });
    expect((await t.as(carol, { method: 'PUT', url: '/api/tags/Excel/follow' })).statusCode).toBeLessThan(300);
    await setMail(carol, { email: 'carol@pref.example.lg.jp', mentions: false, digest: true });
    const deleted = await postTip(t, alice, { title: '後で削除されるExcelのコツ', tags: ['Excel'] });
    const kept = await postTip(t, alice, { title: '残るExcelのコツ', tags: ['Excel'] });
    later(6 * 24 * 60 + 60);
    expect(queueDigests(t.app.ctx)).toBe(1);
    // Queued with all three; then, before the outbox drains, one is hidden, one deleted, one renamed.
    expect((await t.as(t.admin, { method: 'POST', url: `/api/posts/${hidden.id}/hide`, payload: { reason: '個人情報' } })).statusCode).toBe(200);
    expect((await t.as(alice, { method: 'DELETE', url: `/api/posts/${deleted.id}` })).statusCode).toBe(204);
    expect((await t.as(alice, { method: 'PATCH', url: `/api/posts/${kept.id}`, payload: { title: '残るExcelのコツ（改訂）' } })).statusCode).toBe(200);
    expect(await drain()).toBe(1);
    const text = parse(received[0].raw).parts['text/plain'];
    expect(text).toContain('残るExcelのコツ（改訂）');
    expect(text).not.toContain('非公開');
    expect(text).not.toContain('削除される');
    expect(parse(received[0].raw).parts['text/html']).not.toContain('非公開');

    // The next week's digest lists one new tip; it is hidden before the digest goes: nothing is sent.
    received.length = 0;
    const next = await postTip(t, alice, { title: '翌週のExcelのコツ', tags: ['Excel'] });
    later(7 * 24 * 60);
    expect(queueDigests(t.app.ctx)).toBe(1);
    expect((await t.as(t.admin, { method: 'POST', url: `/api/posts/${next.id}/hide`, payload: { reason: '誤り' } })).statusCode).toBe(200);
    expect(await drain()).toBe(0);
    expect(received).toHaveLength(0);
    expect(t.db.prepare('SELECT last_error FROM mail_outbox ORDER BY id DESC LIMIT 1').pluck().get()).toMatch(/^withheld/);
  });

  it('never mails a notice whose tip was hidden (or returned to draft) after it was queued; a visible one still goes', async () => {
    received.length = 0;
    await setMail(bob, { email: 'bob@pref.example.lg.jp', mentions: true, digest: false });
    const hidden = await postTip(t, alice, { title: '非公開になる照会文の書き方', body: '@bob 見てください（秘）' });
    const kept = await postTip(t, alice, { title: '残る照会文の書き方', body: '@bob こちらもどうぞ' });
    // Hidden by a moderator before the outbox drained: the queued notice quoting it is given up.
    const hide = await t.as(t.admin, { method: 'POST', url: `/api/posts/${hidden.id}/hide`, payload: { reason: '個人情報' } });
    expect(hide.statusCode).toBe(200);
    expect(await drain()).toBe(1);
    expect(received).toHaveLength(1);
    expect(parse(received[0].raw).subject).toContain('残る照会文の書き方');
    expect(received.map((r) => r.raw).join()).not.toContain(Buffer.from('非公開').toString('base64').slice(0, 8));
    const rows = t.db.prepare('SELECT post_id, sent_at, next_attempt_at, last_error FROM mail_outbox WHERE post_id IN (?, ?) ORDER BY id')
      .all(hidden.id, kept.id) as { post_id: number; sent_at: string | null; next_attempt_at: string | null; last_error: string | null }[];
    expect(rows).toEqual([
      { post_id: hidden.id, sent_at: null, next_attempt_at: null, last_error: expect.stringMatching(/^withheld/) },
      { post_id: kept.id, sent_at: expect.any(String), next_attempt_at: null, last_error: null },
    ]);
    // The in-app notification withholds the title too, and shows it again once restored.
    const titles = async () => ((await t.as(bob, { method: 'GET', url: '/api/me/notifications' })).json().items as { target: { id: number; title: string } }[])
      .filter((n) => n.target.id === hidden.id).map((n) => n.target.title);
    expect(await titles()).toEqual(['']);
    expect((await t.as(t.admin, { method: 'POST', url: `/api/posts/${hidden.id}/restore`, payload: {} })).statusCode).toBe(200);
    expect(await titles()).toEqual(['非公開になる照会文の書き方']);
  });
  it('never mails a notice whose tip or comment was deleted, or whose comment was hidden, after it was queued (probeapi)', async () => {
    received.length = 0;
    await setMail(bob, { email: 'bob@pref.example.lg.jp', mentions: true, digest: false });
    const gone = await postTip(t, alice, { title: '削除される照会文', body: '@bob 見てください' });
    const kept = await postTip(t, alice, { title: '残る照会文', body: '本文' });
    const c = (await t.as(carol, { method: 'POST', url: `/api/posts/${kept.id}/comments`, payload: { body: '@bob 消すコメント' } })).json();
    const h = (await t.as(carol, { method: 'POST', url: `/api/posts/${kept.id}/comments`, payload: { body: '@bob 隠されるコメント' } })).json();
    expect((await t.as(alice, { method: 'DELETE', url: `/api/posts/${gone.id}` })).statusCode).toBe(204);
    expect((await t.as(carol, { method: 'DELETE', url: `/api/comments/${c.id}` })).statusCode).toBe(204);
    expect((await t.as(t.admin, { method: 'POST', url: `/api/comments/${h.id}/hide`, payload: { reason: '個人情報' } })).statusCode).toBe(200);
    await drain();
    expect(received).toHaveLength(0);
    const rows = t.db.prepare('SELECT sent_at, last_error FROM mail_outbox WHERE post_id IN (?, ?)').all(gone.id, kept.id) as { sent_at: string | null; last_error: string | null }[];
    expect(rows.length).toBe(3);
    for (const r of rows) expect(r).toEqual({ sent_at: null, last_error: expect.stringMatching(/^withheld/) });
  });
});

describe('mail without SMTP', () => {
  it('queues and sends nothing, and nothing fails', async () => {
    const { createTestApp, postTip: post } = await import('../helpers/app');
    const app = await createTestApp();
    try {
      const bob = await app.user('bob');
      const settings = await app.as(bob, { method: 'PUT', url: '/api/me/mail', payload: { email: 'bob@pref.example.lg.jp', mentions: true, digest: true } });
      expect(settings.json()).toMatchObject({ available: false, mentions: true });
      const tip = await post(app, app.admin, { title: 'メンション', body: '@bob 見て' });
      expect((await app.as(app.admin, { method: 'POST', url: `/api/posts/${tip.id}/comments`, payload: { body: '@bob' } })).statusCode).toBe(201);
      expect(queueDigests(app.app.ctx)).toBe(0);
      expect(await app.app.ctx.outbox.drain(app.app.log)).toBe(0);
      expect(app.db.prepare('SELECT count(*) FROM mail_outbox').pluck().get()).toBe(0);
    } finally {
      await app.close();
    }
  });
});
