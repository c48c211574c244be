import { createTestApp, postTip, type TestApp, type TestUser } from '../helpers/app';

export { postTip };

/** A test app whose clock the test moves: `clock.set('2026-04-01T12:00:00+09:00')`. */
export async function clockedApp(start: string): Promise<{ t: TestApp; clock: { set(iso: string): void; now(): Date } }> {
  let now = new Date(start);
  const clock = { set(iso: string) { now = new Date(iso); }, now: () => now };
  // Sessions outlive the test's jumps in time.
  const t = await createTestApp({ now: () => now, config: { sessionIdle: 365 * 24 * 3600, sessionMaxAge: 365 * 24 * 3600 } });
  return { t, clock };
}

export async function view(t: TestApp, user: TestUser, postId: number, headers: Record<string, string> = {}) {
  const res = await t.as(user, { method: 'POST', url: `/api/posts/${postId}/views`, headers });
  if (res.statusCode !== 200) throw new Error(`view failed: ${res.statusCode} ${res.body}`);
  return res.json() as { viewCount: number; uniqueViewers: number; counted: boolean };
}

export async function getJson<T = Record<string, unknown>>(t: TestApp, user: TestUser, url: string): Promise<T> {
  const res = await t.as(user, { method: 'GET', url });
  if (res.statusCode !== 200) throw new Error(`GET ${url} failed: ${res.statusCode} ${res.body}`);
  return res.json() as T;
}

/** Several members in one go, in the given department. */
export async function members(t: TestApp, prefix: string, n: number, department = '総務課'): Promise<TestUser[]> {
  const users: TestUser[] = [];
  for (let i = 0; i < n; i++) users.push(await t.user(`${prefix}${i}`, { department }));
  return users;
}

export const ids = (items: { id: number }[]) => items.map((p) => p.id);
