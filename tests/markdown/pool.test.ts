import { afterAll, describe, expect, it } from 'vitest';
import { createMarkdownRenderer, createRenderPool, RenderTimeoutError } from '../../server/markdown/pool';
import { renderMarkdown } from '../../server/markdown/render';
import { BODY_CASES } from '../security/hostile-cases';

const pools: { close(): Promise<void> }[] = [];
const pool = <T extends { close(): Promise<void> }>(p: T): T => { pools.push(p); return p; };
afterAll(async () => { await Promise.all(pools.map((p) => p.close())); });

const TIP = [
  '# VLOOKUP の使い方', '', '## 手順', '1. 範囲を選ぶ', '2. `=VLOOKUP(A2, 表, 2, FALSE)`', '',
  '| 関数 | 用途 |', '| --- | --- |', '| XLOOKUP | 検索 |', '',
  '```vba', 'Sub Hello()', '  MsgBox "こんにちは"', 'End Sub', '```', '',
  '[外部](https://example.jp/a) [内部](/tips/2) 連絡先 a@b.com ![図](data:image/png;base64,AAAA)',
].join('\n');

// 2 MB of addresses for linkify: seconds of work (64 KB takes ~0.2 s), far past a 1 s timeout.
const HUGE = 'a@b.com '.repeat(250_000);

describe('Markdown render pool', () => {
  it('renders in its threads exactly what the one renderer renders, hostile bodies included', async () => {
    // inlineBelow 0: every body goes through a thread, even the short ones.
    const p = pool(createRenderPool({ size: 2, timeoutMs: 60_000, inlineBelow: 0 }));
    const sources = [TIP, '', ...BODY_CASES.map((c) => c.value)];
    const htmls = await Promise.all(sources.map((s) => p.render(s)));
    htmls.forEach((html, i) => expect(html, BODY_CASES[i - 2]?.name ?? 'tip').toBe(renderMarkdown(sources[i])));
    expect(p.stats()).toEqual({ rendered: sources.length, timeouts: 0 });
  });

  it('renders short bodies inline, and everything inline with no threads', async () => {
    const p = pool(createRenderPool({ size: 1, timeoutMs: 60_000, inlineBelow: 4096 }));
    expect(await p.render(TIP)).toBe(renderMarkdown(TIP));
    expect(p.stats().rendered).toBe(0);
    const none = pool(createRenderPool({ size: 0, timeoutMs: 1 }));
    const long = 'a@b.com '.repeat(2000);
    expect(await none.render(long)).toBe(renderMarkdown(long));
    expect(none.stats()).toEqual({ rendered: 0, timeouts: 0 });
  });

  it('stops a render that runs past the timeout, and the next render gets a fresh thread', async () => {
    const p = pool(createRenderPool({ size: 1, timeoutMs: 1000, inlineBelow: 0 }));
    await expect(p.render(HUGE)).rejects.toBeInstanceOf(RenderTimeoutError);
    expect(p.stats().timeouts).toBe(1);
    expect(await p.render('**まだ動く**')).toBe(renderMarkdown('**まだ動く**'));
    expect(p.stats()).toEqual({ rendered: 1, timeouts: 1 });
  });

  it('a render queued behind a stopped one still completes', async () => {
    const p = pool(createRenderPool({ size: 1, timeoutMs: 1000, inlineBelow: 0 }));
    const slow = p.render(HUGE);
    const next = p.render(TIP);
    await expect(slow).rejects.toBeInstanceOf(RenderTimeoutError);
    expect(await next).toBe(renderMarkdown(TIP));
  });

  it('renders inline once closed', async () => {
    const p = createRenderPool({ size: 1, timeoutMs: 60_000, inlineBelow: 0 });
    p.warm();
    await p.close();
    expect(await p.render(TIP)).toBe(renderMarkdown(TIP));
    expect(p.stats().rendered).toBe(0);
  });
});

describe('the app renderer (ctx.markdown) over the pool', () => {
  it('answers 503 unavailable at once when more renders wait than the queue holds, and renders those it queued', async () => {
    const r = pool(createMarkdownRenderer({ size: 1, timeoutMs: 60_000, inlineBelow: 0, maxQueue: 1 }));
    await r.render('warm');
    const held = r.render('a@b.com '.repeat(20_000));
    const queued = r.render(TIP);
    await expect(r.render('**三つ目**')).rejects.toMatchObject({ statusCode: 503, code: 'unavailable' });
    expect(await queued).toBe(renderMarkdown(TIP));
    expect(await held).toBe(renderMarkdown('a@b.com '.repeat(20_000)));
  });
});

describe('a full render queue over HTTP', () => {
  it('is answered 503 unavailable with Retry-After, on every route that renders', async () => {
    const { createTestApp } = await import('../helpers/app');
    const t = await createTestApp({ config: { renderWorkers: 1, renderTimeoutMs: 60_000 } });
    try {
      // The pool's own refusal (PoolBusyError) as ctx.markdown turns it into an HTTP error.
      const busy = createMarkdownRenderer({ size: 1, timeoutMs: 60_000, inlineBelow: 0, maxQueue: 0 });
      pools.push(busy);
      t.app.ctx.markdown.render = busy.render;
      const tip = (await t.as(t.admin, { method: 'POST', url: '/api/posts', payload: { title: 't', body: '', tags: [] } }));
      expect(tip.statusCode).toBe(503);
      for (const a of [
        { method: 'POST' as const, url: '/api/preview', payload: { body: '**x**' } },
        { method: 'POST' as const, url: '/api/requests', payload: { title: '教えて', body: '本文' } },
      ]) {
        const res = await t.as(t.admin, a);
        expect(res.statusCode, a.url).toBe(503);
        expect(res.headers['retry-after'], a.url).toBe('5');
        expect(res.json()).toMatchObject({ error: 'unavailable', reason: 'busy' });
      }
    } finally {
      await t.close();
    }
  });
});
