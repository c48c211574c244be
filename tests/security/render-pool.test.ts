/**
 * Hostile bodies render off the event loop (server/markdown/pool.ts): while one renders, other
 * requests are answered; a render that runs out of time is answered 413 and stores nothing.
 * Order of completion, never durations: timings belong to `npm run bench:hostile`.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../server/markdown/render';
import { createTestApp, postTip, type TestApp } from '../helpers/app';
import { BODY_CASES } from './hostile-cases';

const HOSTILE = BODY_CASES.find((c) => c.name === '64 KB of a@b.com for linkify')!.value;
// The hostile bodies long enough to go to a render thread.
const LONG_CASES = BODY_CASES.filter((c) => !c.refused && c.value.length >= 2048);

let t: TestApp | undefined;
afterEach(async () => { await t?.close(); t = undefined; });

describe('hostile bodies render off the event loop', () => {
  it('stores, for every long hostile body, the HTML the one renderer makes', async () => {
    t = await createTestApp({ config: { renderWorkers: 1, renderTimeoutMs: 60_000 } });
    expect(LONG_CASES.length).toBeGreaterThanOrEqual(6);
    for (const c of LONG_CASES) {
      const res = await t.as(t.admin, { method: 'POST', url: '/api/posts', payload: { title: c.name, body: c.value, tags: [] } });
      expect(res.statusCode, c.name).toBe(201);
      expect(res.json().html, c.name).toBe(renderMarkdown(c.value));
    }
    expect(t.app.ctx.markdown.stats().rendered).toBe(LONG_CASES.length);
  });

  it('answers GET /api/health and a tip while a hostile body is being posted, before the POST finishes', async () => {
    const app = t = await createTestApp({ config: { renderWorkers: 1, renderTimeoutMs: 60_000 } });
    const tip = await postTip(app, app.admin, { title: 'ふつうのコツ', body: '**短い**本文' });
    // A loaded, warm thread: the race below is with the render itself, not with the thread's start.
    await app.app.ctx.markdown.render(HOSTILE);

    let renderStarted!: () => void;
    const rendering = new Promise<void>((resolve) => { renderStarted = resolve; });
    const render = app.app.ctx.markdown.render;
    app.app.ctx.markdown.render = (source: string) => {
      if (source === HOSTILE) renderStarted();
      return render(source);
    };

    const order: string[] = [];
    const done = <T>(name: string) => (value: T) => { order.push(name); return value; };
    const post = app.as(app.admin, { method: 'POST', url: '/api/posts', payload: { title: '64 KB', body: HOSTILE, tags: [] } })
      .then(done('post'));
    await Promise.race([rendering, post]);
    expect(order, 'the POST finished before its render began').toEqual([]);

    const [health, read] = await Promise.all([
      app.app.inject({ method: 'GET', url: '/api/health' }).then(done('health')),
      app.as(app.admin, { method: 'GET', url: `/api/posts/${tip.id}` }).then(done('tip')),
    ]);
    expect(health.statusCode).toBe(200);
    expect(read.statusCode).toBe(200);
    expect(read.json().title).toBe('ふつうのコツ');
    expect((await post).statusCode).toBe(201);
    expect(order).toHaveLength(3);
    expect(order[2]).toBe('post');
  });

  it('answers 413 too_large when a render runs out of time, stores nothing, and keeps serving', async () => {
    // 5 ms: far less than any render of 10 KB of addresses (comments and requests take up to
    // 10,000 characters); short bodies render inline, untimed.
    const hostile10k = HOSTILE.slice(0, 10_000);
    const app = t = await createTestApp({ config: { renderWorkers: 1, renderTimeoutMs: 5 } });
    const tip = await postTip(app, app.admin, { title: 'ふつうのコツ', body: '**短い**本文' });
    const attempts = [
      { method: 'POST' as const, url: '/api/posts', payload: { title: '64 KB', body: HOSTILE, tags: [] } },
      { method: 'PATCH' as const, url: `/api/posts/${tip.id}`, payload: { body: HOSTILE } },
      { method: 'POST' as const, url: '/api/preview', payload: { body: HOSTILE } },
      { method: 'POST' as const, url: `/api/posts/${tip.id}/comments`, payload: { body: hostile10k } },
      { method: 'POST' as const, url: '/api/requests', payload: { title: '10 KB', body: hostile10k } },
    ];
    for (const a of attempts) {
      const res = await app.as(app.admin, a);
      expect(res.statusCode, a.url).toBe(413);
      expect(res.json()).toMatchObject({ error: 'too_large', message: expect.stringContaining('render') });
    }
    expect(app.app.ctx.markdown.stats().timeouts).toBe(attempts.length);

    const list = await app.as(app.admin, { method: 'GET', url: '/api/posts' });
    expect(list.json().items.map((p: { title: string }) => p.title)).toEqual(['ふつうのコツ']);
    const read = await app.as(app.admin, { method: 'GET', url: `/api/posts/${tip.id}` });
    expect(read.json().body).toBe('**短い**本文');
    const comments = await app.as(app.admin, { method: 'GET', url: `/api/posts/${tip.id}/comments` });
    expect(comments.json().items).toEqual([]);
    const requests = await app.as(app.admin, { method: 'GET', url: '/api/requests' });
    expect(requests.json().items).toEqual([]);

    const next = await postTip(app, app.admin, { title: '次のコツ', body: 'まだ**投稿できる**' });
    expect(next.html).toBe(renderMarkdown('まだ**投稿できる**'));
  });
});
