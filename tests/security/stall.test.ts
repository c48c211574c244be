import { afterEach, describe, expect, it } from 'vitest';
import { summaryOf } from '../../server/feeds/service';
import { diffContent, wholeDiff } from '../../server/revisions/diff';
import { createDiffPool, type DiffPool } from '../../server/revisions/diff-pool';
import { normalize } from '../../server/search/normalize';
import { plainText } from '../../server/search/snippet';
import { indexedBody } from '../../server/search/body-index';
import { KEY_MARK } from '../../server/search/spellings';
import { createTestApp, postTip, type TestApp } from '../helpers/app';

// Timings are the benchmark's job (npm run bench:hostile -- --stalls); these show the mechanisms.
const LINE = (n: number) => `${n}. 「データ」タブの「重複の削除」で、選択した列が同じ行を一度に消せます（手順${n}）。`;
const body_ = (f: (n: number) => string, lines: number) => Array.from({ length: lines }, (_, n) => f(n)).join('\n');
const content = (b: string) => ({ title: 't', tags: [], body: b });

describe('revision diffs off the event loop', () => {
  let pool: DiffPool | undefined;
  afterEach(async () => { await pool?.close(); pool = undefined; });

  it('a diff in the thread gives the same answer as inline', async () => {
    pool = createDiffPool({ size: 1, timeoutMs: 30_000 });
    const a = content(body_(LINE, 400));
    const b = content(body_((n) => (n % 7 ? LINE(n) : LINE(n).replace('一度に', 'まとめて')), 400));
    expect(JSON.parse((await pool.diff(a, b, 3)).toString())).toEqual(JSON.parse(JSON.stringify(diffContent(a, b, 3))));
  });

  it('a diff over its time limit has its thread stopped and is answered whole; the next diff still works', async () => {
    pool = createDiffPool({ size: 1, timeoutMs: 1 });
    const a = content(body_(LINE, 3000));
    const b = content(body_((n) => `${n} Sub 転記() ' VBA で ${n * 7919} 行目を処理する`, 3000));
    const d = JSON.parse((await pool.diff(a, b, 3)).toString());
    expect(d).toEqual(JSON.parse(JSON.stringify(wholeDiff(a, b, 3))));
    expect(pool.stats().timeouts).toBeGreaterThanOrEqual(1); // the whole answer is tried in a fresh thread too (1 ms: also stopped)
    expect(d.stats).toEqual({ added: 3000, removed: 3000 });
    const small = JSON.parse((await pool.diff(content('a\nb'), content('a\nc'), 3)).toString());
    expect(small.stats).toEqual({ added: 1, removed: 1 });
  });
});

describe('regular expressions over member text keep their meaning after the linear rewrites', () => {
  it('feed summaries drop images and Markdown marks, from the start of the body', () => {
    expect(summaryOf('# 見出し\n![図](/api/images/x.png) **太字** と _斜体_')).toBe('見出し 太字 と 斜体');
    expect(summaryOf('!['.repeat(50_000)).length).toBeLessThanOrEqual(200);
  });
  it('plain text of rendered HTML drops tags; a stray < stays text', () => {
    expect(plainText('<p>a &amp; b</p><pre><code>x &lt; y</code></pre>').trim()).toBe('a & b x < y');
    expect(plainText('<'.repeat(10))).toBe('<'.repeat(10));
  });
  it('long-vowel marks are stripped at the end of a katakana run only', () => {
    expect(normalize('コンピューター')).toBe(normalize('コンピュータ'));
    expect(normalize('ー'.repeat(1000) + 'アー')).toBe(normalize('ー'.repeat(1000) + 'ア'));
  });
});

describe('a long tip body is indexed from its render thread', () => {
  let t: TestApp | undefined;
  afterEach(async () => { await t?.close(); t = undefined; });

  it('the index text the thread computed is the one stored, and the tip is found by words at its end', async () => {
    t = await createTestApp({ config: { renderWorkers: 1, renderTimeoutMs: 60_000 } });
    const { search } = t.app.ctx;
    const taken: { html: string; fromThread: boolean }[] = [];
    const take = search.prepared.take;
    const put = search.prepared.put;
    const fromThread = new Set<string>();
    // The thread's text is the whole column, spelling keys included (folding a long body's tokens
    // is as long a piece of work as making them): the write does no per-token work of its own.
    search.prepared.put = (html, indexed) => {
      expect(indexed).toBe(indexedBody(html));
      expect(indexed).toContain(KEY_MARK);
      fromThread.add(html); put(html, indexed);
    };
    search.prepared.take = (html) => { taken.push({ html, fromThread: fromThread.has(html) }); return take(html); };
    const body = `${'ー'.repeat(30_000)}ア ${body_(LINE, 200)}\n\n末尾のピボットテーブル`;
    const tip = await postTip(t, t.admin, { title: '長い本文', body });
    expect(taken).toEqual([{ html: tip.html, fromThread: true }]);
    expect(search.prepared.size()).toBe(0);
    // An edit too; and a short body is computed inline (no thread, nothing prepared).
    const edited = await t.as(t.admin, { method: 'PATCH', url: `/api/posts/${tip.id}`, payload: { body: `${body}\n\n追記のスパークライン` } });
    expect(edited.statusCode).toBe(200);
    expect(taken[1]).toEqual({ html: edited.json().html, fromThread: true });
    const short = await postTip(t, t.admin, { title: '短い', body: '**短い**本文' });
    expect(taken[2]).toEqual({ html: short.html, fromThread: false });
    const found = await t.as(t.admin, { method: 'GET', url: `/api/search?q=${encodeURIComponent('スパークライン')}` });
    expect(found.json().items.map((i: { id: number }) => i.id)).toEqual([tip.id]);
    // Beyond the snippet's reach (search/snippet.ts SNIPPET_HTML_MAX): the tip's start is shown.
    expect(found.json().items[0].snippet).toMatch(/^ー+…$/);
    // The Latin spelling finds the katakana word at the end through the thread's spelling key.
    const latin = await t.as(t.admin, { method: 'GET', url: '/api/search?q=pivot' });
    expect(latin.json().items.map((i: { id: number }) => i.id)).toEqual([tip.id]);
  });
});
