import { Feed } from 'feed';
import type { Context } from '../context';
import { notFound } from '../http/errors';

export const FEED_SIZE = 30;

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Plain text of a Markdown body, for an entry's summary. */
const summaryOf = (body: string) => body.replace(/!\[[^\]]*\]\([^)]*\)/g, '').replace(/[#>*_`~|-]+/g, ' ')
  .replace(/\s+/g, ' ').trim().slice(0, 200);

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

function newFeed(ctx: Context, o: { title: string; description: string; self: string; alternate: string; updated: Date }) {
  return new Feed({
    id: o.self, title: o.title, description: o.description, link: o.alternate, updated: o.updated,
    feedLinks: { atom: o.self }, language: 'ja', generator: 'Kotsu', copyright: '',
    author: { name: 'Kotsu（コツ）', link: webBase(ctx) },
  });
}

export function tipsFeed(ctx: Context, tagName?: string): string {
  const base = webBase(ctx);
  let tagId: number | undefined;
  let tag = '';
  if (tagName !== undefined) {
    const t = ctx.tags.byName(tagName);
    if (!t) throw notFound('tag_not_found', 'tag not found', { name: tagName });
    tagId = t.id;
    tag = t.name;
  }
  const rows = ctx.feeds.newestPosts(FEED_SIZE, tagId);
  const tags = ctx.tags.namesFor(rows.map((r) => r.id));
  const feed = newFeed(ctx, {
    title: tag ? `Kotsu（コツ）: ${tag} の新着` : 'Kotsu（コツ）: 新着のコツ',
    description: tag ? `タグ「${tag}」の新しいコツ` : '新しく公開されたコツ',
    self: `${base}/api/feeds/tips.atom${tag ? `?tag=${encodeURIComponent(tag)}` : ''}`,
    alternate: tag ? `${base}/tags/${encodeURIComponent(tag)}` : `${base}/`,
    updated: rows.length ? new Date(rows.reduce((m, r) => (r.updated_at > m ? r.updated_at : m), rows[0].updated_at)) : ctx.now(),
  });
  for (const r of rows) {
    const link = `${base}/tips/${r.id}`;
    feed.addItem({
      // The feed writes titles as HTML; ours are plain text, so they are escaped first.
      title: escapeHtml(r.title), id: link, link,
      date: new Date(r.updated_at), published: new Date(r.created_at),
      description: escapeHtml(summaryOf(r.body)),
      content: absolutize(r.html, base, link),
      author: [{ name: r.display_name, link: `${base}/users/${encodeURIComponent(r.username)}` }],
      category: (tags.get(r.id) ?? []).map((name) => ({ name, term: name })),
    });
  }
  return feed.atom1();
}

export function requestsFeed(ctx: Context): string {
  const base = webBase(ctx);
  const rows = ctx.requests.newestOpen(FEED_SIZE);
  const feed = newFeed(ctx, {
    title: 'Kotsu（コツ）: 教えて（受付中のリクエスト）',
    description: 'まだコツが書かれていない「教えて」のリクエスト',
    self: `${base}/api/feeds/requests.atom`,
    alternate: `${base}/requests`,
    updated: rows.length ? new Date(rows.reduce((m, r) => (r.updated_at > m ? r.updated_at : m), rows[0].updated_at)) : ctx.now(),
  });
  for (const r of rows) {
    const link = `${base}/requests/${r.id}`;
    feed.addItem({
      title: escapeHtml(r.title), id: link, link,
      date: new Date(r.updated_at), published: new Date(r.created_at),
      description: escapeHtml(`私も知りたい ${r.vote_count}・回答 ${r.answer_count}`),
      content: r.html ? absolutize(r.html, base, link) : undefined,
      author: [{ name: r.display_name, link: `${base}/users/${encodeURIComponent(r.username)}` }],
    });
  }
  return feed.atom1();
}
