import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { proxyApp } from './helpers';

/**
 * The profile headers a trusted proxy sends (X-Remote-Name, X-Remote-Department: percent-encoded
 * UTF-8) in every hostile form: broken and truncated encodings, encoded surrogates, controls,
 * astral characters across the length cut, long values, markup. The request still works, and what
 * is stored is well-formed text that reads back exactly (no lone surrogate, no U+FFFD, no
 * controls), at most 100 characters.
 */
let a: Awaited<ReturnType<typeof proxyApp>>;
beforeAll(async () => { a = await proxyApp(); });
afterAll(async () => { await a.close(); });

const enc = encodeURIComponent;
const VALUES = [
  '%FF', '%', '%E3%81', '%ED%A0%80', '%F0%9F%98', '%00%0A%0D%1B', enc('😀'.repeat(60)), enc(`${'あ'.repeat(99)}😀😀`),
  enc(`${'a'.repeat(99)}👨‍👩‍👧`), enc('<script>alert(1)</script>'), enc('\u202e反転'), 'x'.repeat(10_000), enc('名'.repeat(5000)),
  enc(' \u3000 '), '%2525', enc('\ud83d'.replace(/./, 'a')),
];

describe('profile headers from the proxy', () => {
  it('are stored as well-formed text, read back as stored, whatever arrives', async () => {
    let i = 0;
    const failures: string[] = [];
    for (const value of VALUES) {
      for (const header of ['x-remote-name', 'x-remote-department']) {
        const username = `user${i++}`;
        const res = await a.app.inject({ method: 'GET', url: '/api/me', remoteAddress: '127.0.0.1', headers: { 'x-remote-user': username, [header]: value } });
        if (res.statusCode !== 200) { failures.push(`${header}: ${value.slice(0, 30)} → ${res.statusCode}`); continue; }
        const row = a.db.prepare('SELECT display_name, department FROM users WHERE username = ?').get(username) as { display_name: string; department: string };
        const me = res.json();
        for (const [stored, shown] of [[row.display_name, me.displayName], [row.department, me.department]] as const) {
          if (/[\ufffd\p{Cc}]|\p{Cs}/u.test(stored) || stored !== shown || [...stored].length > 100) {
            failures.push(`${header}: ${value.slice(0, 30)} → stored ${JSON.stringify(stored.slice(-6))} shown ${JSON.stringify(String(shown).slice(-6))}`);
          }
        }
      }
    }
    expect(failures).toEqual([]);
  });
});
