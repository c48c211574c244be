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

  it('never uses the browser’s confirm() or alert(): every question is the app’s own dialog (only the router’s leave guard keeps confirm)', () => {
    // window.confirm(, globalThis.alert(, … and bare calls; not a method of our own (this.confirm(), async confirm()).
    const native = /\b(?:window|globalThis|self|top|parent)\s*\.\s*(?:confirm|prompt|alert)\s*\(|(?<![\w$.]|async\s|function\s)(?:confirm|prompt|alert)\s*\(/g;
    const calls = files.flatMap((f) => f.text.split('\n').flatMap((line, i) =>
      native.test(line) && !(native.lastIndex = 0) ? [`${f.file}:${i + 1}: ${line.trim()}`] : []));
    expect(calls.filter((c) => !c.startsWith(path.join('web', 'src', 'router', 'router.ts')))).toEqual([]);
    // The leave guard asks once, before leaving a page with unsaved work (the browser's own beforeunload is the same kind).
    expect(calls.filter((c) => c.startsWith(path.join('web', 'src', 'router', 'router.ts')))).toHaveLength(1);
  });

  it('asks through confirmAction() wherever something is deleted, restored, replaced, published or moved to the next phase', () => {
    const using = new Set(files.filter((f) => /confirmAction\(/.test(f.text)).map((f) => path.basename(f.file)));
    for (const name of ['kotsu-awards-admin-page.ts', 'kotsu-award-results-page.ts', 'kotsu-templates-admin-page.ts', 'kotsu-history-page.ts',
      'kotsu-tip-page.ts', 'kotsu-request-page.ts', 'kotsu-comment-item.ts', 'kotsu-editor-page.ts']) {
      expect(using.has(name), name).toBe(true);
    }
  });
});
