import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/app';
import { loadConfig } from '../../server/config';
import { openDatabase, type Database } from '../../server/db/database';

/**
 * End to end through a real nginx (Debian's package) on loopback, configured as the README
 * shows: nginx authenticates (here with basic auth standing in for the intranet sign-on) and
 * overwrites the identity headers. nginx reaches the app from 127.0.0.2 (proxy_bind), the only
 * trusted address; this test's own direct requests come from 127.0.0.1 and are not believed.
 */
const NGINX = fs.existsSync('/usr/sbin/nginx') ? '/usr/sbin/nginx' : 'nginx';

let dir: string;
let app: FastifyInstance;
let db: Database;
let nginx: ChildProcess;
let viaProxy: string;
let direct: string;
let nginxLog = '';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

async function waitFor(url: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    try { await fetch(url); return; } catch { await new Promise((r) => setTimeout(r, 50)); }
  }
  throw new Error(`nginx did not start: ${nginxLog}`);
}

function nginxConfig(o: { dir: string; listen: number; app: number }): string {
  return `
daemon off;
master_process off;
worker_processes 1;
pid ${o.dir}/nginx.pid;
error_log ${o.dir}/error.log warn;
events { worker_connections 64; }
http {
  access_log off;
  client_body_temp_path ${o.dir}/body;
  proxy_temp_path ${o.dir}/proxy;
  fastcgi_temp_path ${o.dir}/fastcgi;
  uwsgi_temp_path ${o.dir}/uwsgi;
  scgi_temp_path ${o.dir}/scgi;
  # The sign-on's display name, percent-encoded UTF-8 (a real sign-on supplies it).
  map $remote_user $kotsu_name { tanaka "%E7%94%B0%E4%B8%AD%20%E5%A4%AA%E9%83%8E"; default ""; }
  server {
    listen 127.0.0.1:${o.listen};
    location / {
      auth_basic "Kotsu";
      auth_basic_user_file ${o.dir}/htpasswd;
      proxy_pass http://127.0.0.1:${o.app};
      proxy_bind 127.0.0.2;
      proxy_set_header Host $http_host;
      proxy_set_header X-Forwarded-For $remote_addr;
      proxy_set_header X-Remote-User $remote_user;
      proxy_set_header X-Remote-Name $kotsu_name;
      proxy_set_header X-Remote-Department "";
    }
  }
}
`;
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kotsu-nginx-'));
  db = openDatabase(path.join(dir, 'kotsu.db'));
  app = await buildApp({
    config: loadConfig({ KOTSU_AUTH: 'proxy', KOTSU_TRUSTED_PROXIES: '127.0.0.2', KOTSU_ADMINS: 'admin' },
      { dbPath: path.join(dir, 'kotsu.db'), webRoot: null }),
    db,
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const appPort = (app.server.address() as net.AddressInfo).port;
  const listen = await freePort();
  fs.writeFileSync(path.join(dir, 'htpasswd'), 'tanaka:{PLAIN}tanaka-pass\nadmin:{PLAIN}admin-pass\n');
  fs.writeFileSync(path.join(dir, 'nginx.conf'), nginxConfig({ dir, listen, app: appPort }));
  nginx = spawn(NGINX, ['-p', dir, '-e', path.join(dir, 'error.log'), '-c', path.join(dir, 'nginx.conf')], { stdio: ['ignore', 'pipe', 'pipe'] });
  nginx.stderr?.on('data', (c: Buffer) => { nginxLog += c.toString(); });
  nginx.on('error', (err) => { nginxLog += String(err); });
  viaProxy = `http://127.0.0.1:${listen}`;
  direct = `http://127.0.0.1:${appPort}`;
  await waitFor(viaProxy);
}, 30_000);

afterAll(async () => {
  nginx?.kill('SIGTERM');
  await app?.close();
  db?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const basic = (user: string, pass: string) => `Basic ${Buffer.from(`${user}:${pass}`).toString('base64')}`;

describe('proxy SSO through a real nginx', () => {
  it('the identity is the one nginx authenticated: a client-sent X-Remote-User and X-Remote-Name are replaced', async () => {
    const res = await fetch(`${viaProxy}/api/me`, {
      headers: { authorization: basic('tanaka', 'tanaka-pass'), 'x-remote-user': 'admin', 'x-remote-name': '%E5%81%BD', 'x-remote-department': 'forged' },
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ username: 'tanaka', displayName: '田中 太郎', department: '', role: 'member' });
  });

  it('the real administrator is an administrator through the same proxy', async () => {
    const res = await fetch(`${viaProxy}/api/me`, { headers: { authorization: basic('admin', 'admin-pass') } });
    expect((await res.json()).role).toBe('admin');
  });

  it('without the sign-on nginx refuses, whatever identity header the client adds', async () => {
    const res = await fetch(`${viaProxy}/api/me`, { headers: { 'x-remote-user': 'admin' } });
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toMatch(/Basic/);
  });

  it('a forged header sent straight to the app, bypassing nginx, is ignored', async () => {
    const res = await fetch(`${direct}/api/me`, { headers: { 'x-remote-user': 'admin' } });
    expect(res.status).toBe(401);
    expect((await res.json()).error).toBe('unauthenticated');
    const write = await fetch(`${direct}/api/posts`, {
      method: 'POST', headers: { 'x-remote-user': 'admin', 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'forged', body: '', tags: [] }),
    });
    expect(write.status).toBe(401);
    expect(db.prepare("SELECT count(*) FROM posts WHERE title = 'forged'").pluck().get()).toBe(0);
  });

  it('writes through nginx are made as the authenticated user', async () => {
    const res = await fetch(`${viaProxy}/api/posts`, {
      method: 'POST',
      // The app's page sends its Origin (KOTSU_PUBLIC_URL, here the default) with every write.
      headers: { authorization: basic('tanaka', 'tanaka-pass'), 'x-remote-user': 'admin', 'content-type': 'application/json', origin: 'http://localhost:3000' },
      body: JSON.stringify({ title: 'nginx 経由の投稿', body: 'ok', tags: [] }),
    });
    expect(res.status).toBe(201);
    expect((await res.json()).author.username).toBe('tanaka');
    expect(res.headers.get('content-security-policy')).toMatch(/default-src 'self'/);
  });
});
