import type { Database } from '../db/database';

/** The few tag writes only moderators make: renaming a tag and removing one emptied by a merge. */
export function createTagAdminStore(db: Database) {
  const postsWith = db.prepare(`SELECT DISTINCT post_id FROM post_tags
    WHERE tag_id IN (SELECT value FROM json_each(?)) ORDER BY post_id`).pluck();
  const rename = db.prepare('UPDATE tags SET name = ?, norm = ? WHERE id = ?');
  const remove = db.prepare('DELETE FROM tags WHERE id = ? AND NOT EXISTS (SELECT 1 FROM post_tags WHERE tag_id = ?)');
  return {
    postsWithTags: (tagIds: readonly number[]) => postsWith.all(JSON.stringify(tagIds)) as number[],
    rename(id: number, name: string, norm: string) { rename.run(name, norm, id); },
    /** Deletes a tag no tip carries any more. */
    removeUnused(id: number) { remove.run(id, id); },
  };
}

export type TagAdminStore = ReturnType<typeof createTagAdminStore>;
