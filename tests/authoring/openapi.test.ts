import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app';

let t: TestApp;
beforeAll(async () => { t = await createTestApp(); });
afterAll(async () => { await t.close(); });

it('documents every authoring endpoint in the OpenAPI output', async () => {
  const doc = (await t.as(null, { method: 'GET', url: '/api/openapi.json' })).json();
  const paths = Object.keys(doc.paths);
  for (const p of [
    '/api/images', '/api/images/{name}', '/api/posts/{id}/revisions', '/api/posts/{id}/revisions/{number}',
    '/api/posts/{id}/revisions/{number}/restore', '/api/posts/{id}/diff', '/api/posts/{id}/publish', '/api/me/drafts',
    '/api/posts/{id}/comments', '/api/comments/{id}', '/api/comments/{id}/hide', '/api/requests', '/api/requests/{id}/vote',
    '/api/requests/{id}/answers', '/api/requests/{id}/solve', '/api/templates', '/api/templates/{id}',
    '/api/feeds/tips.atom', '/api/feeds/requests.atom',
  ]) expect(paths, p).toContain(p);
  expect(Object.keys(doc.paths['/api/images'].post.requestBody.content)).toContain('image/png');
  expect(doc.paths['/api/posts/{id}'].patch.responses['409']).toBeDefined();
  expect(Object.keys(doc.paths['/api/feeds/tips.atom'].get.responses['200'].content)).toEqual(['application/atom+xml']);
});
