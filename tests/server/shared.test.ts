import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { byId, paginate } from '../../server/http/cursor';
import { HttpError } from '../../server/http/errors';
import { lastMonths } from '../../server/impact/service';
import { foldName } from '../../server/shared/fold';
import { addDays, japanDay, japanDayStartIso, lastJapanMonths } from '../../server/shared/japan-time';
import { normalizeTag } from '../../server/tags/normalize';
import { normalizeTemplateName } from '../../server/templates/store';
import { normalizeUsername } from '../../server/users/store';

const SERVER = path.resolve(import.meta.dirname, '..', '..', 'server');
function sources(dir = SERVER): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []);
}
const rel = (f: string) => path.relative(SERVER, f).split(path.sep).join('/');

describe('paginate', () => {
  const rows = Array.from({ length: 7 }, (_, i) => ({ id: 100 - i }));
  // A store's keyset query: ids below the cursor's, newest first, `take` rows.
  const fetch = (after: (string | number)[] | null, take: number) => rows.filter((r) => after === null || r.id < (after[0] as number)).slice(0, take);

  it('walks every row once, in order, page by page, and ends with a null cursor', () => {
    const seen: number[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = paginate({ cursor, limit: 3 }, byId, fetch, (rs) => rs.map((r) => r.id));
      seen.push(...page.items);
      cursor = page.nextCursor ?? undefined;
      pages += 1;
    } while (cursor);
    expect(seen).toEqual(rows.map((r) => r.id));
    expect(pages).toBe(3);
    // Exactly a page's worth left: no empty last page.
    expect(paginate({ limit: 7 }, byId, fetch, (rs) => rs).nextCursor).toBeNull();
  });

  it('answers 400 for a cursor that is not one it made', () => {
    for (const cursor of ['%%%', Buffer.from('["x"]').toString('base64url'), Buffer.from('[1,2]').toString('base64url'), Buffer.from('{}').toString('base64url')]) {
      expect(() => paginate({ cursor, limit: 3 }, byId, fetch, (rs) => rs), cursor).toThrow(HttpError);
    }
  });
});

describe('one text fold', () => {
  it('tags and template names compare the same way; login names deliberately do not fold (issue 16: identity is exact)', () => {
    for (const [a, b] of [['ＥＸＣＥＬ', 'excel'], ['Ｅｘｃｅｌ　関数', 'excel 関数'], ['ｶﾀｶﾅ', 'カタカナ'], ['  VBA   マクロ ', 'vba マクロ']]) {
      expect(normalizeTag(a)).toBe(foldName(b));
      expect(normalizeTemplateName(a)).toBe(normalizeTag(a));
    }
    // A full-width login name is another name, never folded into sato-t (server/users/identity.ts).
    expect(normalizeUsername('Ｓａｔｏ-T')).not.toBe(normalizeUsername('sato-t'));
    expect(normalizeUsername('Sato-T')).toBe(normalizeUsername('sato-t'));
  });

  it('is written once: no other server module folds (NFKC, lower case) by hand (search keeps its own normalizer)', () => {
    const hand = sources().filter((f) => !/\/(shared\/fold|search\/[^/]+)\.ts$/.test(f) && /normalize\(['"]NFKC['"]\)\.toLowerCase\(\)/.test(fs.readFileSync(f, 'utf8')));
    expect(hand.map(rel)).toEqual([]);
  });
});

describe('one module for Japan time', () => {
  it('days, day starts and months are in Japan time', () => {
    expect(japanDay(new Date('2026-03-31T15:00:00Z'))).toBe('2026-04-01');
    expect(japanDay(new Date('2026-03-31T14:59:59Z'))).toBe('2026-03-31');
    expect(japanDayStartIso('2026-04-01')).toBe('2026-03-31T15:00:00.000Z');
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(lastJapanMonths(new Date('2026-03-31T15:30:00Z'), 3)).toEqual({ months: ['2026-02', '2026-03', '2026-04'], since: '2026-01-31T15:00:00.000Z' });
    expect(lastMonths).toBe(lastJapanMonths);
  });

  it('is written once: no other server module adds nine hours by hand', () => {
    const hand = sources().filter((f) => !f.endsWith('shared/japan-time.ts') && /9 \* 3_?600_?000|9 \* 60 \* 60|'\+9 hours'/.test(fs.readFileSync(f, 'utf8')));
    expect(hand.map(rel)).toEqual([]);
  });
});
