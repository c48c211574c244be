import type { TSchema } from '@sinclair/typebox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app';
import { oneOfEach } from '../helpers/one-of-each';
import { sampleOf } from '../helpers/schema-sample';
import { proxyApp } from './helpers';

/**
 * Text that shows other than it is stored, or nothing at all, on every route that takes text
 * (from the route register): every string in every body schema — top level, in arrays and in
 * arrays of objects — is sent with each bidi embedding/override/isolate control in it (a title
 * `請求書\u202Exslx.exe` shows as `請求書exe.xlsx`; in a code block, other code than is copied), and
 * as text made only of characters that draw nothing (zero-width space, word joiner, BOM, bidi
 * marks, Hangul filler, blank Braille). A bidi control is refused wherever it comes (400 in the
 * error shape, no row holds one afterwards); an invisible-only text is refused wherever the empty
 * text is. The same for the other ways text arrives: the proxy's profile headers and the staff CSV.
 */
const BIDI = ['\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069'];
const INVISIBLE = ['\u200b', '\u2060', '\ufeff\u200b', '\u200e', '\u200f', '\u3164', '\u2800', '\u00ad', '\u200b \u3000\u200d', '\u{e0041}'];
const BIDI_RE = /[\u202a-\u202e\u2066-\u2069]/u;

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  const member = await t.user('member');
  await t.user('judge');
  await oneOfEach(t, member);
}, 60_000);
afterAll(async () => { await t.close(); });

type Obj = { type?: string; properties?: Record<string, TSchema>; items?: Obj; anyOf?: Obj[] };
const isString = (s: Obj) => s.type === 'string' || (s.anyOf ?? []).some((x) => x.type === 'string');

/** Every way to put one text into a valid body: [where, body with `v` there]. */
function slots(body: Obj): [string, (v: string) => Record<string, unknown>][] {
  const valid = sampleOf(body as TSchema, 1) as Record<string, unknown>;
  const out: [string, (v: string) => Record<string, unknown>][] = [];
  for (const [key, raw] of Object.entries(body.properties ?? {})) {
    // Secrets are never shown: a password or a link's token may hold any character.
    if (/password|token/i.test(key)) continue;
    const s = raw as Obj;
    if (isString(s)) out.push([key, (v) => ({ ...valid, [key]: v })]);
    else if (s.type === 'array' && s.items && isString(s.items)) out.push([`${key}[]`, (v) => ({ ...valid, [key]: [v] })]);
    else if (s.type === 'array' && s.items?.type === 'object') {
      const item = sampleOf(s.items as TSchema, 1) as Record<string, unknown>;
      for (const [sub, subSchema] of Object.entries(s.items.properties ?? {})) {
        if (isString(subSchema as Obj)) out.push([`${key}[].${sub}`, (v) => ({ ...valid, [key]: [{ ...item, [sub]: v }] })]);
      }
    }
  }
  return out;
}

const concrete = (url: string) => url.replace(/:username\b/g, 'member').replace(/:name\b/g, 'excel').replace(/:[A-Za-z]+/g, '1');

function bodyRoutes() {
  return t.app.routeRules.filter((r) => r.url.startsWith('/api/') && ['POST', 'PUT', 'PATCH', 'DELETE'].includes(r.method))
    .map((r) => ({ rule: r, body: (r.schema as { body?: Obj } | undefined)?.body }))
    .filter((x): x is { rule: typeof x.rule; body: Obj } => x.body?.type === 'object' && x.body.properties !== undefined);
}

function storedBidi(): string[] {
  const found: string[] = [];
  for (const table of t.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '%fts%'").pluck().all() as string[]) {
    for (const row of t.db.prepare(`SELECT * FROM "${table}"`).all() as Record<string, unknown>[]) {
      for (const [col, v] of Object.entries(row)) if (typeof v === 'string' && BIDI_RE.test(v)) found.push(`${table}.${col}: ${JSON.stringify(v.slice(0, 40))}`);
    }
  }
  return found;
}

