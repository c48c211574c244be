import type { Context } from '../context';
import { badRequest, conflict, notFound } from '../http/errors';
import { checkText, requireNonBlank } from '../shared/text';
import { cleanTags } from '../tags/normalize';
import type { UserRow } from '../users/store';
import type { CreateTemplateInput, TemplateT, UpdateTemplateInput } from './schemas';
import type { TemplateFields, TemplateRow } from './store';

export const presentTemplate = (t: TemplateRow): TemplateT => ({
  id: t.id, name: t.name, description: t.description, title: t.title, body: t.body,
  tags: JSON.parse(t.tags) as string[], position: t.position, createdAt: t.created_at, updatedAt: t.updated_at,
});

function check(ctx: Context, f: TemplateFields, id: number | null): TemplateFields {
  requireNonBlank('name', f.name);
  checkText('description', f.description);
  checkText('title', f.title);
  checkText('body', f.body, { multiline: true });
  const cleaned = cleanTags(f.tags);
  if ('problem' in cleaned) throw badRequest(cleaned.reason, cleaned.problem, cleaned.params);
  const clash = ctx.templates.idByName(f.name);
  if (clash !== undefined && clash !== id) throw conflict('template_name_taken', 'a template with this name exists');
  return { ...f, name: f.name.trim(), tags: cleaned.tags };
}

function get(ctx: Context, id: number): TemplateRow {
  const t = ctx.templates.byId(id);
  if (!t) throw notFound('template_not_found', 'template not found');
  return t;
}

// Administration actions write an audit entry in the same transaction.
export function createTemplate(ctx: Context, admin: UserRow, input: CreateTemplateInput): TemplateRow {
  const f = check(ctx, {
    name: input.name, body: input.body, description: input.description ?? '', title: input.title ?? '',
    tags: input.tags ?? [], position: input.position ?? 0,
  }, null);
  return ctx.db.transaction(() => {
    const id = ctx.templates.insert(f, ctx.now().toISOString());
    ctx.audit.write({ actorId: admin.id, action: 'template.create', targetType: 'template', targetId: id, detail: { name: f.name } });
    return ctx.templates.byId(id)!;
  })();
}

export function updateTemplate(ctx: Context, admin: UserRow, id: number, input: UpdateTemplateInput): TemplateRow {
  const t = get(ctx, id);
  const f = check(ctx, {
    name: input.name ?? t.name, body: input.body ?? t.body, description: input.description ?? t.description,
    title: input.title ?? t.title, tags: input.tags ?? (JSON.parse(t.tags) as string[]), position: input.position ?? t.position,
  }, id);
  return ctx.db.transaction(() => {
    ctx.templates.update(id, f, ctx.now().toISOString());
    ctx.audit.write({ actorId: admin.id, action: 'template.update', targetType: 'template', targetId: id,
      detail: { name: f.name, fields: Object.keys(input) } });
    return ctx.templates.byId(id)!;
  })();
}

export function deleteTemplate(ctx: Context, admin: UserRow, id: number): void {
  const t = get(ctx, id);
  ctx.db.transaction(() => {
    ctx.templates.remove(id);
    ctx.audit.write({ actorId: admin.id, action: 'template.delete', targetType: 'template', targetId: id, detail: { name: t.name } });
  })();
}
