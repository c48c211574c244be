import type { Context } from '../context';
import { presentPostNominations } from '../awards/presenter';
import { presentComment } from '../comments/presenter';
import { pageOf } from '../http/cursor';
import { adoptionFigures, myAdoption } from '../impact/service';
import { sharedRanking, otherDepartmentsAnswer } from '../popularity/service';
import { sharedPostList } from '../posts/list';
import { presentPage } from '../posts/page';
import type { PostSummaryT } from '../posts/schemas';
import { readable } from '../posts/service';
import { relatedToTip } from '../search/service';
import type { UserRow } from '../users/store';
import { japanDay } from '../views/days';
import type { HomePageT, TipPageT } from './schemas';

/** The first page of comments a tip page shows, as GET /api/posts/:id/comments answers by default. */
export const COMMENT_PAGE = 100;
const ROUNDS_LOOKED_AT = 50;

const isStaff = (u: UserRow) => u.role === 'moderator' || u.role === 'admin';

function commentPage(ctx: Context, postId: number, viewer: { id: number; staff: boolean }) {
  const page = pageOf(ctx.comments.list(postId, viewer, null, COMMENT_PAGE + 1), COMMENT_PAGE, (r) => [r.id]);
  return { items: page.items.map(presentComment), nextCursor: page.nextCursor };
}

/**
 * What every reader of a tip sees, kept in the read cache like the list pages: the tip (with no
 * reader's marks), its visible comments, nominations, rounds open for nominations and adoption
 * figures. null when there is no such tip. Whether this reader may see it is decided after.
 */
function sharedTipPage(ctx: Context, id: number) {
  return ctx.readCache.get(JSON.stringify(['page.tip', id]), () => {
    const row = ctx.postPages.read(id, 0);
    if (!row) return null;
    const rounds = ctx.awards.listRounds(null, ROUNDS_LOOKED_AT).filter((r) => r.phase === 'nominating');
    return {
      access: { status: row.status, author_id: row.author_id },
      post: presentPage(row, ctx.config.staleAfterDays),
      comments: commentPage(ctx, id, { id: 0, staff: false }),
      nominations: presentPostNominations(ctx, ctx.awards.nominationsOfPost(id)),
      nominatingRounds: rounds.map((r) => ({ id: r.id, title: r.title, categories: ctx.awards.categories(r.id) })),
      adoptions: adoptionFigures(ctx, id),
      related: relatedToTip(ctx, id) ?? [],
    };
  });
}

/** A tip page for this reader: 404 exactly as GET /api/posts/:id when they may not read the tip. */
export function tipPage(ctx: Context, viewer: UserRow, id: number): TipPageT {
  const shared = sharedTipPage(ctx, id);
  readable(viewer, shared?.access);
  const s = shared!;
  const marks = ctx.pageMarks.readerMarks(id, viewer.id);
  const staff = isStaff(viewer);
  return {
    post: { ...s.post, likedByMe: marks.liked, bookmarkedByMe: marks.bookmarked },
    // Moderators see hidden comments, and authors their own: theirs is not the shared page.
    comments: staff || marks.ownUnseenComment ? commentPage(ctx, id, { id: viewer.id, staff }) : s.comments,
    nominations: s.nominations,
    nominatingRounds: s.nominatingRounds,
    // Object.assign, not a spread: this spread's copies outlived the young generation (see presentPost,
    // posts/presenter.ts; npm run bench:page-memory). The spread above did not (measured then).
    adoptions: Object.assign({}, s.adoptions, { mine: myAdoption(ctx, viewer, id) }),
    reportPending: marks.reported,
    related: s.related,
  };
}

// Boxes after the week's ranking skip tips already shown (web kotsu-home-popularity), so each brings 20 candidates to fill five.
export const HOME = { newest: 20, popular: 20, trending: 20, week: 5, otherDepartments: 20, perDepartment: 2, tags: 50 } as const;

/** What every reader of the home page sees; each part is the list page's own cached answer. */
function sharedHomePage(ctx: Context) {
  return ctx.readCache.get(JSON.stringify(['page.home', japanDay(ctx.now())]), () => ({
    newest: sharedPostList(ctx, { sort: 'new', limit: HOME.newest }),
    popular: sharedPostList(ctx, { sort: 'popular', limit: HOME.popular }).items,
    trending: sharedPostList(ctx, { sort: 'trending', limit: HOME.trending }).items,
    weekRanking: sharedRanking(ctx, { period: 'week', limit: HOME.week }),
    tags: ctx.tags.list(null, HOME.tags),
  }));
}

/** The home page for this reader: the shared lists with the reader's likes and bookmarks. */
export function homePage(ctx: Context, viewer: UserRow): HomePageT {
  const s = sharedHomePage(ctx);
  const ids = [...s.newest.items, ...s.popular, ...s.trending, ...s.weekRanking.items.map((i) => i.post)].map((p) => p.id);
  const liked = ctx.posts.likedBy(viewer.id, ids);
  const bookmarked = ctx.popularity.bookmarkedBy(viewer.id, ids);
  const mark = (p: PostSummaryT): PostSummaryT => ({ ...p, likedByMe: liked.has(p.id), bookmarkedByMe: bookmarked.has(p.id) });
  return {
    newest: { items: s.newest.items.map(mark), nextCursor: s.newest.nextCursor },
    popular: s.popular.map(mark),
    trending: s.trending.map(mark),
    weekRanking: { ...s.weekRanking, items: s.weekRanking.items.map((i) => ({ ...i, post: mark(i.post) })) },
    otherDepartments: otherDepartmentsAnswer(ctx, viewer, HOME.otherDepartments, HOME.perDepartment),
    tags: s.tags,
  };
}
