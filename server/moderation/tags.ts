import type { Context } from '../context';
import { badRequest, conflict, notFound } from '../http/errors';
import { cleanTags, normalizeTag } from '../tags/normalize';
import type { TagRow } from '../tags/store';
import type { UserRow } from '../users/store';

function cleanOne(field: string, name: string): string {
  const cleaned = cleanTags([name]);
  if ('problem' in cleaned) throw badRequest(cleaned.reason, cleaned.problem.replace(/^tags/, field), cleaned.params);
  return cleaned.tags[0];
}

const tagNotFound = (name: string) => notFound('tag_not_found', `tag "${name}" not found`, { name });

/** Tells every listener (search index, suggestions) that these tips' tags changed. Call in a transaction. */
function announce(ctx: Context, postIds: readonly number[]) {
  for (const id of postIds) {
    const post = ctx.posts.byId(id);
    if (post) ctx.postEvents.emit({ kind: 'updated', post });
  }
}

/**
 * Every tip tagged with one of `from` is tagged `into` instead, at the same place among its
 * tags, keeping its other tags; the emptied `from` tags are removed. `into` may be new.
 */
export function mergeTags(ctx: Context, actor: UserRow, input: { from: string[]; into: string }): { name: string; count: number } {
  const intoName = cleanOne('into', input.into);
  const intoNorm = normalizeTag(intoName);
  const from = new Map<number, TagRow>();
  for (const name of input.from) {
    const tag = ctx.tags.visibleByName(actor, name);
    if (!tag) throw tagNotFound(name);
    if (tag.norm !== intoNorm) from.set(tag.id, tag);
  }
  if (from.size === 0) throw badRequest('tag_merge_self', 'from: nothing to merge — every tag given is the target itself');
  const fromNorms = new Set([...from.values()].map((t) => t.norm));

  // A target only drafts carry is, to this moderator, a new tag: it takes the spelling given.
  const unseenInto = ctx.tags.byName(intoName) !== undefined && !ctx.tags.visibleByName(actor, intoName);
  return ctx.db.transaction(() => {
    const [into] = ctx.tags.resolve([intoName]);
    if (unseenInto && into.name !== intoName) ctx.tagAdmin.rename(into.id, intoName, intoNorm);
    const postIds = ctx.tagAdmin.postsWithTags([...from.keys()]);
    const names = ctx.tags.namesFor(postIds);
    for (const postId of postIds) {
      const seen = new Set<string>();
      const next: string[] = [];
      for (const name of names.get(postId) ?? []) {
        const replaced = fromNorms.has(normalizeTag(name)) ? into.name : name;
        const norm = normalizeTag(replaced);
        if (seen.has(norm)) continue;
        seen.add(norm);
        next.push(replaced);
      }
      ctx.tags.setPostTags(postId, next);
    }
    for (const id of from.keys()) {
      ctx.follows.moveTagFollowers(id, into.id);
      ctx.tagAdmin.removeUnused(id);
    }
    announce(ctx, postIds);
    const merged = ctx.tags.byName(into.name)!;
    ctx.audit.write({
      actorId: actor.id, action: 'tag.merge', targetType: 'tag', targetId: merged.id,
      detail: { from: [...from.values()].map((t) => t.name), into: merged.name, posts: postIds.length },
    });
    return { name: merged.name, count: merged.post_count };
  })();
}

/** Changes a tag's spelling; a name that is already another tag is a merge, not a rename. */
export function renameTag(ctx: Context, actor: UserRow, current: string, newName: string): { name: string; count: number } {
  const tag = ctx.tags.visibleByName(actor, current);
  if (!tag) throw tagNotFound(current);
  const name = cleanOne('name', newName);
  const norm = normalizeTag(name);
  const clash = ctx.tags.byName(name);
  // A name only drafts use is free as far as this moderator can tell: the rename becomes a merge into it.
  if (clash && clash.id !== tag.id && !ctx.tags.visibleByName(actor, name)) return mergeTags(ctx, actor, { from: [tag.name], into: name });
  if (clash && clash.id !== tag.id) {
    throw conflict('tag_exists', `tag "${clash.name}" exists; merge instead`, { name: clash.name });
  }
  if (name === tag.name) return { name: tag.name, count: tag.post_count };
  return ctx.db.transaction(() => {
    ctx.tagAdmin.rename(tag.id, name, norm);
    announce(ctx, ctx.tagAdmin.postsWithTags([tag.id]));
    ctx.audit.write({
      actorId: actor.id, action: 'tag.rename', targetType: 'tag', targetId: tag.id,
      detail: { before: { name: tag.name }, after: { name } },
    });
    return { name, count: tag.post_count };
  })();
}
