import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/** Every source file of the web app, with its text. */
function sources(dir: string): { file: string; text: string }[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sources(p);
    return /\.(ts|js|html)$/.test(e.name) ? [{ file: path.relative(process.cwd(), p), text: fs.readFileSync(p, 'utf8') }] : [];
  });
}

describe('web app dialogs (issue 18)', () => {
  const files = sources(path.resolve('web/src'));

  it('reads the web sources', () => {
    expect(files.length).toBeGreaterThan(50);
  });

  it('never asks with prompt(): reasons are typed in the app’s own dialog', () => {
    // Any call of prompt — window.prompt(, globalThis.prompt(, or a bare prompt( — but not a word ending in "prompt".
    const calls = files.filter((f) => /(^|[^\w$.])prompt\s*\(|\.prompt\s*\(/m.test(f.text)).map((f) => f.file);
    expect(calls).toEqual([]);
  });

  it('hides tips and comments through the one confirmation dialog', () => {
    const using = files.filter((f) => /confirmAction\(/.test(f.text)).map((f) => path.basename(f.file)).sort();
    expect(using).toEqual(expect.arrayContaining(['kotsu-comment-item.ts', 'kotsu-tip-moderation.ts', 'kotsu-users-admin-page.ts', 'kotsu-moderation-page.ts']));
    // The admin pages that change other people never use the browser's confirm() box.
    for (const f of files.filter((f) => /kotsu-(users-admin|moderation)-page\.ts$/.test(f.file))) {
      expect(f.text, f.file).not.toMatch(/\bconfirm\s*\(/);
    }
  });
});
