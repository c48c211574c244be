/**
 * Browser-test harness: a real Kotsu server on a temporary database and a free port, serving
 * the built web app, and Debian's Chromium driven by playwright-core (no browser download).
 */
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { FastifyInstance } from 'fastify';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { buildApp } from '../../server/app';
import { loadConfig, type Config } from '../../server/config';

export const CHROMIUM = process.env.KOTSU_CHROMIUM ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic',
];
export const PASSWORD = 'correct horse battery staple';

export interface TestServer {
  url: string;
  app: FastifyInstance;
  dir: string;
  close(): Promise<void>;
}

export async function startServer(env: Record<string, string> = {}, overrides: Partial<Config> = {}): Promise<TestServer> {
  // Browser test files run two at a time: the port found free may be taken by the other file
  // before this app listens on it. Then start again on another port.
  for (let attempt = 1; ; attempt++) {
    try {
      return await startServerOnce(env, overrides);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EADDRINUSE' || attempt === 5) throw err;
    }
  }
}

async function startServerOnce(env: Record<string, string>, overrides: Partial<Config>): Promise<TestServer> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kotsu-e2e-'));
  // The public URL is where the browser finds the server: writes are accepted from that origin only.
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const config = loadConfig({ KOTSU_PUBLIC_URL: url, ...env }, {
    dbPath: path.join(dir, 'kotsu.db'), port, host: '127.0.0.1', scryptCost: 1024,
    webRoot: path.resolve('dist', 'web'), ...overrides,
  });
  const app = await buildApp({ config });
  try {
    await app.listen({ port, host: '127.0.0.1' });
  } catch (err) {
    await app.close();
    fs.rmSync(dir, { recursive: true, force: true });
    throw err;
  }
  return {
    url, app, dir,
    async close() {
      await app.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A port nothing listens on now (the OS picks it), so the public URL is known before the app is built. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

/** A fresh browser context that fails the test if the page fetches anything off the server. */
export async function newContext(browser: Browser, server: TestServer, opts: { width?: number } = {}): Promise<BrowserContext> {
  const context = await browser.newContext({
    baseURL: server.url, locale: 'ja-JP', timezoneId: 'Asia/Tokyo',
    viewport: { width: opts.width ?? 1280, height: 900 },
    // Headless Chromium says "HeadlessChrome", which the view counter rightly treats as a bot.
    userAgent: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/150.0.0.0 Safari/537.36',
  });
  const external: string[] = [];
  context.on('request', (req) => {
    const u = req.url();
    if (!u.startsWith(server.url) && !u.startsWith('data:') && !u.startsWith('blob:')) external.push(u);
  });
  (context as BrowserContext & { externalRequests: string[] }).externalRequests = external;
  return context;
}

export function externalRequests(context: BrowserContext): string[] {
  return (context as BrowserContext & { externalRequests?: string[] }).externalRequests ?? [];
}

/**
 * axe-core for the page as it is now. On a page with no frame but itself (the app has none), it
 * runs as `axe.run` inside the page (legacy mode): the same rules on the same DOM, the same results
 * (compared on a tip page: the same violations, passes, incomplete and inapplicable rules, node
 * for node), in half the time. The default runs axe in every frame and then merges the results in a
 * newly opened blank tab, injecting axe's 580 KB there too: ~1–2.5 s a call on a loaded 2-core
 * machine, ~60 calls per test run. A page with frames gets the default, which also reaches
 * cross-origin frames.
 */
export function axe(page: Page): AxeBuilder {
  return new AxeBuilder({ page }).setLegacyMode(page.frames().length === 1);
}

/** Fails on any serious or critical axe-core violation on the page as it is now. */
export async function expectAccessible(page: Page, where: string): Promise<void> {
  const result = await axe(page).analyze();
  const bad = result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
  expect(bad, `accessibility problems on ${where}`).toEqual([]);
}

/** API calls from the test itself, with the session of the given cookie. */
export async function apiCall(server: TestServer, method: string, url: string, body?: unknown, cookie?: string) {
  const res = await fetch(`${server.url}${url}`, {
    method,
    // As the app's page sends it: writes carry the page's Origin.
    headers: { origin: server.url, ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...(cookie ? { cookie } : {}) },
    body: body !== undefined ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  return { status: res.status, json: text ? JSON.parse(text) : null, headers: res.headers };
}

export async function apiLogin(server: TestServer, username: string, password = PASSWORD): Promise<string> {
  const res = await fetch(`${server.url}/api/session`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status}`);
  return (res.headers.get('set-cookie') ?? '').split(';')[0];
}

/** Creates the first administrator through the API and returns their cookie. */
export async function setupAdmin(server: TestServer, username = 'admin'): Promise<string> {
  const res = await apiCall(server, 'POST', '/api/setup', { username, password: PASSWORD, displayName: '管理者', department: 'デジタル推進課' });
  if (res.status !== 201) throw new Error(`setup: ${res.status}`);
  return apiLogin(server, username);
}

export async function createUser(server: TestServer, adminCookie: string, username: string, extra: { role?: string; department?: string; displayName?: string } = {}): Promise<string> {
  const res = await apiCall(server, 'POST', '/api/users', {
    username, password: PASSWORD, displayName: extra.displayName ?? `${username}さん`, department: extra.department ?? '総務課', role: extra.role ?? 'member',
  }, adminCookie);
  if (res.status !== 201) throw new Error(`create user ${username}: ${res.status} ${JSON.stringify(res.json)}`);
  return apiLogin(server, username);
}

/** Logs in through the web page. */
export async function uiLogin(page: Page, username: string, password = PASSWORD): Promise<void> {
  // Already on the login page (e.g. sent there with ?next=): stay, so the redirect is kept.
  if (new URL(page.url()).pathname !== '/login') await page.goto('/login');
  await page.getByLabel('ユーザー名').fill(username);
  await page.getByLabel('パスワード').fill(password);
  await page.getByRole('button', { name: 'ログイン' }).click();
  await page.waitForURL((u) => u.pathname !== '/login');
}

/**
 * A page in a context of its own (newContext), signed in as `username` through the login form.
 * Any native dialog fails the test: every question is the app's own dialog (issue 18). The context
 * is added to `contexts`, for the file's afterAll to close and check for external requests.
 */
export async function signedInPage(browser: Browser, server: TestServer, contexts: BrowserContext[], username: string, width?: number): Promise<Page> {
  const context = await newContext(browser, server, { width });
  contexts.push(context);
  const page = await context.newPage();
  page.on('dialog', (d) => { throw new Error(`native dialog: ${d.type()} ${d.message()}`); });
  await uiLogin(page, username);
  return page;
}

/** The page's session as a Cookie header, for apiCall on its behalf. */
export async function pageCookie(page: Page): Promise<string> {
  return (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
}

/** With KOTSU_SHOTS set (a folder), the page at 1280 and 360 px, to look at; nothing otherwise. */
export async function screenshots(page: Page, name: string): Promise<void> {
  if (!process.env.KOTSU_SHOTS) return;
  const { width = 1280, height = 900 } = page.viewportSize() ?? {};
  for (const w of [1280, 360]) {
    await page.setViewportSize({ width: w, height: 900 });
    await page.screenshot({ path: `${process.env.KOTSU_SHOTS}/${name}-${w}.png`, fullPage: true });
  }
  await page.setViewportSize({ width, height });
}
