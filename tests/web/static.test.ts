import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileInMemory } from '../../server/web/static';
import { createTestApp, type TestApp } from '../helpers/app';

let t: TestApp;
let root: string;
beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'kotsu-web-'));
  fs.mkdirSync(path.join(root, 'assets'));
  fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>Kotsu</title>');
  fs.writeFileSync(path.join(root, 'assets', 'app-abc123.js'), 'export {};');
  fs.writeFileSync(path.join(root, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  t = await createTestApp({ config: { webRoot: root } });
});
afterAll(async () => { await t.close(); fs.rmSync(root, { recursive: true, force: true }); });

describe('web app serving', () => {
  it.each(['/', '/tips/12', '/tags/Excel', '/search?q=%E9%96%A2%E6%95%B0', '/admin/users'])('loads the app for the deep link %s', async (url) => {
    const res = await t.app.inject({ method: 'GET', url });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.body).toContain('<title>Kotsu</title>');
  });

  it('caches hashed assets for a year', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/assets/app-abc123.js' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toContain('immutable');
  });

  it('caches the favicon for a day, so a browser does not ask for it with every page', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/favicon.svg' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=86400');
  });

  it('never answers an unknown /api path with the app', async () => {
    const res = await t.as(t.admin, { method: 'GET', url: '/api/does-not-exist' });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ error: 'not_found' });
    expect((await t.as(t.admin, { method: 'GET', url: '/api' })).statusCode).toBe(404);
    // No route matched: 404 whoever asks, before any identity is looked at (nothing is read).
    expect((await t.app.inject({ method: 'GET', url: '/api/nope' })).statusCode).toBe(404);
  });

  it('serves an asset a release wrote after the server started (its static routes are made at start)', async () => {
    fs.writeFileSync(path.join(root, 'assets', 'editor-def456.js'), 'export const later = 1;');
    const res = await t.app.inject({ method: 'GET', url: '/assets/editor-def456.js' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/javascript/);
    expect(res.headers['cache-control']).toContain('immutable');
    expect(res.body).toBe('export const later = 1;');
  });

  it.each(['/assets/index-gone123.js', '/assets/old-chunk.css', '/assets/..%2Findex.html', '/assets/a%5C..%5C..%5Cindex.html', '/assets/'])(
    'answers the missing or malformed asset %s with 404, never the app in place of a script', async (url) => {
      const res = await t.app.inject({ method: 'GET', url });
      expect(res.statusCode).toBe(404);
      expect(res.headers['content-type']).not.toMatch(/text\/html/);
    });

  it('answers a page request that is not GET with 404, not the app', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/tips/1' });
    expect(res.statusCode).toBe(404);
  });
});

describe('system routes', () => {
  it('serves health and the OpenAPI document without a session', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/health' })).json()).toEqual({ status: 'ok' });
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(doc.openapi).toMatch(/^3\./);
    for (const p of ['/api/posts', '/api/posts/{id}', '/api/session', '/api/setup', '/api/tags', '/api/me', '/api/users']) {
      expect(doc.paths, p).toHaveProperty([p]);
    }
    expect(doc.paths['/api/posts'].post.requestBody.content['application/json'].schema.additionalProperties).toBe(false);
  });
});

describe('index.html kept in memory', () => {
  it('is read once, and again (one stat a second at most) when a release replaces it', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kotsu-shell-'));
    const file = path.join(dir, 'index.html');
    fs.writeFileSync(file, 'release 1');
    let clock = 0;
    const shell = fileInMemory(file, 1000, () => clock);
    expect(shell.read().toString()).toBe('release 1');
    // A release writes a new file in its place (new inode, other size and time).
    fs.writeFileSync(`${file}.new`, 'release 2 is longer');
    fs.renameSync(`${file}.new`, file);
    expect(shell.read().toString()).toBe('release 1'); // within the second: the copy in memory
    clock += 1000;
    expect(shell.read().toString()).toBe('release 2 is longer');
    // While the file is missing (mid-replacement), the copy in memory is served.
    fs.rmSync(file);
    clock += 1000;
    expect(shell.read().toString()).toBe('release 2 is longer');
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
