import { afterEach, describe, expect, it } from 'vitest';
import { summaryOf } from '../../server/feeds/service';
import { diffContent, wholeDiff } from '../../server/revisions/diff';
import { createDiffPool, type DiffPool } from '../../server/revisions/diff-pool';
import { normalize } from '../../server/search/normalize';
import { plainText } from '../../server/search/snippet';

// Timings are the benchmark's job (npm run bench:hostile -- --stalls); these show the mechanisms.
const LINE = (n: number) => `${n}. 「データ」タブの「重複の削除」で、選択した列が同じ行を一度に消せます（手順${n}）。`;
const body = (f: (n: number) => string, lines: number) => Array.from({ length: lines }, (_, n) => f(n)).join('\n');
const content = (b: string) => ({ title: 't', tags: [], body: b });

describe('revision diffs off the event loop', () => {
  let pool: DiffPool | undefined;
  afterEach(async () => { await pool?.close(); pool = undefined; });

  it('a diff in the thread gives the same answer as inline', async () => {
    pool = createDiffPool({ size: 1, timeoutMs: 30_000 });
    const a = content(body(LINE, 400));
    const b = content(body((n) => (n % 7 ? LINE(n) : LINE(n).replace('一度に', 'まとめて')), 400));
    expect(JSON.parse((await pool.diff(a, b, 3)).toString())).toEqual(JSON.parse(JSON.stringify(diffContent(a, b, 3))));
  });

  it('a diff over its time limit has its thread stopped and is answered whole; the next diff still works', async () => {
    pool = createDiffPool({ size: 1, timeoutMs: 1 });
    const a = content(body(LINE, 3000));
    const b = content(body((n) => `${n} Sub 転記() ' VBA で ${n * 7919} 行目を処理する`, 3000));
    const d = JSON.parse((await pool.diff(a, b, 3)).toString());
    expect(d).toEqual(JSON.parse(JSON.stringify(wholeDiff(a, b, 3))));
    expect(pool.stats().timeouts).toBe(1);
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
