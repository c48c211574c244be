import { describe, expect, it } from 'vitest';
import { postTip } from '../helpers/app';
import { useTestApp } from '../helpers/fixture';

/**
 * Text the server shortens before storing it is cut between characters: the audit excerpt of a
 * comment an administrator deletes (100 characters) keeps whole emoji, in the row, the listing
 * and the CSV export. (The profile headers and follow notifications: proxy-profile.test.ts,
 * notification-quotes.test.ts.)
 */
const { t, users: { member } } = useTestApp({ users: { member: {} } });

describe('the audit excerpt of a deleted comment', () => {
  it('never ends in half an emoji', async () => {
    const tip = await postTip(t, member, { title: 'tip' });
    const body = `a${'😀'.repeat(120)}`; // a cut after 100 UTF-16 units would split the 50th emoji
    const c = (await t.as(member, { method: 'POST', url: `/api/posts/${tip.id}/comments`, payload: { body } })).json();
    expect((await t.as(t.admin, { method: 'DELETE', url: `/api/comments/${c.id}` })).statusCode).toBe(204);
    const detail = JSON.parse(t.db.prepare("SELECT detail FROM audit_log WHERE action = 'comment.delete'").pluck().get() as string);
    expect(detail.excerpt).toBe(`a${'😀'.repeat(99)}`);
    const list = await t.as(t.admin, { method: 'GET', url: '/api/moderation/audit?action=comment.delete' });
    expect(list.body).not.toMatch(/\\ud83d"|\ufffd/);
    const csv = await t.as(t.admin, { method: 'GET', url: '/api/moderation/audit.csv' });
    expect(csv.statusCode).toBe(200);
    expect(csv.body).not.toContain('\ufffd');
  });
});
