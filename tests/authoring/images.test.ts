import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { IMAGE_MAX_BYTES } from '../../server/images/service';
import { postTip, type TestUser } from '../helpers/app';
import { useTestApp } from '../helpers/fixture';
import { GIF, HTML, JPEG, PNG, SVG, WEBP } from './fixtures';

const { t, users: { alice } } = useTestApp({ users: { alice: {} } });

const upload = (user: TestUser | null, body: Buffer, type = 'image/png') =>
  t.as(user, { method: 'POST', url: '/api/images', headers: { 'content-type': type }, payload: body });

describe('POST /api/images', () => {
  it.each([
    ['png', PNG, 'image/png', 'image/png'],
    ['jpg', JPEG, 'image/jpeg', 'image/jpeg'],
    ['gif', GIF, 'image/gif', 'image/gif'],
    ['webp', WEBP, 'image/webp', 'image/webp'],
    // The declared type does not matter, only the bytes.
    ['png', PNG, 'application/octet-stream', 'image/png'],
    ['gif', GIF, 'image/png', 'image/gif'],
  ])('stores a %s sent as %s under its content hash', async (ext, bytes, sentAs, mime) => {
    const res = await upload(alice, bytes as Buffer, sentAs as string);
    expect(res.statusCode).toBe(201);
    const hash = createHash('sha256').update(bytes as Buffer).digest('hex');
    expect(res.json()).toEqual({ hash, url: `/api/images/${hash}.${ext}`, markdown: `![](/api/images/${hash}.${ext})`, mime, size: (bytes as Buffer).length });
  });

  it.each([
    ['SVG disguised as PNG', SVG, 'image/png'],
    ['SVG as itself', SVG, 'image/svg+xml'],
    ['HTML disguised as PNG', HTML, 'image/png'],
    ['HTML as octet-stream', HTML, 'application/octet-stream'],
    ['an empty body', Buffer.alloc(0), 'image/png'],
    ['a PDF', Buffer.from('%PDF-1.7\n1 0 obj\n<<>>\nendobj\n'), 'image/png'],
  ])('refuses %s with 415 and stores nothing', async (_name, bytes, type) => {
    const res = await upload(alice, bytes as Buffer, type as string);
    expect(res.statusCode).toBe(415);
    expect(res.json().error).toBe('unsupported_media_type');
    expect(res.json().message).toMatch(/PNG/);
    expect(t.db.prepare('SELECT count(*) FROM images').pluck().get()).toBe(0);
  });

  it('refuses bodies that are not raw images (JSON, form, multipart) with 415', async () => {
    const json = await t.as(alice, { method: 'POST', url: '/api/images', payload: { data: PNG.toString('base64') } });
    expect(json.statusCode).toBe(415);
    const form = await upload(alice, Buffer.from('a=1'), 'application/x-www-form-urlencoded');
    expect(form.statusCode).toBe(415);
    expect(form.json().message).toMatch(/image/);
    const multipart = await upload(alice, Buffer.from('--x\r\n\r\n--x--'), 'multipart/form-data; boundary=x');
    expect(multipart.statusCode).toBe(415);
  });

  it('answers 413 over the size limit, with the limit in the message', async () => {
    const big = Buffer.concat([PNG, Buffer.alloc(IMAGE_MAX_BYTES)]);
    const res = await upload(alice, big);
    expect(res.statusCode).toBe(413);
    expect(res.json()).toMatchObject({ error: 'too_large' });
    expect(res.json().message).toMatch(/5 MB/);
    const atLimit = Buffer.concat([PNG, Buffer.alloc(IMAGE_MAX_BYTES - PNG.length)]);
    expect((await upload(alice, atLimit)).statusCode).toBe(201);
  });

  it('needs a session, and the other routes still take only JSON', async () => {
    expect((await upload(null, PNG)).statusCode).toBe(401);
    const res = await t.as(alice, { method: 'POST', url: '/api/posts', headers: { 'content-type': 'image/png' }, payload: PNG });
    expect(res.statusCode).toBe(415);
  });

  it('stores the same bytes once', async () => {
    const bob = await t.user('bob');
    const a = (await upload(alice, PNG)).json();
    const b = (await upload(bob, PNG)).json();
    expect(b.url).toBe(a.url);
    expect(t.db.prepare('SELECT count(*) FROM images').pluck().get()).toBe(1);
  });
});

describe('GET /api/images/:name', () => {
  it('serves the bytes with their type, nosniff, a year of private cache and an etag', async () => {
    const { url, hash } = (await upload(alice, PNG, 'application/octet-stream')).json();
    const bob = await t.user('bob');
    // Another member sees it once a tip names it (tests/security/image-access.test.ts has the rule).
    await postTip(t, alice, { title: 'with image', body: `![](${url})` });
    const res = await t.as(bob, { method: 'GET', url });
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload.equals(PNG)).toBe(true);
    expect(res.headers['content-type']).toBe('image/png');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['cache-control']).toBe('private, max-age=31536000, immutable');
    expect(res.headers.vary).toMatch(/cookie/i);
    expect(res.headers['content-security-policy']).toMatch(/sandbox/);
    expect(res.headers.etag).toBe(`"${hash}"`);
    const again = await t.as(bob, { method: 'GET', url, headers: { 'if-none-match': `"${hash}"` } });
    expect(again.statusCode).toBe(304);
    expect(again.rawPayload.length).toBe(0);
  });

  it('404s for unknown images or the wrong extension; 400s for names that are not hash.ext', async () => {
    const { hash } = (await upload(alice, PNG)).json();
    expect((await t.as(alice, { method: 'GET', url: `/api/images/${hash}.gif` })).statusCode).toBe(404);
    expect((await t.as(alice, { method: 'GET', url: `/api/images/${'0'.repeat(64)}.png` })).statusCode).toBe(404);
    for (const name of ['..%2F..%2Fetc%2Fpasswd', `${hash}.svg`, `${hash}.png.html`, 'x.png', `${hash.toUpperCase()}.png`]) {
      expect((await t.as(alice, { method: 'GET', url: `/api/images/${name}` })).statusCode, name).toBe(400);
    }
  });

  it('needs a session', async () => {
    const { url } = (await upload(alice, PNG)).json();
    expect((await t.as(null, { method: 'GET', url })).statusCode).toBe(401);
  });

  it('shows in a tip as an image with the uploaded address', async () => {
    const { markdown, url } = (await upload(alice, PNG)).json();
    const tip = await postTip(t, alice, { title: 'スクリーンショット付き', body: `手順:\n\n${markdown}` });
    expect(tip.html).toContain(`<img src="${url}" alt="" loading="lazy">`);
  });
});
