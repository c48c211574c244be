import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, postTip, type TestApp } from '../helpers/app';

let t: TestApp;
beforeEach(async () => { t = await createTestApp(); });
afterEach(async () => { await t.close(); });

describe('harness', () => {
  it('creates, reads and lists a tip', async () => {
    const alice = await t.user('alice');
    const tip = await postTip(t, alice, { title: 'VLOOKUPの使い方', body: '**太字**', tags: ['Excel'] });
    const res = await t.as(alice, { method: 'GET', url: `/api/posts/${tip.id}` });
    expect(res.statusCode).toBe(200);
    expect(res.json().html).toContain('<strong>太字</strong>');
  });
});
