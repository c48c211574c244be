import type { TestApp, TestUser } from '../helpers/app';

export const CRITERIA = [
  { key: 'effect', label: '効果', weight: 3 },
  { key: 'reuse', label: '汎用性', weight: 2 },
  { key: 'original', label: '独自性', weight: 1 },
];

export const CATEGORIES = ['事業部門', '業務改善部門'];

/** Opens a round as the admin with the standard categories and criteria; returns its JSON. */
export async function openRound(t: TestApp, judges: TestUser[], title = '令和8年度 DX賞') {
  const res = await t.as(t.admin, {
    method: 'POST', url: '/api/awards',
    payload: { title, categories: CATEGORIES, criteria: CRITERIA, judges: judges.map((j) => j.username) },
  });
  if (res.statusCode !== 201) throw new Error(`open round failed: ${res.statusCode} ${res.body}`);
  return res.json();
}

export async function setPhase(t: TestApp, roundId: number, phase: string) {
  const res = await t.as(t.admin, { method: 'POST', url: `/api/awards/${roundId}/phase`, payload: { phase } });
  if (res.statusCode !== 200) throw new Error(`phase ${phase} failed: ${res.statusCode} ${res.body}`);
  return res.json();
}

export async function nominateTip(t: TestApp, by: TestUser, roundId: number, postId: number, category = CATEGORIES[1]) {
  const res = await t.as(by, {
    method: 'POST', url: `/api/awards/${roundId}/nominations`,
    payload: { postId, category, statement: '課内の集計作業が月10時間から1時間になりました。' },
  });
  if (res.statusCode !== 201) throw new Error(`nominate failed: ${res.statusCode} ${res.body}`);
  return res.json();
}

export function score(t: TestApp, judge: TestUser, roundId: number, nominationId: number,
  scores: Record<string, number>, comment?: string) {
  return t.as(judge, {
    method: 'PUT', url: `/api/awards/${roundId}/nominations/${nominationId}/score`,
    payload: comment === undefined ? { scores } : { scores, comment },
  });
}

export const all = (n: number) => ({ effect: n, reuse: n, original: n });
