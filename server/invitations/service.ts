import type { Context } from '../context';
import { NOT_IN_MAIL_ADDRESS } from '../mail/address';
import { badRequest, conflict, forbidden, notFound } from '../http/errors';
import { hashPassword, passwordProblem } from '../users/password';
import type { UserRow } from '../users/store';

/** How long a sign-up link works. */
export const INVITATION_DAYS = 14;
const DAY_MS = 86_400_000;
const MAIL_RE = /^[^\s@<>]+@[^\s@<>]+$/;

export interface IssuedInvitation {
  user: UserRow;
  url: string;
  expiresAt: string;
  /** Queued for mail (SMTP set and an address known). */
  mailed: boolean;
}

export interface IssueRequest {
  userIds?: number[];
  /** Every account that cannot sign in yet: imported without a password, not suspended. */
  allWithoutPassword?: boolean;
  /** Send each link by mail where an address is known (with SMTP set). */
  mail?: boolean;
  /** An address for a single invitation, when the person has none on record. */
  email?: string;
}

const inviteMail = (user: UserRow, url: string, expiresAt: string) => {
  const until = new Date(expiresAt).toLocaleDateString('ja-JP', { timeZone: 'Asia/Tokyo' });
  const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]!));
  return {
    subject: 'Kotsu（コツ）への招待: パスワードを設定してください',
    text: `${user.display_name} さん\n\n庁内のコツ共有サイト Kotsu（コツ）のアカウントが用意されています。\n次のリンクからパスワードを設定すると、ユーザー名「${user.username}」で使い始められます（${until} まで・1回限り）。\n\n${url}\n`,
    html: `<p>${esc(user.display_name)} さん</p><p>庁内のコツ共有サイト Kotsu（コツ）のアカウントが用意されています。次のリンクからパスワードを設定すると、ユーザー名「${esc(user.username)}」で使い始められます（${esc(until)} まで・1回限り）。</p><p><a href="${esc(url)}">パスワードを設定する</a></p>`,
  };
};

/**
 * One-time, expiring sign-up links for staff imported without a password (local sign-in only).
 * A new link replaces the person's earlier unused one. Each issue is audited; the token itself
 * is only ever in the answer (and the mail), never stored or logged.
 */
export function issueInvitations(ctx: Context, admin: UserRow, req: IssueRequest): IssuedInvitation[] {
  if (ctx.config.authMode !== 'local') throw forbidden('sso_only', 'in proxy mode staff sign in through the intranet sign-on: there is nothing to invite to');
  if (req.email !== undefined && (!MAIL_RE.test(req.email) || NOT_IN_MAIL_ADDRESS.test(req.email) || (req.userIds?.length ?? 0) !== 1 || req.allWithoutPassword)) {
    throw badRequest('invitation_email', 'email: a mail address, for a single invitation');
  }
  const ids = req.allWithoutPassword ? ctx.invitations.withoutPassword() : [...new Set(req.userIds ?? [])];
  if (!req.allWithoutPassword && ids.length === 0) throw badRequest('invitation_nobody', 'give userIds or allWithoutPassword');
  const users = ids.map((id) => {
    const u = ctx.users.byId(id);
    if (!u) throw notFound('user_not_found', `user ${id} not found`, { id });
    if (u.password_hash !== null) throw conflict('invitation_has_password', `${u.username} already has a password (set a new one on the users page instead)`, { username: u.username });
    if (u.suspended) throw conflict('invitation_suspended', `${u.username} is suspended`, { username: u.username });
    return u;
  });
  const now = ctx.now();
  const expiresAt = new Date(now.getTime() + INVITATION_DAYS * DAY_MS).toISOString();
  const sendMail = req.mail === true && ctx.config.smtpUrl !== null;
  return ctx.db.transaction(() => users.map((user) => {
    const token = ctx.invitations.issue(user.id, admin.id, now.toISOString(), expiresAt);
    const url = `${new URL('/invite', ctx.config.publicUrl).href}#${token}`;
    const to = req.email ?? ctx.mail.settings(user.id)?.email ?? null;
    const mailed = sendMail && to !== null;
    if (mailed) ctx.mail.enqueue({ userId: user.id, to: to!, ...inviteMail(user, url, expiresAt), unsubscribeUrl: null }, now.toISOString());
    ctx.audit.write({ actorId: admin.id, action: 'invitation.issue', targetType: 'user', targetId: user.id, detail: { username: user.username, mailed } });
    return { user, url, expiresAt, mailed };
  }))();
}

/** The invitation a link carries, if it still works; every other case is the same 404. */
function openInvitation(ctx: Context, token: string) {
  const inv = ctx.invitations.byToken(token);
  const user = inv ? ctx.users.byId(inv.user_id) : undefined;
  if (!inv || !user || inv.used_at !== null || inv.expires_at <= ctx.now().toISOString() || user.suspended || ctx.config.authMode !== 'local') {
    throw notFound('invitation_invalid', 'this invitation link does not work (expired, used or withdrawn)');
  }
  return { inv, user };
}

export function lookupInvitation(ctx: Context, token: string): { user: UserRow; expiresAt: string } {
  const { inv, user } = openInvitation(ctx, token);
  return { user, expiresAt: inv.expires_at };
}

/** Sets the invited person's own password; the link is then used up. */
export async function acceptInvitation(ctx: Context, token: string, password: string): Promise<UserRow> {
  const { user } = openInvitation(ctx, token);
  const problem = passwordProblem(password, user.username);
  if (problem) throw badRequest(problem.reason, problem.message, problem.params);
  const hash = await hashPassword(password, ctx.config.scryptCost);
  // Checked again after the slow hash: a second tab, or an administrator, may have acted meanwhile.
  const { inv } = openInvitation(ctx, token);
  return ctx.db.transaction(() => {
    if (!ctx.invitations.use(inv.id, ctx.now().toISOString())) throw notFound('invitation_invalid', 'this invitation link does not work (expired, used or withdrawn)');
    ctx.users.setPassword(user.id, hash);
    ctx.sessions.destroyAllFor(user.id);
    ctx.audit.write({ actorId: user.id, action: 'invitation.accept', targetType: 'user', targetId: user.id, detail: { username: user.username } });
    return ctx.users.byId(user.id)!;
  })();
}
