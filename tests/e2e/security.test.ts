import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BODY_CASES, TEXT_CASES } from '../security/hostile-cases';
import { apiCall, createUser, launchBrowser, newContext, setupAdmin, startServer, type TestServer } from './harness';

/**
 * The hostile-input suite on the real web app in Chromium, under the app's real CSP: tips
 * whose title, body, tags and author profile are hostile are shown on the tip page, the home
 * list, the tag page, the author page and search. Nothing may run (no dialog, no page error) and
 * the page must not trip the CSP except for refusing outside images (which the policy forbids by
 * design); any other violation would mean injected code or an app that needs more than the
 * policy allows.
 */
interface Trace { dialogs: string[]; errors: string[]; violations: string[] }

async function traced(context: BrowserContext): Promise<{ page: Page; trace: Trace }> {
  const page = await context.newPage();
  const trace: Trace = { dialogs: [], errors: [], violations: [] };
  page.on('dialog', (d) => { trace.dialogs.push(d.message()); void d.dismiss(); });
  page.on('pageerror', (e) => trace.errors.push(e.message));
  await page.exposeFunction('__kotsuViolation', (v: string) => { trace.violations.push(v); });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { __kotsuViolation(v: string): void }).__kotsuViolation(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  return { page, trace };
}

const unexpected = (violations: string[]) => violations.filter((v) => !/^img-src https?:/.test(v));

describe('hostile content on the real pages', () => {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  const tipIds: number[] = [];
  const hostileTag = TEXT_CASES.find((c) => c.field === 'tags')!.value;
  const hostileName = TEXT_CASES.find((c) => c.field === 'displayName')!.value;

  beforeAll(async () => {
    server = await startServer({}, { writeLimitPerMinute: 1e6, loginMaxPerAddress: 1e6 });
    const admin = await setupAdmin(server);
    const author = await createUser(server, admin, 'hostile', { displayName: hostileName, department: '<svg onload=alert(1)>' });
    const titles = TEXT_CASES.filter((c) => c.field === 'title' && !c.refused).map((c) => c.value);
    const bodies = BODY_CASES.filter((c) => !c.refused);
    for (const [i, c] of bodies.entries()) {
      const res = await apiCall(server, 'POST', '/api/posts', { title: titles[i % titles.length], body: `${c.value.slice(0, 99_980)}\n\nalert 検査`, tags: [hostileTag] }, author);
      expect(res.status, c.name).toBe(201);
      tipIds.push(res.json.id as number);
    }
    browser = await launchBrowser();
    context = await newContext(browser, server);
    const [name, value] = admin.split('=');
    await context.addCookies([{ name, value, url: server.url }]);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('every hostile tip page runs nothing and trips no script or style policy', async () => {
    // Three tabs, each taking the next tip until none is left: one tab's wait for the network to
    // go quiet (500 ms after the last request) overlaps the others' (one tab: 40 s of 54 tips).
    const tabs = await Promise.all([1, 2, 3].map(() => traced(context)));
    const queue = [...tipIds];
    await Promise.all(tabs.map(async ({ page }) => {
      for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
        await page.goto(`/tips/${id}`);
        await page.waitForLoadState('networkidle');
        // Hover and focus everything, as a reader would.
        await page.evaluate(() => {
          for (const el of Array.from(document.querySelectorAll('*'))) for (const type of ['mouseover', 'focus']) el.dispatchEvent(new Event(type));
        });
      }
    }));
    expect(queue).toEqual([]);
    for (const { page, trace } of tabs) {
      expect(trace.dialogs).toEqual([]);
      expect(trace.errors).toEqual([]);
      expect(unexpected(trace.violations)).toEqual([]);
      await page.close();
    }
  }, 300_000);

  it('the home list, tag page, author page and search run nothing either', async () => {
    const { page, trace } = await traced(context);
    for (const url of ['/', `/tags/${encodeURIComponent(hostileTag)}`, '/users/hostile', `/search?q=${encodeURIComponent('alert')}`,
      `/search?q=${encodeURIComponent('<script>alert(1)</script>')}`, `/search?q=${encodeURIComponent('"><img src=x onerror=alert(1)>')}`]) {
      await page.goto(url);
      await page.waitForLoadState('networkidle');
    }
    expect(trace.dialogs).toEqual([]);
    expect(trace.errors).toEqual([]);
    expect(unexpected(trace.violations)).toEqual([]);
    await page.close();
  }, 120_000);
});
