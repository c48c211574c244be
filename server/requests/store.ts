import type { Statement } from 'better-sqlite3';
import type { Database } from '../db/database';
import { newIdSql } from '../db/ids';

export type RequestStatus = 'open' | 'solved';
export type RequestSort = 'votes' | 'new';

export interface RequestRow {
  id: number;
  requester_id: number;
  title: string;
  body: string;
  html: string;
  status: RequestStatus;
  vote_count: number;
  solved_post_id: number | null;
  solved_at: string | null;
  created_at: string;
  updated_at: string;
  answer_count: number;
  username: string;
  display_name: string;
  department: string;
}

export interface AnswerRow { post_id: number; linked_by: number; created_at: string; username: string; display_name: string; department: string }

const COLUMNS = `r.*, u.username, u.display_name, u.department,
  (SELECT count(*) FROM tip_request_answers a JOIN posts p ON p.id = a.post_id
   WHERE a.request_id = r.id AND p.status = 'published') AS answer_count`;

const SORTS: Record<RequestSort, { order: string; after: string; key: (r: RequestRow) => (string | number)[]; shape: ('string' | 'number')[] }> = {
  votes: { order: 'r.vote_count DESC, r.id DESC', after: '(r.vote_count, r.id) < (@k0, @k1)', key: (r) => [r.vote_count, r.id], shape: ['number', 'number'] },
  new: { order: 'r.created_at DESC, r.id DESC', after: '(r.created_at, r.id) < (@k0, @k1)', key: (r) => [r.created_at, r.id], shape: ['string', 'number'] },
};
export const requestSortKey = (sort: RequestSort) => SORTS[sort];

export function createRequestStore(db: Database) {
  const byId = db.prepare(`SELECT ${COLUMNS} FROM tip_requests r JOIN users u ON u.id = r.requester_id WHERE r.id = ?`);
  const insert = db.prepare(`INSERT INTO tip_requests (id, requester_id, title, body, html, created_at, updated_at)
    VALUES (${newIdSql('tip_requests')}, @requesterId, @title, @body, @html, @now, @now)`);
  const update = db.prepare('UPDATE tip_requests SET title = @title, body = @body, html = @html, updated_at = @now WHERE id = @id');
  const remove = db.prepare('DELETE FROM tip_requests WHERE id = ?');
  const setSolved = db.prepare(`UPDATE tip_requests SET status = 'solved', solved_post_id = @postId, solved_at = @now
    WHERE id = @id`);
  const reopen = db.prepare(`UPDATE tip_requests SET status = 'open', solved_post_id = NULL, solved_at = NULL WHERE id = ?`);
  const vote = db.prepare('INSERT OR IGNORE INTO tip_request_votes (request_id, user_id, created_at) VALUES (?, ?, ?)');
  const unvote = db.prepare('DELETE FROM tip_request_votes WHERE request_id = ? AND user_id = ?');
  const recount = db.prepare(`UPDATE tip_requests SET vote_count = (SELECT count(*) FROM tip_request_votes WHERE request_id = @id)
    WHERE id = @id RETURNING vote_count`).pluck();
  const votedBy = db.prepare(`SELECT request_id FROM tip_request_votes
    WHERE user_id = ? AND request_id IN (SELECT value FROM json_each(?))`).pluck();
  const link = db.prepare(`INSERT OR IGNORE INTO tip_request_answers (request_id, post_id, linked_by, created_at)
    VALUES (?, ?, ?, ?)`);
  const unlink = db.prepare('DELETE FROM tip_request_answers WHERE request_id = ? AND post_id = ?');
  const answer = db.prepare('SELECT * FROM tip_request_answers WHERE request_id = ? AND post_id = ?');
  const answers = db.prepare(`SELECT a.post_id, a.linked_by, a.created_at, u.username, u.display_name, u.department
    FROM tip_request_answers a JOIN posts p ON p.id = a.post_id JOIN users u ON u.id = a.linked_by
    WHERE a.request_id = ? AND p.status = 'published' ORDER BY a.created_at, a.post_id`);
  const answeredBy = db.prepare(`SELECT r.id, r.title, r.status FROM tip_request_answers a JOIN tip_requests r ON r.id = a.request_id
    WHERE a.post_id = ? ORDER BY r.id`);
  const openForFeed = db.prepare(`SELECT ${COLUMNS} FROM tip_requests r JOIN users u ON u.id = r.requester_id
    WHERE r.status = 'open' ORDER BY r.created_at DESC, r.id DESC LIMIT ?`);

  const lists = new Map<string, Statement>();
  function listStatement(sort: RequestSort, byStatus: boolean, after: boolean): Statement {
    const key = `${sort}|${byStatus}|${after}`;
    let stmt = lists.get(key);
    if (!stmt) {
      const where = ['1 = 1'];
      if (byStatus) where.push('r.status = @status');
      if (after) where.push(SORTS[sort].after);
      stmt = db.prepare(`SELECT ${COLUMNS} FROM tip_requests r JOIN users u ON u.id = r.requester_id
        WHERE ${where.join(' AND ')} ORDER BY ${SORTS[sort].order} LIMIT @limit`);
      lists.set(key, stmt);
    }
    return stmt;
  }

  return {
    byId: (id: number) => byId.get(id) as RequestRow | undefined,
    insert(r: { requesterId: number; title: string; body: string; html: string }, now: string): number {
      return Number(insert.run({ ...r, now }).lastInsertRowid);
    },
    update(r: { id: number; title: string; body: string; html: string }, now: string) { update.run({ ...r, now }); },
    remove: (id: number) => { remove.run(id); },
    solve: (id: number, postId: number | null, now: string) => { setSolved.run({ id, postId, now }); },
    reopen: (id: number) => { reopen.run(id); },
    /** Adds or removes a vote and returns the new count. Call in a transaction. */
    setVote(id: number, userId: number, on: boolean, now: string): number {
      if (on) vote.run(id, userId, now); else unvote.run(id, userId);
      return recount.get({ id }) as number;
    },
    votedBy(userId: number, ids: readonly number[]): Set<number> {
      return new Set(ids.length ? votedBy.all(userId, JSON.stringify(ids)) as number[] : []);
    },
    /** True when the link is new. */
    link: (id: number, postId: number, userId: number, now: string) => link.run(id, postId, userId, now).changes === 1,
    unlink: (id: number, postId: number) => { unlink.run(id, postId); },
    answer: (id: number, postId: number) => answer.get(id, postId) as { linked_by: number } | undefined,
    answers: (id: number) => answers.all(id) as AnswerRow[],
    /** The requests a tip answers, for the tip page. */
    answeredBy: (postId: number) => answeredBy.all(postId) as { id: number; title: string; status: RequestStatus }[],
    list(f: { status: RequestStatus | null; sort: RequestSort; after: (string | number)[] | null; limit: number }): RequestRow[] {
      const params: Record<string, unknown> = { limit: f.limit };
      if (f.status) params.status = f.status;
      if (f.after) { params.k0 = f.after[0]; params.k1 = f.after[1]; }
      return listStatement(f.sort, f.status !== null, f.after !== null).all(params) as RequestRow[];
    },
    newestOpen: (limit: number) => openForFeed.all(limit) as RequestRow[],
  };
}

export type RequestStore = ReturnType<typeof createRequestStore>;
