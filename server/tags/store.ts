import type { Database } from '../db/database';
import { normalizeTag } from './normalize';

export interface TagRow { id: number; name: string; norm: string; post_count: number }

export function createTagStore(db: Database) {
  const byNorm = db.prepare('SELECT * FROM tags WHERE norm = ?');
  // canRead (server/posts/service.ts) over a tag's tips: published for all, hidden for staff, any of one's own.
  const visibleByNorm = db.prepare(`SELECT t.* FROM tags t WHERE t.norm = @norm AND (t.post_count > 0 OR EXISTS (
      SELECT 1 FROM post_tags pt JOIN posts p ON p.id = pt.post_id
      WHERE pt.tag_id = t.id AND (p.author_id = @viewer OR (@staff = 1 AND p.status = 'hidden'))))`);
  const insert = db.prepare('INSERT INTO tags (name, norm, created_at) VALUES (?, ?, ?)');
  const clear = db.prepare('DELETE FROM post_tags WHERE post_id = ?');
  const link = db.prepare('INSERT INTO post_tags (post_id, tag_id, position) VALUES (?, ?, ?)');
  const list = db.prepare(`SELECT name, post_count AS count FROM tags
    WHERE post_count > 0 AND (@prefix IS NULL OR norm LIKE @prefix ESCAPE '\\')
    ORDER BY post_count DESC, norm LIMIT @limit`);
  const namesFor = db.prepare(`SELECT pt.post_id AS postId, t.name FROM post_tags pt JOIN tags t ON t.id = pt.tag_id
    WHERE pt.post_id IN (SELECT value FROM json_each(?)) ORDER BY pt.post_id, pt.position`);

  const store = {
    byName: (name: string) => byNorm.get(normalizeTag(name)) as TagRow | undefined,
    /**
     * The tag if this viewer may see a tip that carries it; otherwise undefined, exactly as for
     * a tag that does not exist (a tag used only by drafts or hidden tips leaks nothing).
     */
    visibleByName(viewer: { id: number; role: string } | null, name: string): TagRow | undefined {
      const staff = viewer?.role === 'moderator' || viewer?.role === 'admin';
      return visibleByNorm.get({ norm: normalizeTag(name), viewer: viewer?.id ?? 0, staff: staff ? 1 : 0 }) as TagRow | undefined;
    },
    /** Finds or creates each tag; a new tag keeps the spelling it was first written with. */
    resolve(names: readonly string[]): TagRow[] {
      return names.map((name) => {
        const norm = normalizeTag(name);
        const found = byNorm.get(norm) as TagRow | undefined;
        if (found) return found;
        insert.run(name, norm, new Date().toISOString());
        return byNorm.get(norm) as TagRow;
      });
    },
    /**
     * Replaces a tip's tags. Call in a transaction. `post_count` follows in the database's own
     * triggers (migrations/0008_tag_counts.sql), for this and for every status change.
     */
    setPostTags(postId: number, names: readonly string[]) {
      const tags = store.resolve(names);
      clear.run(postId);
      tags.forEach((t, i) => link.run(postId, t.id, i));
    },
    list(prefix: string | null, limit: number): { name: string; count: number }[] {
      const p = prefix ? `${normalizeTag(prefix).replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
      return list.all({ prefix: p, limit }) as { name: string; count: number }[];
    },
    /** Tag names of many tips at once, in each tip's order. */
    namesFor(postIds: readonly number[]): Map<number, string[]> {
      const out = new Map<number, string[]>(postIds.map((id) => [id, []]));
      if (postIds.length === 0) return out;
      for (const row of namesFor.all(JSON.stringify(postIds)) as { postId: number; name: string }[]) {
        out.get(row.postId)?.push(row.name);
      }
      return out;
    },
  };
  return store;
}

export type TagStore = ReturnType<typeof createTagStore>;
