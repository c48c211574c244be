import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app';
import { rawRequest } from '../security/raw-http';

/**
 * Requests Node's HTTP parser refuses before Fastify routes them (server/http/errors.ts
 * `clientErrors`) get the API's error shape, as every other bad input does.
 */
describe('requests that are not valid HTTP', () => {
  let t: TestApp;
  let port: number;
  beforeAll(async () => {
    t = await createTestApp();
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    port = (t.app.server.address() as { port: number }).port;
  });
  afterAll(async () => { await t.close(); });

  /** Bytes written as they are on a fresh socket, the whole answer read until the server closes. */
  const send = (bytes: Buffer) => new Promise<string>((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => socket.write(bytes));
    const chunks: Buffer[] = [];
    socket.setTimeout(10_000, () => socket.destroy(new Error('timeout')));
    socket.on('data', (d: Buffer) => chunks.push(d));
    socket.on('error', reject);
    socket.on('close', () => resolve(Buffer.concat(chunks).toString('utf8')));
  });

  it('an address with raw non-ASCII letters, on any path, is a 400 in the API shape', async () => {
    for (const target of ['/api/search?q=日本語', '/api/posts/１', '/tips/ピボット', '/api/search?q=\u00e9']) {
      const res = await rawRequest(port, 'GET', target, { cookie: t.admin.cookie });
      expect(res.status, target).toBe(400);
      expect(res.headers['content-type'], target).toContain('application/json');
      expect(JSON.parse(res.body), target).toEqual({ error: 'bad_request', reason: 'invalid_input', message: expect.stringContaining('percent-encoded') });
    }
  });

  it('a malformed request line or header, and headers past the limit, likewise', async () => {
    const cases: [string, Buffer, number][] = [
      ['garbage', Buffer.from('GARBAGE\r\n\r\n'), 400],
      ['header without a colon', Buffer.from('GET / HTTP/1.1\r\nHost: x\r\nBad Header\r\n\r\n'), 400],
      ['header past the limit', Buffer.from(`GET / HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`), 431],
    ];
    for (const [name, bytes, status] of cases) {
      const raw = await send(bytes);
      expect(raw.split('\r\n')[0], name).toBe(`HTTP/1.1 ${status} ${status === 431 ? 'Request Header Fields Too Large' : 'Bad Request'}`);
      const body = JSON.parse(raw.slice(raw.indexOf('\r\n\r\n') + 4)) as { error: string; reason: string; message: string };
      expect(body.error, name).toBe(status === 431 ? 'too_large' : 'bad_request');
      expect(typeof body.message, name).toBe('string');
      expect(body.message.length, name).toBeGreaterThan(0);
    }
  });

  it('a well-formed request on the same server still answers', async () => {
    const res = await rawRequest(port, 'GET', '/api/health');
    expect(res.status).toBe(200);
  });
});
