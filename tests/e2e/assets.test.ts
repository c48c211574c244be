import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/** The intranet has no internet: the built app must not point anywhere off the server. */
describe('built web assets', () => {
  const out = path.resolve('dist', 'web');
  const files = (dir: string): string[] => fs.readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : [path.join(dir, e.name)]));

  // XML namespace names are identifiers, never fetched.
  const NAMESPACES = new Set(['http://www.w3.org/2000/svg', 'http://www.w3.org/1999/xhtml', 'http://www.w3.org/1999/xlink']);

  it('contain no external URL (no CDN, fonts, scripts or images from elsewhere)', () => {
    const found: string[] = [];
    for (const file of files(out).filter((f) => /\.(js|css|html|svg|json)$/.test(f))) {
      const text = fs.readFileSync(file, 'utf8');
      for (const m of text.matchAll(/(?:https?:)?\/\/[a-z0-9.-]+\.[a-z]{2,}[^\s"'`)<>]*/gi)) {
        if (!NAMESPACES.has(m[0])) found.push(`${path.relative(out, file)}: ${m[0]}`);
      }
    }
    expect(found).toEqual([]);
  });

  it('ship a production build of Lit and no inline script in index.html', () => {
    const index = fs.readFileSync(path.join(out, 'index.html'), 'utf8');
    expect(index).toMatch(/<script type="module"[^>]*src="\/assets\/[^"]+\.js"/);
    expect(index).not.toMatch(/<script(?![^>]*src=)[^>]*>/);
    const js = files(out).filter((f) => f.endsWith('.js')).map((f) => fs.readFileSync(f, 'utf8')).join('\n');
    expect(js).not.toContain('Lit is in dev mode');
  });
});
