import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, postTip, type TestApp, type TestUser } from '../helpers/app';

/**
 * Production searches run in worker threads over the database file, not in the request's thread
 * (in-memory test apps search in-process, so the other suites never take this path). Here the
 * app has a database file and a search thread: a tip hidden, deleted or kept as a draft is not
 * found by its words, its tag or a prefix, and the same search finds a published tip.
 */
let t: TestApp;
let dir: string;
let member: TestUser;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kotsu-searchleak-'));
  t = await createTestApp({ config: { dbPath: path.join(dir, 'k.db'), searchWorkers: 1 } });
  member = await t.user('member');
}, 120_000);
afterAll(async () => { await t.close(); fs.rmSync(dir, { recursive: true, force: true }); });

describe('search in worker threads', () => {
  it('is the path taken here', () => {
    expect(t.app.ctx.searchPool).not.toBeNull();
  });

  it('finds no hidden, deleted or draft tip by any of its words', async () => {
    const author = await t.user('author');
    const pub = await postTip(t, author, { title: 'Quokkaword 公開の手順', body: 'quokkaword 本文', tags: ['quokkatag'] });
    const hidden = await postTip(t, author, { title: 'Quokkaword 非公開 Wombatword', body: 'wombatword 本文', tags: ['quokkatag', 'wombattag'] });
    const gone = await postTip(t, author, { title: 'Quokkaword 削除 Numbatword', body: 'numbatword', tags: ['quokkatag'] });
    await t.as(author, { method: 'POST', url: '/api/posts', payload: { title: 'Quokkaword 下書き Dingoword', body: 'dingoword', tags: ['quokkatag'], status: 'draft' } });
    expect((await t.as(t.admin, { method: 'POST', url: `/api/posts/${hidden.id}/hide`, payload: { reason: 'x' } })).statusCode).toBe(200);
    expect((await t.as(author, { method: 'DELETE', url: `/api/posts/${gone.id}` })).statusCode).toBe(204);
    const ids = async (q: string) => {
      const res = await t.as(member, { method: 'GET', url: `/api/search?${q}` });
      expect(res.statusCode, q).toBe(200);
      return { ids: (res.json().items as { id: number }[]).map((i) => i.id), body: res.body };
    };
    expect((await ids('q=quokkaword')).ids).toEqual([pub.id]);
    for (const q of ['q=wombatword', 'q=numbatword', 'q=dingoword', 'q=wombat', 'q=Quokkaword%20非公開', 'tag=wombattag', 'q=quokkaword&tag=quokkatag&sort=new']) {
      const r = await ids(q);
      expect(r.ids.filter((id) => id !== pub.id), q).toEqual([]);
      expect(r.body, q).not.toMatch(/wombat|numbat|dingo|非公開|削除|下書き/i);
    }
  }, 120_000);
});
