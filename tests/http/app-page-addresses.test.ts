import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app';

/**
 * A link to a page of the web app that is not valid UTF-8 percent-encoding — cut short by a mail
 * client (`/search?q=%E5%B7%AE%E3%81`), written in Shift_JIS by an older system, or a tag page cut
 * mid-character (`/tags/%E3%81`) — opened a page of raw JSON in English. Such a page now gets the
 * app (which shows its own not-found page, or the search with what could be read), with the same
 * 400 and the headers every page carries; API addresses keep their JSON 400.
 */
const SHELL = '<!doctype html><html lang="ja"><head><title>Kotsu</title></head><body><kotsu-app></kotsu-app></body></html>';

describe('web page addresses that are not UTF-8', () => {
  let t: TestApp;
  let dir: string;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kotsu-shell-'));
    fs.writeFileSync(path.join(dir, 'index.html'), SHELL);
    t = await createTestApp({ config: { webRoot: dir } });
  });
  afterAll(async () => {
    await t.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('a page of the app is answered with the app, 400, and the security headers', async () => {
    for (const url of ['/search?q=%E5%B7%AE%E3%81', '/search?q=%83%5E', '/search?q=100%', '/tags/%E3%81', '/users/%FF',
      '/tips/1?from=%FF', '/%FF', '/tags/Excel?x=%E3']) {
      for (const method of ['GET', 'HEAD'] as const) {
        const res = await t.app.inject({ method, url });
        expect(res.statusCode, `${method} ${url}`).toBe(400);
        expect(res.headers['content-type'], url).toMatch(/^text\/html/);
        expect(res.headers['content-security-policy'], url).toContain("default-src 'self'");
        expect(res.headers['x-content-type-options'], url).toBe('nosniff');
        if (method === 'GET') expect(res.body, url).toBe(SHELL);
      }
    }
  });

  it('the API, however spelt, and writes keep the JSON 400', async () => {
    for (const url of ['/api/search?q=%FF', '/api/tags/%E3%81/follow', '/%61pi/search?q=%FF', '/API/posts/%FF', '/x/../api/search?q=%FF']) {
      const res = await t.app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(400);
      expect(res.json(), url).toMatchObject({ error: 'bad_request', reason: 'invalid_input' });
    }
    const post = await t.app.inject({ method: 'POST', url: '/search?q=%FF' });
    expect(post.statusCode).toBe(400);
    expect(post.json()).toMatchObject({ error: 'bad_request' });
  });
});
