import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { REASONS } from '../../server/http/reasons';
import { en, ja } from '../../web/src/i18n/messages/errors';
import { createTestApp, type TestApp } from '../helpers/app';

const FACTORIES = /\b(badRequest|unauthenticated|forbidden|notFound|conflict|tooLarge|unsupportedMediaType|tooManyRequests|unavailable|rateLimited)\(\s*([^,)]*)/g;

function serverSources(dir = 'server'): { file: string; text: string }[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return serverSources(p);
    return e.name.endsWith('.ts') ? [{ file: p, text: fs.readFileSync(p, 'utf8') }] : [];
  });
}

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)[,}]/g)].map((m) => m[1]).sort();

describe('error reasons', () => {
  const sources = serverSources().filter((s) => s.file !== path.join('server', 'http', 'errors.ts'));

  it('every error factory call site gives a known reason, and every reason is used', () => {
    const used = new Set<string>();
    const bad: string[] = [];
    let calls = 0;
    for (const { file, text } of sources) {
      for (const m of text.matchAll(FACTORIES)) {
        if (/(const|function) \w+ = \($/.test(text.slice(Math.max(0, m.index - 40), m.index))) continue;
        const first = m[2].trim();
        calls++;
        const literal = /^'([a-z0-9_]+)'$/.exec(first);
        if (m[1] === 'rateLimited') { // rateLimited(seconds, reason = 'rate_limited')
          const reason = /'([a-z_]+)'/.exec(text.slice(m.index, m.index + 120).split(')')[0])?.[1] ?? 'rate_limited';
          used.add(reason);
          continue;
        }
        if (literal) {
          used.add(literal[1]);
          if (!(REASONS as readonly string[]).includes(literal[1])) bad.push(`${file}: unknown reason ${first}`);
        } else if (!/^(\w+\.)?reason$/.test(first) && first !== 'reason: Reason') {
          bad.push(`${file}: ${m[0]} — first argument is not a reason`);
        }
      }
      for (const m of text.matchAll(/\breason: '([a-z0-9_]+)'/g)) used.add(m[1]);
      if (/new HttpError\(/.test(text)) bad.push(`${file}: builds HttpError directly instead of through a factory`);
    }
    expect(bad).toEqual([]);
    expect(calls).toBeGreaterThan(100);
    // Errors Fastify raises itself get their reason in the error handler.
    for (const r of ['invalid_input', 'json_required', 'internal', 'not_found', 'rate_limited', 'too_large']) used.add(r);
    expect(REASONS.filter((r) => !used.has(r))).toEqual([]);
  });

  it('every reason has a message in both languages of the web catalogue, naming the same parameters', () => {
    for (const r of REASONS) {
      const key = `reason.${r}` as keyof typeof ja;
      expect(ja[key], `ja ${key}`).toBeTruthy();
      expect(en[key], `en ${key}`).toBeTruthy();
      expect(placeholders(en[key]), key).toEqual(placeholders(ja[key]));
    }
    expect(Object.keys(ja).sort()).toEqual(REASONS.map((r) => `reason.${r}`).sort());
  });

  it('no server message joins Japanese and English with " / "', () => {
    const joined = /[\u3040-\u30ff\u4e00-\u9fff][^'`\n]*? \/ [A-Za-z]/;
    const hits = sources.filter((s) => s.file.match(/(service|routes|errors|presenter|import|limits|pool|conflict)\.ts$/))
      .flatMap(({ file, text }) => text.split('\n').filter((l) => joined.test(l) && !/^\s*(\/\/|\*)/.test(l)).map((l) => `${file}: ${l.trim()}`));
    expect(hits).toEqual([]);
  });
});

describe('error answers carry reason and params', () => {
  let t: TestApp;
  afterEach(async () => { await t.close(); });

  it('login lock-out: login_locked with the seconds to wait', async () => {
    t = await createTestApp({ config: { loginMaxFailures: 2, loginWindow: 600 } });
    await t.user('suzuki');
    for (let i = 0; i < 2; i++) {
      const res = await t.as(null, { method: 'POST', url: '/api/session', payload: { username: 'suzuki', password: 'wrong-password-x' } });
      expect(res.json()).toMatchObject({ error: 'unauthenticated', reason: 'login_failed' });
    }
    const locked = await t.as(null, { method: 'POST', url: '/api/session', payload: { username: 'suzuki', password: 'wrong-password-x' } });
    expect(locked.statusCode).toBe(429);
    const body = locked.json();
    expect(body).toMatchObject({ error: 'rate_limited', reason: 'login_locked' });
    expect(body.params.seconds).toBeGreaterThan(0);
    expect(body.params.seconds).toBeLessThanOrEqual(600);
    expect(body.message).not.toMatch(/[\u3040-\u30ff]/);
  });

  it('too many tags: tag_limit with the maximum; schema errors: invalid_input naming the field', async () => {
    t = await createTestApp();
    const tags = Array.from({ length: 11 }, (_, i) => `タグ${i}`);
    const res = await t.as(t.admin, { method: 'POST', url: '/api/posts', payload: { title: 'タグの多いコツ', body: '本文', tags } });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ error: 'bad_request', reason: 'tag_limit', params: { max: 10 } });
    const extra = await t.as(t.admin, { method: 'POST', url: '/api/posts', payload: { title: 't', body: 'b', tags: [], colour: 'red' } });
    expect(extra.json()).toMatchObject({ error: 'bad_request', reason: 'invalid_input', params: { field: 'colour' } });
    const missing = await t.as(t.admin, { method: 'GET', url: '/api/posts/999999' });
    expect(missing.json()).toMatchObject({ error: 'not_found', reason: 'tip_not_found' });
    const anon = await t.as(null, { method: 'GET', url: '/api/posts/1' });
    expect(anon.json()).toMatchObject({ error: 'unauthenticated', reason: 'login_required' });
  });

  it('routes added on main give their own reasons: follows, feed tokens, invitations, mail, sign-in origin, usernames', async () => {
    t = await createTestApp();
    const sato = await t.user('sato');
    const reasonOf = async (o: Parameters<TestApp['as']>[1], user: Parameters<TestApp['as']>[0] = sato) => {
      const body = (await t.as(user, o)).json();
      expect(body.message).not.toMatch(/[\u3040-\u30ff]/);
      return [body.reason, body.params ?? {}];
    };
    expect(await reasonOf({ method: 'PUT', url: '/api/profiles/sato/follow' })).toEqual(['follow_self', {}]);
    expect(await reasonOf({ method: 'PUT', url: '/api/profiles/nobody-here/follow' })).toEqual(['user_not_found', {}]);
    expect(await reasonOf({ method: 'PUT', url: '/api/tags/no-such-tag/follow' })).toEqual(['tag_not_found', { name: 'no-such-tag' }]);
    expect(await reasonOf({ method: 'DELETE', url: '/api/me/feed-tokens/999' })).toEqual(['feed_token_not_found', {}]);
    expect(await reasonOf({ method: 'POST', url: '/api/invitations/lookup', payload: { token: 'not-a-real-token' } }, null))
      .toEqual(['invitation_invalid', {}]);
    expect(await reasonOf({ method: 'POST', url: '/api/mail/unsubscribe', payload: { token: 'not-a-real-token' } }, null))
      .toEqual(['unsubscribe_invalid', {}]);
    expect(await reasonOf({ method: 'PUT', url: '/api/me/mail', payload: { email: null, mentions: true, digest: false } }))
      .toEqual(['mail_address_required', {}]);
    expect(await reasonOf({ method: 'POST', url: '/api/posts', payload: { title: 't', body: 'b', tags: [] },
      headers: { origin: 'http://evil.example' } })).toEqual(['cross_site', {}]);
    expect(await reasonOf({ method: 'POST', url: '/api/users', payload: { username: 'ｓａｔｏ２', password: 'a-long-password-1', displayName: '全角' } }, t.admin))
      .toEqual(['username_compat', {}]);
  });

  it('the OpenAPI document describes reason and params on error answers', async () => {
    t = await createTestApp();
    const doc = (await t.as(null, { method: 'GET', url: '/api/openapi.json' })).json();
    const text = JSON.stringify(doc);
    expect(text).toContain('login_locked');
    expect(text).toContain('"reason"');
    expect(text).toContain('"params"');
  });
});
