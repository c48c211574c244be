import { postTip, type TestApp, type TestUser } from './app';

/**
 * One of each thing (a tip with a comment, a 教えて request, a template, a DX award with a judge
 * named `judge`, who must exist), so that `1` names something on most routes and a walk over every
 * route reaches past the lookup to the body. Returns the tip.
 */
export async function oneOfEach(t: TestApp, member: TestUser): Promise<{ id: number }> {
  const tip = await postTip(t, member, { title: 'tip', body: 'body', tags: ['excel'] });
  await t.as(member, { method: 'POST', url: `/api/posts/${tip.id}/comments`, payload: { body: 'c' } });
  await t.as(t.admin, { method: 'POST', url: '/api/requests', payload: { title: 'req' } });
  await t.as(t.admin, { method: 'POST', url: '/api/templates', payload: { name: 'tpl', body: 'b' } });
  await t.as(t.admin, { method: 'POST', url: '/api/awards', payload: { title: 'DX', categories: ['c'], criteria: [{ key: 'k', label: 'l', weight: 1 }], judges: ['judge'] } });
  return tip;
}
