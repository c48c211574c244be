import { describe, expect, it } from 'vitest';
import { deliverFollowNotifications } from '../../server/follows/service';
import { postTip, type TestUser } from '../helpers/app';
import { useTestApp } from '../helpers/fixture';

/**
 * A batched follow notification (several new tips at once) names no tip by id: it quotes the
 * newest tip's title and the others' titles. Once any of those tips is hidden, the titles are
 * withheld from readers who may not see it (as every other notification withholds what it quotes),
 * and shown again when the tip is restored. Found by tests/security/leak-walk.test.ts.
 */
const { t, users: { author, reader, mod } } = useTestApp({ users: { author: {}, reader: {}, mod: { role: 'moderator' } } });

const followNote = async (u: TestUser) => {
  const res = await t.as(u, { method: 'GET', url: '/api/me/notifications' });
  expect(res.statusCode).toBe(200);
  return res.json().items.find((n: { kind: string }) => n.kind === 'follow.posts');
};
const hide = (id: number) => t.as(mod, { method: 'POST', url: `/api/posts/${id}/hide`, payload: { reason: '確認中' } });

async function batch(titles: string[]) {
  for (const u of [reader, mod]) expect((await t.as(u, { method: 'PUT', url: '/api/profiles/author/follow' })).statusCode).toBe(200);
  const tips = [];
  for (const title of titles) tips.push(await postTip(t, author, { title }));
  deliverFollowNotifications(t.app.ctx);
  return tips;
}

describe('a batched follow notification quoting a tip hidden since', () => {
  it('withholds the titles when one of the others is hidden, shows them again on restore', async () => {
    const tips = await batch(['見せる一つ目', 'SECRET 二つ目', '見せる三つ目']);
    const before = await followNote(reader);
    expect(before.target.type).toBe('following');
    expect(JSON.stringify(before)).toContain('SECRET 二つ目');
    const second = tips[1].id;
    expect((await hide(second)).statusCode).toBe(200);
    const after = await followNote(reader);
    expect(JSON.stringify(after)).not.toContain('SECRET');
    expect(after.id).toBe(before.id); // still there, only its words withheld
    // A moderator may read hidden tips: nothing is withheld from them.
    expect(JSON.stringify(await followNote(mod))).toContain('SECRET 二つ目');
    expect((await t.as(mod, { method: 'POST', url: `/api/posts/${second}/restore` })).statusCode).toBe(200);
    expect(JSON.stringify(await followNote(reader))).toContain('SECRET 二つ目');
  });

  it('withholds them when the newest tip (the notification\'s title) is hidden', async () => {
    const tips = await batch(['見せる一つ目', 'SECRET 最新']);
    expect((await followNote(reader)).target.title).toBe('SECRET 最新');
    expect((await hide(tips[1].id)).statusCode).toBe(200);
    expect(JSON.stringify(await followNote(reader))).not.toContain('SECRET');
  });

  it('withholds them when the hidden tip is the one whose title was cut short at the end of the list', async () => {
    const long = `SECRET ${'長'.repeat(190)}`;
    const tips = await batch([long, 'あ'.repeat(150), '最新']);
    const before = await followNote(reader);
    expect(before.text.endsWith('…')).toBe(true);
    expect(before.text).toContain('SECRET');
    expect(before.text).not.toContain(long);
    expect((await hide(tips[0].id)).statusCode).toBe(200);
    expect(JSON.stringify(await followNote(reader))).not.toContain('SECRET');
  });

  it('keeps them while every quoted tip is readable (a hidden tip with another title changes nothing)', async () => {
    const unrelated = await postTip(t, mod, { title: '無関係の非公開' });
    expect((await hide(unrelated.id)).statusCode).toBe(200);
    await batch(['一つ目の題', '二つ目の題']);
    const note = await followNote(reader);
    expect(note.target.title).toBe('二つ目の題');
    expect(note.text).toBe('一つ目の題');
  });

  it('cuts the list of titles between characters, never inside an emoji', async () => {
    // Emoji only: a cut after 199 UTF-16 units would split the hundredth emoji's pair.
    const title = '😀'.repeat(150);
    await batch([title, title, '最新']);
    const stored = t.db.prepare("SELECT text FROM notifications WHERE kind = 'follow.posts'").pluck().all() as string[];
    expect(stored.length).toBeGreaterThan(0);
    for (const text of stored) {
      expect(text).not.toMatch(/\ufffd|\p{Cs}/u);
      expect(text.endsWith('…')).toBe(true);
    }
  });
});

describe('notifications quoting content deleted since', () => {
  const notes = async (u: TestUser) => (await t.as(u, { method: 'GET', url: '/api/me/notifications?limit=100' })).body;

  it('forget a deleted tip\'s title and words for everyone but its author', async () => {
    const tip = await postTip(t, author, { title: 'GONE-TITLE', body: 'GONE-BODY @reader' });
    expect((await t.as(reader, { method: 'POST', url: `/api/posts/${tip.id}/comments`, payload: { body: 'GONE-COMMENT @mod' } })).statusCode).toBe(201);
    expect(await notes(reader)).toContain('GONE-TITLE'); // the mention
    expect(await notes(mod)).toContain('GONE-COMMENT'); // the comment's mention
    expect(await notes(author)).toContain('GONE-COMMENT'); // a comment on her tip
    expect((await t.as(author, { method: 'DELETE', url: `/api/posts/${tip.id}` })).statusCode).toBe(204);
    expect(await notes(reader)).not.toContain('GONE');
    expect(await notes(mod)).not.toContain('GONE');
    expect(await notes(author)).toContain('GONE-TITLE'); // her own tip: she keeps its title
  });

  it('forget a deleted tip\'s title in a batched follow notification', async () => {
    const tips = await batch(['残る一つ目', 'GONE 二つ目', '残る三つ目']);
    expect(JSON.stringify(await followNote(reader))).toContain('GONE');
    expect((await t.as(author, { method: 'DELETE', url: `/api/posts/${tips[1].id}` })).statusCode).toBe(204);
    expect(JSON.stringify(await followNote(reader))).not.toContain('GONE');
  });

  it('forget a deleted comment\'s words, as a hidden one\'s', async () => {
    const tip = await postTip(t, author, { title: '残るコツ' });
    const c = (await t.as(reader, { method: 'POST', url: `/api/posts/${tip.id}/comments`, payload: { body: 'GONE-WORDS @mod' } })).json();
    expect(await notes(mod)).toContain('GONE-WORDS');
    expect(await notes(author)).toContain('GONE-WORDS');
    expect((await t.as(reader, { method: 'DELETE', url: `/api/comments/${c.id}` })).statusCode).toBe(204);
    expect(await notes(mod)).not.toContain('GONE');
    expect(await notes(author)).not.toContain('GONE');
    expect(await notes(mod)).toContain('残るコツ'); // the tip it was on is still there
  });
});
