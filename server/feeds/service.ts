import type { Context } from '../context';
import { notFound } from '../http/errors';
import type { UserRow } from '../users/store';
import { atomDocument, type AtomEntry } from './atom';

export const FEED_SIZE = 30;

/**
 * Plain text of a Markdown body, for an entry's summary (200 characters). Only the start of the
 * body is read: the image pattern scans ahead from every `![` it meets, so over a whole body of
 * `![` without `]` it was quadratic (100,000 characters: 22 s); over 2,000 it is bounded.
 */
export const SUMMARY_SOURCE = 2000;
export const summaryOf = (body: string) => body.slice(0, SUMMARY_SOURCE).replace(/!\[[^\]]*\]\([^)]*\)/g, '')
  .replace(/[#>*_`~|-]+/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 200);

/** The web app's address; links in feeds must be absolute, as a reader has no page to resolve them against. */
export function webBase(ctx: Context): string {
  const u = ctx.config.publicUrl;
  return `${u.origin}${u.pathname.replace(/\/+$/, '')}`;
}

/** Our renderer writes root-relative links and images (`/api/images/…`, `/tips/…`) and in-page anchors. */
function absolutize(html: string, base: string, page: string): string {
  return html.replace(/ (href|src)="(\/(?!\/)|#)/g, (_m, attr: string, start: string) =>
    ` ${attr}="${start === '#' ? `${page}#` : `${base}/`}`);
}

/** The feed around its entries: every string is escaped (and cleaned of non-XML characters) in atom.ts. */
function feedOf(ctx: Context, o: { title: string; description: string; self: string; alternate: string; updated: Date }, entries: AtomEntry[]): string {
  return atomDocument({
    id: o.self, title: o.title, subtitle: o.description, self: o.self, alternate: o.alternate, updated: o.updated,
    author: { name: 'Kotsu（コツ）', uri: webBase(ctx) }, language: 'ja', generator: 'Kotsu', entries,
  });
}

export function tipsFeed(ctx: Context, viewer: UserRow, tagName?: string): string {
  const base = webBase(ctx);
  let tagId: number | undefined;
  let tag = '';
  if (tagName !== undefined) {
    // A tag only drafts or hidden tips carry is, to whoever cannot see them, a tag that does not exist.
    const t = ctx.tags.visibleByName(viewer, tagName);
    if (!t) throw notFound('tag_not_found', 'tag not found', { name: tagName });
    tagId = t.id;
    tag = t.name;
  }
  const rows = ctx.feeds.newestPosts(FEED_SIZE, tagId);
  const tags = ctx.tags.namesFor(rows.map((r) => r.id));
  return feedOf(ctx, {
    title: tag ? `Kotsu（コツ）: ${tag} の新着` : 'Kotsu（コツ）: 新着のコツ',
    description: tag ? `タグ「${tag}」の新しいコツ` : '新しく公開されたコツ',
    self: `${base}/api/feeds/tips.atom${tag ? `?tag=${encodeURIComponent(tag)}` : ''}`,
    alternate: tag ? `${base}/tags/${encodeURIComponent(tag)}` : `${base}/`,
    updated: rows.length ? new Date(rows.reduce((m, r) => (r.updated_at > m ? r.updated_at : m), rows[0].updated_at)) : ctx.now(),
  }, rows.map((r) => {
    const link = `${base}/tips/${r.id}`;
    return {
      title: r.title, id: link, link,
      updated: new Date(r.updated_at), published: new Date(r.created_at),
      summary: summaryOf(r.body),
      content: absolutize(r.html, base, link),
      author: { name: r.display_name, uri: `${base}/users/${encodeURIComponent(r.username)}` },
      categories: (tags.get(r.id) ?? []).map((name) => ({ term: name, label: name })),
    };
  }));
}

export function requestsFeed(ctx: Context): string {
  const base = webBase(ctx);
  const rows = ctx.requests.newestOpen(FEED_SIZE);
  return feedOf(ctx, {
    title: 'Kotsu（コツ）: 教えて（受付中のリクエスト）',
    description: 'まだコツが書かれていない「教えて」のリクエスト',
    self: `${base}/api/feeds/requests.atom`,
    alternate: `${base}/requests`,
    updated: rows.length ? new Date(rows.reduce((m, r) => (r.updated_at > m ? r.updated_at : m), rows[0].updated_at)) : ctx.now(),
  }, rows.map((r) => {
    const link = `${base}/requests/${r.id}`;
    return {
      title: r.title, id: link, link,
      updated: new Date(r.updated_at), published: new Date(r.created_at),
      summary: `私も知りたい ${r.vote_count}・回答 ${r.answer_count}`,
      content: r.html ? absolutize(r.html, base, link) : undefined,
      author: { name: r.display_name, uri: `${base}/users/${encodeURIComponent(r.username)}` },
    };
  }));
}
