import type { Database } from '../db/database';
import { foldName } from '../shared/fold';
import { newIdSql } from '../db/ids';

export interface TemplateRow {
  id: number;
  name: string;
  description: string;
  title: string;
  body: string;
  /** JSON array of tag names. */
  tags: string;
  position: number;
  created_at: string;
  updated_at: string;
}

export interface TemplateFields { name: string; description: string; title: string; body: string; tags: string[]; position: number }

/** Template names match like tags: full-/half-width and letter case do not make a second one. */
export const normalizeTemplateName = (name: string) => foldName(name);

export function createTemplateStore(db: Database) {
  const all = db.prepare('SELECT * FROM templates ORDER BY position, id');
  const byId = db.prepare('SELECT * FROM templates WHERE id = ?');
  const byNorm = db.prepare('SELECT id FROM templates WHERE name_norm = ?').pluck();
  const insert = db.prepare(`INSERT INTO templates (id, name, name_norm, description, title, body, tags, position, created_at, updated_at)
    VALUES (${newIdSql('templates')}, @name, @norm, @description, @title, @body, @tags, @position, @now, @now)`);
  const update = db.prepare(`UPDATE templates SET name = @name, name_norm = @norm, description = @description, title = @title,
    body = @body, tags = @tags, position = @position, updated_at = @now WHERE id = @id`);
  const remove = db.prepare('DELETE FROM templates WHERE id = ?');
  const params = (t: TemplateFields, now: string) => ({ ...t, norm: normalizeTemplateName(t.name), tags: JSON.stringify(t.tags), now });
  return {
    all: () => all.all() as TemplateRow[],
    byId: (id: number) => byId.get(id) as TemplateRow | undefined,
    idByName: (name: string) => byNorm.get(normalizeTemplateName(name)) as number | undefined,
    insert: (t: TemplateFields, now: string) => Number(insert.run(params(t, now)).lastInsertRowid),
    update: (id: number, t: TemplateFields, now: string) => { update.run({ ...params(t, now), id }); },
    remove: (id: number) => { remove.run(id); },
  };
}

export type TemplateStore = ReturnType<typeof createTemplateStore>;
