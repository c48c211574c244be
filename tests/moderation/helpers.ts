import type { TestApp, TestUser } from '../helpers/app';

/** The parsed JSON of a request that must succeed with `status`; fails the test with the body otherwise. */
export async function ok(t: TestApp, user: TestUser | null, status: number, opts: Parameters<TestApp['as']>[1]) {
  const res = await t.as(user, opts);
  if (res.statusCode !== status) throw new Error(`${opts.method} ${opts.url}: expected ${status}, got ${res.statusCode} ${res.body}`);
  return res.body ? res.json() : null;
}

export const report = (t: TestApp, user: TestUser, postId: number, payload: Record<string, unknown>) =>
  t.as(user, { method: 'POST', url: `/api/posts/${postId}/reports`, payload });

export const hide = (t: TestApp, user: TestUser, postId: number, reason = '誤った手順が含まれています') =>
  t.as(user, { method: 'POST', url: `/api/posts/${postId}/hide`, payload: { reason } });

export const restore = (t: TestApp, user: TestUser, postId: number) =>
  t.as(user, { method: 'POST', url: `/api/posts/${postId}/restore` });

/** Audit rows straight from the table, oldest first. */
export function auditRows(t: TestApp): { action: string; actor_id: number | null; target_type: string; target_id: number | null; detail: string }[] {
  return t.db.prepare('SELECT action, actor_id, target_type, target_id, detail FROM audit_log ORDER BY id').all() as
    { action: string; actor_id: number | null; target_type: string; target_id: number | null; detail: string }[];
}
