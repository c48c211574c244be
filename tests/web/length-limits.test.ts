import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { charactersOver, LIMITS } from '../../web/src/shared/length-limit';
import { createTestApp, type TestApp } from '../helpers/app';

/**
 * Fields never cut what is typed or pasted into them. `maxlength` on the tip editor's body cut a
 * pasted 124,084-character tip to 100,000 characters without a word, and the cut tip was
 * published (the same for comments, replies, 教えて, reasons, notes and statements): a field over
 * its limit now says so and its form does not send (web/src/shared/length-limit.ts). The limits
 * the web app checks are the server's own, read from the OpenAPI document of the running routes.
 */
const WHERE: Record<keyof typeof LIMITS, [method: string, route: string, field: string]> = {
  title: ['post', '/api/posts', 'title'],
  body: ['post', '/api/posts', 'body'],
  comment: ['post', '/api/posts/{id}/comments', 'body'],
  hideReason: ['post', '/api/posts/{id}/hide', 'reason'],
  commentHideReason: ['post', '/api/comments/{id}/hide', 'reason'],
  reportComment: ['post', '/api/posts/{id}/reports', 'comment'],
  statement: ['post', '/api/awards/{id}/nominations', 'statement'],
  adoptionNote: ['post', '/api/posts/{id}/adoptions', 'note'],
  requestTitle: ['post', '/api/requests', 'title'],
  requestBody: ['post', '/api/requests', 'body'],
  judgeComment: ['put', '/api/awards/{id}/nominations/{nid}/score', 'comment'],
  resolveNote: ['post', '/api/moderation/reports/{id}/resolve', 'note'],
  templateName: ['post', '/api/templates', 'name'],
  templateTitle: ['post', '/api/templates', 'title'],
  templateDescription: ['post', '/api/templates', 'description'],
  templateBody: ['post', '/api/templates', 'body'],
};

function webFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? webFiles(p) : e.name.endsWith('.ts') ? [p] : [];
  });
}

describe('length limits in the web app', () => {
  let t: TestApp;
  beforeAll(async () => { t = await createTestApp(); });
  afterAll(() => t.close());

  it('are the limits of the routes the forms send to', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    for (const [name, [method, route, field]] of Object.entries(WHERE)) {
      const schema = doc.paths[route]?.[method]?.requestBody?.content?.['application/json']?.schema;
      expect(schema?.properties?.[field]?.maxLength, `${name}: ${method} ${route} ${field}`).toBe(LIMITS[name as keyof typeof LIMITS]);
    }
  });

  it('count characters as the server does (an emoji is one)', () => {
    expect(charactersOver('😀'.repeat(200), 200)).toBe(0);
    expect(charactersOver('😀'.repeat(201), 200)).toBe(1);
    expect(charactersOver('あ'.repeat(250), 200)).toBe(50);
  });

  it('no textarea, and no field of a tip, request or template, cuts its text with maxlength', () => {
    const cutting: string[] = [];
    for (const file of webFiles(path.resolve('web/src'))) {
      const src = fs.readFileSync(file, 'utf8');
      for (const m of src.matchAll(/<textarea\b[^>]*>/g)) if (/\bmaxlength=/i.test(m[0])) cutting.push(`${path.basename(file)}: ${m[0].slice(0, 60)}`);
      if (/kotsu-(editor|requests|templates-admin)-page\.ts$/.test(file) && /\bmaxlength=/i.test(src)) cutting.push(`${path.basename(file)}: maxlength`);
    }
    expect(cutting).toEqual([]);
  });
});
