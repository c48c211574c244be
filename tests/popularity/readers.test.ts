import { afterEach, describe, expect, it } from 'vitest';
import { isBrowserAgent } from '../../server/views/readers';
import type { TestApp } from '../helpers/app';
import { clockedApp, members, postTip } from './helpers';

/**
 * Views are people reading in a browser. isbot alone took a request with no User-Agent at all, and
 * PowerShell's Invoke-WebRequest / Invoke-RestMethod ("Mozilla/5.0 (Windows NT; …)
 * WindowsPowerShell/5.1", PowerShell 7's "… PowerShell/7.4.0"), for people: a script looping over
 * tips with a member's session counted a view on each, every day (docs/POPULARITY.md says
 * PowerShell is not counted). A reader's User-Agent now has to name a browser engine as well.
 */
const BROWSERS = [
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0',
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15',
  'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1',
  'Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; rv:11.0) like Gecko',
];
const MACHINES = [
  '',
  'Mozilla/5.0',
  'Mozilla/5.0 (Windows NT; Windows NT 10.0; ja-JP) WindowsPowerShell/5.1.19041.5247',
  'Mozilla/5.0 (Windows NT 10.0; Microsoft Windows 10.0.19045; ja-JP) PowerShell/7.4.6',
  'Mozilla/5.0 (Linux; Ubuntu 24.04) PowerShell/7.4.6',
  'python-requests/2.32.3',
  'curl/8.11.0',
  'Microsoft Office/16.0 (Windows NT 10.0; Microsoft Excel 16.0.18227; Pro)',
  'Mozilla/4.0 (compatible; Win32; WinHttp.WinHttpRequest.5)',
  'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)',
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/131.0.0.0 Safari/537.36',
];

let t: TestApp;
afterEach(async () => { await t?.close(); });

describe('who is a reader', () => {
  it('browsers are; scripts, an empty or bare User-Agent and crawlers are not', () => {
    expect(BROWSERS.filter((ua) => !isBrowserAgent(ua))).toEqual([]);
    expect(MACHINES.filter((ua) => isBrowserAgent(ua))).toEqual([]);
  });

  it('a view from PowerShell or without a User-Agent is not counted', async () => {
    t = (await clockedApp('2026-04-01T12:00:00+09:00')).t;
    const [alice, bob] = await members(t, 'u', 2);
    const tip = await postTip(t, alice, { title: 'A' });
    for (const ua of [MACHINES[2], MACHINES[3]]) {
      const res = await t.as(bob, { method: 'POST', url: `/api/posts/${tip.id}/views`, headers: { 'user-agent': ua } });
      expect(res.json(), ua).toMatchObject({ counted: false, viewCount: 0 });
    }
    // light-my-request sends its own User-Agent unless one is given: an empty header is none.
    const bare = await t.as(bob, { method: 'POST', url: `/api/posts/${tip.id}/views`, headers: { 'user-agent': '' } });
    expect(bare.json()).toMatchObject({ counted: false, viewCount: 0 });
    const browser = await t.as(bob, { method: 'POST', url: `/api/posts/${tip.id}/views`, headers: { 'user-agent': BROWSERS[0] } });
    expect(browser.json()).toMatchObject({ counted: true, viewCount: 1 });
  });
});