describe('bidi controls and invisible text', () => {
  it('a bidi control is refused in every text of every body, and none is stored', async () => {
    const failures: string[] = [];
    let calls = 0;
    for (const { rule, body } of bodyRoutes()) {
      for (const [where, fill] of slots(body)) {
        for (const c of BIDI) {
          // Readable text around it, so no blank or length rule refuses it first; an address where one is asked for.
          const text = /email/i.test(where) ? `a${c}@example.jp` : `請求書${c}xslx.exe`;
          const res = await t.as(t.admin, { method: rule.method as 'POST', url: concrete(rule.url), payload: fill(text) });
          calls++;
          const label = `${rule.method} ${rule.url} ${where} U+${c.codePointAt(0)!.toString(16)}`;
          if (res.statusCode < 400) failures.push(`${label}: ${res.statusCode} accepted`);
          else if (typeof res.json().error !== 'string' || typeof res.json().message !== 'string') failures.push(`${label}: shape ${res.body.slice(0, 80)}`);
        }
      }
    }
    expect(calls).toBeGreaterThan(400);
    expect(failures).toEqual([]);
    expect(storedBidi()).toEqual([]);
  }, 300_000);

  it('the bidi-controlled text is refused for the reason of its characters (400 invalid_text / tag_control_chars)', async () => {
    const title = await t.as(t.admin, { method: 'POST', url: '/api/posts', payload: { title: '請求書\u202exslx.exe', body: '', tags: [] } });
    expect(title.statusCode).toBe(400);
    expect(title.json()).toMatchObject({ error: 'bad_request', reason: 'invalid_text', params: { field: 'title' } });
    const code = await t.as(t.admin, { method: 'POST', url: '/api/posts', payload: { title: 'VBA', body: '```vb\nIf x\u202e Then\n```', tags: [] } });
    expect(code.json()).toMatchObject({ reason: 'invalid_text', params: { field: 'body' } });
    const tag = await t.as(t.admin, { method: 'POST', url: '/api/posts', payload: { title: 'x', body: '', tags: ['ex\u2067cel'] } });
    expect(tag.json()).toMatchObject({ reason: 'tag_control_chars' });
  });

  it('invisible-only text is refused wherever empty text is', async () => {
    const failures: string[] = [];
    let compared = 0;
    for (const { rule, body } of bodyRoutes()) {
      for (const [where, fill] of slots(body)) {
        const empty = await t.as(t.admin, { method: rule.method as 'POST', url: concrete(rule.url), payload: fill('') });
        if (empty.statusCode !== 400) continue;
        for (const v of INVISIBLE) {
          const res = await t.as(t.admin, { method: rule.method as 'POST', url: concrete(rule.url), payload: fill(v) });
          compared++;
          if (res.statusCode < 400) failures.push(`${rule.method} ${rule.url} ${where} ${JSON.stringify(v)}: ${res.statusCode} accepted (empty: 400)`);
        }
      }
    }
    expect(compared).toBeGreaterThan(200);
    expect(failures).toEqual([]);
  }, 300_000);

  it('a tag with a zero-width character is refused, not a second tag that looks like the first', async () => {
    for (const tag of ['excel\u200b', 'ex\u200dcel', 'ex\u00adcel', '\u2060excel']) {
      const res = await t.as(t.admin, { method: 'POST', url: '/api/posts', payload: { title: 'x', body: '', tags: [tag] } });
      expect(res.statusCode, JSON.stringify(tag)).toBe(400);
      expect(res.json().reason).toBe('tag_control_chars');
    }
    expect(t.db.prepare("SELECT count(*) FROM tags WHERE name LIKE '%cel%' AND name <> 'excel'").pluck().get()).toBe(0);
  });

  it('the staff CSV refuses a bidi control or an invisible-only name', async () => {
    for (const [name, reason] of [['佐藤\u202e花子', 'display_name_control_chars'], ['\u200b\u3164', 'display_name_empty']] as const) {
      const res = await t.as(t.admin, { method: 'POST', url: '/api/users/import', headers: { 'content-type': 'text/csv' },
        payload: `ユーザー名,氏名\nsato_h,${name}\n` });
      expect(res.statusCode, name).toBe(400);
      expect(JSON.stringify(res.json()), name).toContain(reason);
    }
    expect(t.db.prepare("SELECT count(*) FROM users WHERE username = 'sato_h'").pluck().get()).toBe(0);
  });
});

describe('mail addresses', () => {
  it('holding a control, an invisible or a space character are refused in the mail settings and an invitation', async () => {
    const invitee = await t.user('invitee');
    t.db.prepare('UPDATE users SET password_hash = NULL WHERE id = ?').run(invitee.id);
    for (const email of ['a\u0000@example.jp', 'a\u001b@example.jp', 'a@example.jp\u0085', 'a\u007f@example.jp', 'a\u200b@example.jp',
      'a@exa\u202emple.jp', 'a\u3000b@example.jp', 'a\u00a0@example.jp', 'a@\ud800.jp']) {
      const settings = await t.as(invitee, { method: 'PUT', url: '/api/me/mail', payload: { email, mentions: true, digest: false } });
      expect(settings.statusCode, JSON.stringify(email)).toBe(400);
      expect(settings.json().error).toBe('bad_request');
      const invite = await t.as(t.admin, { method: 'POST', url: '/api/admin/invitations', payload: { userIds: [invitee.id], email } });
      expect(invite.statusCode, JSON.stringify(email)).toBe(400);
    }
    expect(t.db.prepare('SELECT count(*) FROM mail_settings WHERE user_id = ?').pluck().get(invitee.id)).toBe(0);
    expect(t.db.prepare('SELECT count(*) FROM invitations').pluck().get()).toBe(0);
    // The control: a plain address is taken.
    expect((await t.as(invitee, { method: 'PUT', url: '/api/me/mail', payload: { email: 'hanako@example.jp', mentions: true, digest: false } })).statusCode).toBe(200);
  });
});

describe('the proxy\'s profile headers', () => {
  it('lose their bidi controls, and a name that shows nothing is the login name', async () => {
    const a = await proxyApp();
    try {
      const me = (user: string, headers: Record<string, string>) => a.app.inject({ method: 'GET', url: '/api/me', remoteAddress: '127.0.0.1',
        headers: { 'x-remote-user': user, ...headers } });
      const flipped = await me('sato', { 'x-remote-name': encodeURIComponent('佐藤\u202e子花'), 'x-remote-department': encodeURIComponent('\u2066総務課\u2069') });
      expect(flipped.statusCode).toBe(200);
      expect(flipped.json()).toMatchObject({ displayName: '佐藤子花', department: '総務課' });
      const blank = await me('suzuki', { 'x-remote-name': encodeURIComponent('\u200b\u3164\u2800') });
      expect(blank.json().displayName).toBe('suzuki');
      expect(storedBidiIn(a.db)).toEqual([]);
    } finally {
      await a.close();
    }
  });
});

function storedBidiIn(db: TestApp['db']): string[] {
  return (db.prepare('SELECT display_name, department FROM users').all() as { display_name: string; department: string }[])
    .flatMap((r) => [r.display_name, r.department]).filter((v) => BIDI_RE.test(v));
}
