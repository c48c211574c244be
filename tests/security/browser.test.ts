import type { AddressInfo } from 'node:net';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/app';
import { loadConfig } from '../../server/config';
import { openDatabase, type Database } from '../../server/db/database';
import { renderMarkdown } from '../../server/markdown/render';
import { BODY_CASES, TEXT_CASES } from './hostile-cases';

/**
 * In real Chromium: every hostile body's rendering, inserted the way the web app inserts it
 * (innerHTML, like Lit's unsafeHTML) and every hostile text field set as text, runs nothing —
 * first on a page with no CSP at all (the renderer alone must hold), then under the app's own
 * CSP, which also stops markup that never went through the renderer.
 */
const CHROMIUM = process.env.KOTSU_CHROMIUM ?? '/usr/bin/chromium';

let browser: Browser;
let app: FastifyInstance;
let db: Database;
let webRoot: string;
let base: string;

beforeAll(async () => {
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
  webRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'kotsu-csp-'));
  fs.writeFileSync(path.join(webRoot, 'index.html'), '<!doctype html><html><head><meta charset="utf-8"><title>t</title></head><body><main id="out"></main></body></html>');
  db = openDatabase(':memory:');
  app = await buildApp({ config: loadConfig({}, { dbPath: ':memory:', webRoot }), db });
  await app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
  db?.close();
  fs.rmSync(webRoot, { recursive: true, force: true });
});

interface Outcome { dialogs: string[]; errors: string[]; flagged: string[]; violations: number }

/** Inserts the fragments, pokes every element the ways a user would, and reports what ran. */
async function exercise(page: Page, fragments: { html?: string; text?: string }[]): Promise<Outcome> {
  const dialogs: string[] = [];
  const errors: string[] = [];
  page.on('dialog', (d) => { dialogs.push(d.message()); void d.dismiss(); });
  page.on('console', (m) => { if (m.type() === 'error' && !/Content Security Policy|Failed to load resource|ERR_/.test(m.text())) errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(e.message));
  const result = await page.evaluate(async (items) => {
    const w = window as unknown as { __violations: number };
    w.__violations = 0;
    document.addEventListener('securitypolicyviolation', () => { w.__violations++; });
    const out = document.getElementById('out') ?? document.body;
    for (const item of items) {
      const div = document.createElement('div');
      if (item.html !== undefined) div.innerHTML = item.html;
      else div.textContent = item.text ?? '';
      out.appendChild(div);
    }
    const flagged: string[] = [];
    for (const el of Array.from(out.querySelectorAll('*'))) {
      for (const type of ['mouseover', 'mouseenter', 'focus', 'pointerdown', 'animationstart', 'toggle', 'load', 'error']) {
        el.dispatchEvent(new Event(type));
      }
      if (el instanceof HTMLAnchorElement && /^(javascript|vbscript|data):/i.test(el.protocol)) flagged.push(el.outerHTML.slice(0, 80));
      if (el instanceof HTMLImageElement && /^(javascript|vbscript):/i.test(el.src)) flagged.push(el.outerHTML.slice(0, 80));
      if (/^(script|iframe|object|embed|svg|math|style|form|meta|base|link)$/i.test(el.tagName)) flagged.push(el.tagName);
    }
    await new Promise((r) => setTimeout(r, 300)); // let image errors and timers fire
    return { flagged, violations: w.__violations };
  }, fragments);
  return { dialogs, errors, ...result };
}

const stored = BODY_CASES.filter((c) => !c.refused);

describe('hostile content in Chromium', () => {
  it('the harness notices script that runs (control: raw markup, no CSP)', async () => {
    const page = await browser.newPage();
    await page.setContent('<!doctype html><main id="out"></main>');
    const outcome = await exercise(page, [{ html: '<img src=x onerror=alert(1)>' }]);
    expect(outcome.dialogs.length).toBeGreaterThan(0);
    expect(new Set(outcome.dialogs)).toEqual(new Set(['1']));
    await page.close();
  });

  it(`${stored.length} rendered bodies and ${TEXT_CASES.length} text fields run nothing on a page without CSP`, async () => {
    const page = await browser.newPage();
    await page.setContent('<!doctype html><main id="out"></main>');
    const outcome = await exercise(page, [
      ...stored.map((c) => ({ html: renderMarkdown(c.value) })),
      ...TEXT_CASES.map((c) => ({ text: c.value })),
    ]);
    expect(outcome.dialogs).toEqual([]);
    expect(outcome.errors).toEqual([]);
    expect(outcome.flagged).toEqual([]);
    await page.close();
  }, 60_000);

  it('under the app\'s CSP even markup that skipped the renderer cannot run script', async () => {
    const page = await browser.newPage();
    const res = await page.goto(`${base}/tips/1`);
    expect(res?.headers()['content-security-policy']).toMatch(/script-src 'self'/);
    const outcome = await exercise(page, [
      { html: '<img src=x onerror=alert(1)>' },
      { html: '<svg><animate onbegin=alert(2) attributeName=x dur=1s></svg>' },
      { html: '<a href="javascript:alert(3)" id="jl">x</a>' },
      ...stored.map((c) => ({ html: renderMarkdown(c.value) })),
    ]);
    await page.click('#jl').catch(() => undefined);
    await page.waitForTimeout(200);
    expect(outcome.dialogs).toEqual([]);
    expect(outcome.errors).toEqual([]);
    expect(outcome.violations).toBeGreaterThan(0); // the browser refused the inline handlers
    // No image from outside, no frame: fetches to other origins are refused too.
    const external = await page.evaluate(() => fetch('http://example.invalid/x').then(() => 'fetched', (e: Error) => e.name));
    expect(external).toBe('TypeError');
    await page.close();
  }, 60_000);
});
