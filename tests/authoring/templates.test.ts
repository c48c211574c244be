import { describe, expect, it } from 'vitest';
import { useTestApp } from '../helpers/fixture';

const { t, users: { alice } } = useTestApp({ users: { alice: {} } });

describe('templates', () => {
  it('come with 困りごと・手順・効果 and are listed for every member in picker order', async () => {
    const items = (await t.as(alice, { method: 'GET', url: '/api/templates' })).json().items;
    expect(items.map((x: { name: string }) => x.name)).toEqual(['困りごと・手順・効果', 'ショートカット']);
    expect(items[0].body).toContain('## 困りごと');
    expect(items[0].body).toContain('## 手順');
    expect(items[0].body).toContain('## 効果');
  });

  it('are created, changed and removed by admins only, each audited', async () => {
    const payload = { name: 'RPA シナリオ', body: '## 対象業務\n\n## シナリオの流れ\n', tags: ['RPA', 'ＲＰＡ'], position: 0, description: 'WinActor / UiPath' };
    expect((await t.as(alice, { method: 'POST', url: '/api/templates', payload })).statusCode).toBe(403);
    const created = await t.as(t.admin, { method: 'POST', url: '/api/templates', payload });
    expect(created.statusCode).toBe(201);
    const tpl = created.json();
    expect(tpl).toMatchObject({ name: 'RPA シナリオ', tags: ['RPA'], title: '', position: 0 });
    expect((await t.as(alice, { method: 'GET', url: '/api/templates' })).json().items[0].id).toBe(tpl.id);
    expect((await t.as(t.admin, { method: 'POST', url: '/api/templates', payload: { name: 'ｒｐａ シナリオ', body: 'x' } })).statusCode).toBe(409);
    expect((await t.as(alice, { method: 'PATCH', url: `/api/templates/${tpl.id}`, payload: { position: 9 } })).statusCode).toBe(403);
    const changed = await t.as(t.admin, { method: 'PATCH', url: `/api/templates/${tpl.id}`, payload: { position: 9, title: '【RPA】' } });
    expect(changed.json()).toMatchObject({ position: 9, title: '【RPA】', body: payload.body });
    expect((await t.as(alice, { method: 'DELETE', url: `/api/templates/${tpl.id}` })).statusCode).toBe(403);
    expect((await t.as(t.admin, { method: 'DELETE', url: `/api/templates/${tpl.id}` })).statusCode).toBe(204);
    expect((await t.as(t.admin, { method: 'DELETE', url: `/api/templates/${tpl.id}` })).statusCode).toBe(404);
    expect(t.db.prepare("SELECT action FROM audit_log WHERE target_type = 'template' ORDER BY rowid").pluck().all())
      .toEqual(['template.create', 'template.update', 'template.delete']);
  });

  it('validates input', async () => {
    for (const payload of [{ name: '', body: 'x' }, { name: 'a' }, { name: 'a', body: 'x', tags: ['t'.repeat(41)] }, { name: 'a', body: 'x', foo: 1 }]) {
      expect((await t.as(t.admin, { method: 'POST', url: '/api/templates', payload })).statusCode).toBe(400);
    }
  });
});
