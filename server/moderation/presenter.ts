import type { Context } from '../context';
import { presentSummaries } from '../posts/presenter';
import { canRead } from '../posts/service';
import type { PostSummaryT } from '../posts/schemas';
import type { UserRow } from '../users/store';
import type { QueueGroupT, ReportInGroupT, ReportT } from './schemas';
import { REPORT_REASONS, type QueueGroupRow, type ReportReason, type ReportRow } from './store';

/**
 * Who reported a tip is never told to its author (the report dialog promises it): a moderator or
 * administrator deciding on reports about her own tip sees them without their reporters.
 */
function reporterShown(r: ReportRow, viewer: UserRow, authorId: number): boolean {
  return authorId !== viewer.id || r.reporter_id === viewer.id;
}

function presentReportFields(r: ReportRow, viewer: UserRow, authorId: number): ReportInGroupT {
  return {
    id: r.id,
    reporter: reporterShown(r, viewer, authorId)
      ? { id: r.reporter_id, username: r.reporter_username, displayName: r.reporter_display_name, department: r.reporter_department }
      : null,
    reason: r.reason,
    comment: r.comment,
    status: r.status,
    createdAt: r.created_at,
    resolvedBy: r.resolved_by === null || r.resolver_username === null ? null : {
      id: r.resolved_by, username: r.resolver_username, displayName: r.resolver_display_name ?? '', department: r.resolver_department ?? '',
    },
    resolution: r.resolution,
    note: r.resolution_note,
    resolvedAt: r.resolved_at,
  };
}

/**
 * The tips of reports that this viewer may read (canRead): a reporter whose report got a tip
 * hidden no longer sees its title in "my reports" (as in the notification that told them), and
 * nobody but its author sees a tip that went back to being a draft. A report whose tip is left
 * out is left out with it, as if the tip did not exist.
 */
function summariesById(ctx: Context, postIds: number[], viewer: UserRow): Map<number, PostSummaryT> {
  const rows = ctx.posts.summaries([...new Set(postIds)]).filter((p) => canRead(viewer, p));
  return new Map(presentSummaries(ctx, rows, viewer).map((s) => [s.id, s]));
}

/** Reports with their tips, the tips looked up in one batch. */
export function presentReports(ctx: Context, rows: ReportRow[], viewer: UserRow): ReportT[] {
  const posts = summariesById(ctx, rows.map((r) => r.post_id), viewer);
  return rows.flatMap((r) => {
    const post = posts.get(r.post_id);
    return post ? [{ ...presentReportFields(r, viewer, post.author.id), post }] : [];
  });
}

export function presentQueue(ctx: Context, groups: QueueGroupRow[], viewer: UserRow): QueueGroupT[] {
  const postIds = groups.map((g) => g.post_id);
  const posts = summariesById(ctx, postIds, viewer);
  const reports = new Map<number, ReportInGroupT[]>(postIds.map((id) => [id, []]));
  for (const r of ctx.reports.openOfPosts(postIds)) {
    const post = posts.get(r.post_id);
    if (post) reports.get(r.post_id)?.push(presentReportFields(r, viewer, post.author.id));
  }
  return groups.flatMap((g) => {
    const post = posts.get(g.post_id);
    if (!post) return [];
    const tally = new Map<ReportReason, number>();
    for (const reason of JSON.parse(g.reasons) as ReportReason[]) tally.set(reason, (tally.get(reason) ?? 0) + 1);
    return [{
      post,
      openCount: g.open_count,
      reasons: REPORT_REASONS.filter((r) => tally.has(r)).map((reason) => ({ reason, count: tally.get(reason)! }))
        .sort((a, b) => b.count - a.count),
      firstReportedAt: g.first_at,
      lastReportedAt: g.last_at,
      reports: reports.get(g.post_id) ?? [],
      ownTip: post.author.id === viewer.id,
    }];
  });
}
