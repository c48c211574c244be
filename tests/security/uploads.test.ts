import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app';

let t: TestApp | undefined;
afterEach(async () => { await t?.close(); t = undefined; });

// The smallest valid PNG (1×1), then an HTML payload appended: a PNG/HTML polyglot.
const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000' +
  '1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082', 'hex');
const SVG = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script></svg>');
const HTML = Buffer.from('<!doctype html><script>alert(1)</script>');

describe('hostile uploads', () => {
  it('refuse SVG and HTML whatever Content-Type they claim (415), and cross-site uploads (403)', async () => {
    t = await createTestApp();
    if (!t.app.routeRules.some((r) => r.method === 'POST' && r.url === '/api/images')) return; // uploads not built here
    for (const [body, type] of [[SVG, 'image/svg+xml'], [SVG, 'image/png'], [HTML, 'image/png'], [HTML, 'application/octet-stream'], [SVG, 'text/plain']] as const) {
      const res = await t.as(t.admin, { method: 'POST', url: '/api/images', headers: { 'content-type': type }, payload: body });
      expect(res.statusCode, `${type} ${body.subarray(0, 10).toString()}`).toBe(415);
    }
    const cross = await t.as(t.admin, { method: 'POST', url: '/api/images', headers: { 'content-type': 'image/png', origin: 'http://evil.example' }, payload: PNG });
    expect(cross.statusCode).toBe(403);
  });

  it('serve an accepted image as an image only: its type, nosniff and a sandboxing CSP, behind login', async () => {
    t = await createTestApp();
    if (!t.app.routeRules.some((r) => r.method === 'POST' && r.url === '/api/images')) return;
    const polyglot = Buffer.concat([PNG, HTML]);
    const up = await t.as(t.admin, { method: 'POST', url: '/api/images', headers: { 'content-type': 'text/html' }, payload: polyglot });
    expect([201, 415]).toContain(up.statusCode);
    const ok = up.statusCode === 201 ? up : await t.as(t.admin, { method: 'POST', url: '/api/images', headers: { 'content-type': 'image/png' }, payload: polyglot });
    expect(ok.statusCode).toBe(201);
    const url = ok.json().url as string;
    const res = await t.as(t.admin, { method: 'GET', url });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('image/png');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(String(res.headers['content-security-policy'])).toMatch(/sandbox/);
    expect((await t.as(null, { method: 'GET', url })).statusCode).toBe(401);
  });
});
