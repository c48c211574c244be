import { randomBytes } from 'node:crypto';
import type { Database } from '../db/database';
import type { DigestItems } from './digest';

export interface MailSettingsRow {
  user_id: number;
  email: string | null;
  on_mentions: 0 | 1;
  digest: 0 | 1;
  unsubscribe_token: string;
  digest_sent_at: string | null;
  updated_at: string;
}

export interface OutboxRow {
  id: number;
  user_id: number | null;
  to_addr: string;
  subject: string;
  text: string;
  html: string;
  unsubscribe_url: string | null;
  attempts: number;
  next_attempt_at: string | null;
  sent_at: string | null;
  last_error: string | null;
  /** The tip and comment a notice quotes (null for digests): still visible to the recipient when sent? */
  post_id: number | null;
  comment_id: number | null;
  /** A weekly digest's items (JSON of DigestItems), written again when sent; null for other mail. */
  digest: string | null;
}

export interface NewMail {
  userId: number | null;
  to: string;
  subject: string;
  text: string;
  html: string;
  unsubscribeUrl: string | null;
  postId?: number | null;
  commentId?: number | null;
  digest?: DigestItems;
}

export function createMailStore(db: Database) {
  const settings = db.prepare('SELECT * FROM mail_settings WHERE user_id = ?');
  const upsert = db.prepare(`INSERT INTO mail_settings (user_id, email, on_mentions, digest, unsubscribe_token, digest_sent_at, updated_at)
    VALUES (@userId, @email, @onMentions, @digest, @token, @now, @now)
    ON CONFLICT (user_id) DO UPDATE SET email = @email, on_mentions = @onMentions, digest = @digest, updated_at = @now,
      digest_sent_at = CASE WHEN mail_settings.digest = 0 AND @digest = 1 THEN @now ELSE mail_settings.digest_sent_at END`);
  const byToken = db.prepare('SELECT * FROM mail_settings WHERE unsubscribe_token = ?');
  const unsubscribe = db.prepare('UPDATE mail_settings SET on_mentions = 0, digest = 0, updated_at = ? WHERE user_id = ?');
  const digestDue = db.prepare(`SELECT * FROM mail_settings WHERE digest = 1 AND email IS NOT NULL
    AND (digest_sent_at IS NULL OR digest_sent_at < ?)`);
  const digestSent = db.prepare('UPDATE mail_settings SET digest_sent_at = ? WHERE user_id = ?');
  // 教えて requests have no tags: a request "in a tag" is one whose title or body names the tag.
  const openRequests = db.prepare(`SELECT r.id, r.title, r.vote_count FROM tip_requests r
    WHERE r.status = 'open' AND EXISTS (SELECT 1 FROM tag_follows f JOIN tags t ON t.id = f.tag_id
      WHERE f.user_id = @userId AND (instr(lower(r.title), lower(t.name)) > 0 OR instr(lower(r.body), lower(t.name)) > 0))
    ORDER BY r.vote_count DESC, r.id DESC LIMIT @limit`);
  const enqueue = db.prepare(`INSERT INTO mail_outbox (user_id, to_addr, subject, text, html, unsubscribe_url, next_attempt_at, created_at, post_id, comment_id, digest)
    VALUES (@userId, @to, @subject, @text, @html, @unsubscribeUrl, @now, @now, @postId, @commentId, @digest)`);
  const due = db.prepare('SELECT * FROM mail_outbox WHERE next_attempt_at IS NOT NULL AND next_attempt_at <= ? ORDER BY next_attempt_at, id LIMIT ?');
  const sent = db.prepare('UPDATE mail_outbox SET sent_at = ?, next_attempt_at = NULL, attempts = attempts + 1, last_error = NULL WHERE id = ?');
  const failed = db.prepare('UPDATE mail_outbox SET attempts = attempts + 1, next_attempt_at = ?, last_error = ? WHERE id = ?');

  return {
    settings: (userId: number) => settings.get(userId) as MailSettingsRow | undefined,
    save(userId: number, s: { email: string | null; onMentions: boolean; digest: boolean }, now: string): MailSettingsRow {
      upsert.run({ userId, email: s.email, onMentions: s.onMentions ? 1 : 0, digest: s.digest ? 1 : 0, token: randomBytes(24).toString('base64url'), now });
      return settings.get(userId) as MailSettingsRow;
    },
    byToken: (token: string) => byToken.get(token) as MailSettingsRow | undefined,
    unsubscribe: (userId: number, now: string) => { unsubscribe.run(now, userId); },
    digestDue: (before: string) => digestDue.all(before) as MailSettingsRow[],
    digestSent: (userId: number, now: string) => { digestSent.run(now, userId); },
    openRequestsFor: (userId: number, limit: number) => openRequests.all({ userId, limit }) as { id: number; title: string; vote_count: number }[],
    enqueue: (m: NewMail, now: string) => Number(enqueue.run({ ...m, postId: m.postId ?? null, commentId: m.commentId ?? null, digest: m.digest ? JSON.stringify(m.digest) : null, now }).lastInsertRowid),
    due: (now: string, limit: number) => due.all(now, limit) as OutboxRow[],
    sent: (id: number, now: string) => { sent.run(now, id); },
    /** `next` null gives the message up. */
    failed: (id: number, next: string | null, error: string) => { failed.run(next, error.slice(0, 500), id); },
  };
}

export type MailStore = ReturnType<typeof createMailStore>;
