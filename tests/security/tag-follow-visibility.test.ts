import { describe, expect, it } from 'vitest';
import { postTip } from '../helpers/app';
import { useTestApp } from '../helpers/fixture';

/**
 * Following a tag uses the one tag visibility rule (tags.visibleByName): a tag carried only by
 * drafts, hidden or deleted tips answers GET/PUT/DELETE …/follow exactly as a tag that never
 * existed, so its name does not leak; a member who followed it while it was visible can still
 * stop following it. Found by tests/security/differential.test.ts.
 */
const { t, users: { author, member, mod } } = useTestApp({ users: { author: {}, member: {}, mod: { role: 'moderator' } } });

const call = (who: typeof member, method: 'GET' | 'PUT' | 'DELETE', tag: string) =>
  t.as(who, { method, url: `/api/tags/${encodeURIComponent(tag)}/follow` });
const same = async (who: typeof member, tag: string) => {
  for (const method of ['GET', 'PUT', 'DELETE'] as const) {
    const unseen = await call(who, method, tag);
    const missing = await call(who, method, 'nosuchtag');
    expect(`${method} ${unseen.statusCode} ${unseen.body.split(tag).join('<tag>')}`)
      .toBe(`${method} ${missing.statusCode} ${missing.body.split('nosuchtag').join('<tag>')}`);
  }
};

describe('following a tag no visible tip carries', () => {
  it('answers as a missing tag for drafts, hidden and deleted tips; staff see hidden ones', async () => {
    await t.as(author, { method: 'POST', url: '/api/posts', payload: { title: 'd', body: '', tags: ['draftonly'], status: 'draft' } });
    const hidden = await postTip(t, author, { title: 'h', tags: ['hiddenonly'] });
    expect((await t.as(mod, { method: 'POST', url: `/api/posts/${hidden.id}/hide`, payload: { reason: 'x' } })).statusCode).toBe(200);
    const gone = await postTip(t, author, { title: 'g', tags: ['deletedonly'] });
    expect((await t.as(author, { method: 'DELETE', url: `/api/posts/${gone.id}` })).statusCode).toBe(204);
    for (const tag of ['draftonly', 'hiddenonly', 'DeletedOnly', 'ｄｅｌｅｔｅｄｏｎｌｙ']) await same(member, tag);
    await same(mod, 'draftonly');
    expect((await call(mod, 'GET', 'hiddenonly')).statusCode).toBe(200);
    expect((await call(author, 'GET', 'draftonly')).statusCode).toBe(200); // her own draft's tag
    expect(t.db.prepare('SELECT count(*) FROM tag_follows').pluck().get()).toBe(0);
  });

  it('a follower can still stop following a tag whose tips were all hidden since', async () => {
    const tip = await postTip(t, author, { title: 'x', tags: ['laterhidden'] });
    expect((await call(member, 'PUT', 'laterhidden')).json()).toEqual({ following: true, followerCount: 1 });
    expect((await t.as(mod, { method: 'POST', url: `/api/posts/${tip.id}/hide`, payload: { reason: 'x' } })).statusCode).toBe(200);
    expect((await call(member, 'GET', 'laterhidden')).json()).toEqual({ following: true, followerCount: 1 });
    expect((await call(member, 'DELETE', 'laterhidden')).json()).toEqual({ following: false, followerCount: 0 });
    expect((await call(member, 'GET', 'laterhidden')).statusCode).toBe(404); // now as any other member
  });
});
