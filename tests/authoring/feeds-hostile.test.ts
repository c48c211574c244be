import { parseFeed } from '@rowanmanning/feed-parser';
import fc from 'fast-check';
import { SaxesParser } from 'saxes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { xmlText } from '../../server/feeds/atom';
import { createTestApp, type TestApp } from '../helpers/app';

/**
 * Atom feeds stay well-formed XML whatever text is stored (imports and older versions may have
 * stored what today's input checks refuse): each feed is read by a strict, conformant XML
 * parser (saxes) and by a feed reader's parser, and every title, tag, name and body comes back
 * exactly as stored, less only the characters XML cannot carry.
 */
let t: TestApp;
beforeAll(async () => { t = await createTestApp({ env: { KOTSU_PUBLIC_URL: 'https://kotsu.example.lg.jp/wiki' } }); });
afterAll(async () => { await t.close(); });

const hostileBits = fc.constantFrom('<', '>', '&', '&amp;', '"', "'", ']]>', '<![CDATA[', '-->', '<!--', '\u0000', '\u0001', '\u0008',
  '\u000b', '\u000c', '\u001f', '\r', '\r\n', '\t', '\n', '\u007f', '\u0085', '\ufffe', '\uffff', '\ud800', '\udfff', '\ud83d\ude00',
  '&#0;', '&#x1;', '<script>', '</title>', '<?xml ?>', 'xmlns="x"', '\u2028', '\u00a0', '\u3000');
const hostile = fc.array(fc.oneof(hostileBits, fc.string({ unit: 'binary', maxLength: 6 }), fc.string({ maxLength: 6 })), { minLength: 1, maxLength: 10 })
  .map((parts) => parts.join(''));

interface Parsed { titles: string[]; terms: string[]; names: string[]; contents: string[] }

/** A strict XML 1.0 parse; throws on anything not well-formed. */
function strictParse(xml: string): Parsed {
  const parser = new SaxesParser({ xmlns: true });
  const out: Parsed = { titles: [], terms: [], names: [], contents: [] };
  const stack: string[] = [];
  let text = '';
  parser.on('error', (e) => { throw e; });
  parser.on('opentag', (tag) => {
    stack.push(tag.local);
    text = '';
    if (tag.local === 'category') out.terms.push(String(tag.attributes.term?.value ?? ''));
  });
  parser.on('text', (s) => { text += s; });
  parser.on('closetag', (tag) => {
    const inEntry = stack.includes('entry');
    if (inEntry && tag.local === 'title') out.titles.push(text);
    if (inEntry && tag.local === 'name') out.names.push(text);
    if (inEntry && tag.local === 'content') out.contents.push(text);
    stack.pop();
    text = '';
  });
  parser.write(xml).close();
  return out;
}

describe('Atom feeds with hostile stored text', () => {
  it('are well-formed and carry every stored string back exactly (less what XML forbids)', async () => {
    const author = await t.user('feeder');
    await fc.assert(fc.asyncProperty(fc.array(fc.record({ title: hostile, tag: hostile, body: hostile }), { minLength: 1, maxLength: 3 }), hostile,
      async (tips, displayName) => {
        t.db.prepare('DELETE FROM posts').run();
        t.db.prepare('UPDATE users SET display_name = ? WHERE id = ?').run(displayName, author.id);
        const { ctx } = t.app;
        const stored = tips.map((tip, i) => {
          const tag = `${i}${tip.tag}`;
          const html = `<p title="${tip.title.replace(/"/g, '&quot;')}">${tip.body}</p>`; // whatever the renderer may once have stored
          const id = ctx.posts.insert({ authorId: author.id, title: tip.title, body: tip.body, html }, new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString());
          ctx.tags.setPostTags(id, [tag]);
          // As stored: SQLite keeps UTF-8, so a lone surrogate comes back as U+FFFD.
          const row = t.db.prepare(`SELECT p.title, p.body, t.name AS tag FROM posts p JOIN post_tags pt ON pt.post_id = p.id
            JOIN tags t ON t.id = pt.tag_id WHERE p.id = ?`).get(id) as { title: string; body: string; tag: string };
          return { ...row, id };
        }).reverse(); // newest first, as the feed lists them
        const res = await t.as(author, { method: 'GET', url: '/api/feeds/tips.atom' });
        expect(res.statusCode).toBe(200);
        const parsed = strictParse(res.body);
        expect(parsed.titles).toEqual(stored.map((s) => xmlText(s.title)));
        expect(parsed.terms).toEqual(stored.map((s) => xmlText(s.tag)));
        const name = t.db.prepare('SELECT display_name FROM users WHERE id = ?').pluck().get(author.id) as string;
        expect(parsed.names).toEqual(stored.map(() => xmlText(name)));
        for (const [i, s] of stored.entries()) expect(parsed.contents[i]).toContain(xmlText(s.body));
        // A feed reader's parser reads it as well.
        const feed = parseFeed(res.body);
        expect(feed.items).toHaveLength(stored.length);
        // The tag's own feed too, whose title and links carry the tag name.
        const wellFormedTag = stored[0];
        if (wellFormedTag && xmlText(wellFormedTag.tag).trim() !== '') {
          const tagged = await t.as(author, { method: 'GET', url: `/api/feeds/tips.atom?tag=${encodeURIComponent(wellFormedTag.tag)}` });
          if (tagged.statusCode === 200) {
            expect(strictParse(tagged.body).titles).toEqual([xmlText(wellFormedTag.title)]);
            expect(parseFeed(tagged.body).items).toHaveLength(1);
          } else {
            expect([400, 404]).toContain(tagged.statusCode); // a name the query schema refuses (too long) or cannot match
          }
        }
      }), { numRuns: 60 });
  }, 120_000);

  it('the requests feed too', async () => {
    const asker = await t.user('asker');
    await fc.assert(fc.asyncProperty(hostile, hostile, async (title, body) => {
      t.db.prepare('DELETE FROM tip_requests').run();
      t.db.prepare(`INSERT INTO tip_requests (requester_id, title, body, html, status, created_at, updated_at)
        VALUES (?, ?, ?, ?, 'open', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')`).run(asker.id, title, body, `<p>${body}</p>`);
      const row = t.db.prepare('SELECT title, body FROM tip_requests').get() as { title: string; body: string };
      const res = await t.as(asker, { method: 'GET', url: '/api/feeds/requests.atom' });
      expect(res.statusCode).toBe(200);
      const parsed = strictParse(res.body);
      expect(parsed.titles).toEqual([xmlText(row.title)]);
      expect(parsed.contents[0]).toContain(xmlText(row.body));
      expect(parseFeed(res.body).items).toHaveLength(1);
    }), { numRuns: 40 });
  });

  it('the check itself fails on what the old writer produced', () => {
    expect(() => strictParse('<?xml version="1.0"?><feed><category term="a<b"/></feed>')).toThrow();
    expect(() => strictParse('<?xml version="1.0"?><feed><title>\ufffe</title></feed>')).toThrow();
    expect(() => strictParse('<?xml version="1.0"?><feed><title>\u0001</title></feed>')).toThrow();
  });
});
