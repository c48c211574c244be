/**
 * Every page of the web app at its address from shared/API.md ("Web addresses"). Pages load
 * lazily, so the home page does not pay for the editor. First match wins.
 */
import type { RouteDef } from './router';

export const ROUTES: RouteDef[] = [
  { path: '/', tag: 'kotsu-home-page', load: () => import('../pages/kotsu-home-page'), title: 'home.title' },
  { path: '/login', tag: 'kotsu-login-page', load: () => import('../pages/kotsu-login-page'), access: 'public', title: 'login.title' },
  { path: '/invite', tag: 'kotsu-invite-page', load: () => import('../pages/kotsu-invite-page'), access: 'public', title: 'invite.title' },
  { path: '/setup', tag: 'kotsu-setup-page', load: () => import('../pages/kotsu-setup-page'), access: 'public', title: 'setup.title' },
  { path: '/new', tag: 'kotsu-editor-page', load: () => import('../pages/kotsu-editor-page'), title: 'editor.newTitle' },
  { path: '/tips/:id', tag: 'kotsu-tip-page', load: () => import('../pages/kotsu-tip-page') },
  { path: '/tips/:id/edit', tag: 'kotsu-editor-page', load: () => import('../pages/kotsu-editor-page'), title: 'editor.editTitle' },
  { path: '/tips/:id/history', tag: 'kotsu-history-page', load: () => import('../pages/kotsu-history-page'), title: 'history.title' },
  { path: '/drafts', tag: 'kotsu-drafts-page', load: () => import('../pages/kotsu-drafts-page'), title: 'drafts.title' },
  { path: '/requests', tag: 'kotsu-requests-page', load: () => import('../pages/kotsu-requests-page'), title: 'request.pageTitle' },
  { path: '/requests/:id', tag: 'kotsu-request-page', load: () => import('../pages/kotsu-request-page'), title: 'request.pageTitle' },
  { path: '/admin/templates', tag: 'kotsu-templates-admin-page', load: () => import('../pages/kotsu-templates-admin-page'), access: 'admin', title: 'templates.title' },
  { path: '/feeds', tag: 'kotsu-feeds-page', load: () => import('../pages/kotsu-feeds-page'), title: 'feeds.title' },
  { path: '/tags/:name', tag: 'kotsu-tag-page', load: () => import('../pages/kotsu-tag-page') },
  { path: '/users/:username', tag: 'kotsu-author-page', load: () => import('../pages/kotsu-author-page') },
  { path: '/search', tag: 'kotsu-search-page', load: () => import('../pages/kotsu-search-page'), title: 'search.label' },
  { path: '/notifications', tag: 'kotsu-notifications-page', load: () => import('../pages/kotsu-notifications-page'), title: 'notif.title' },
  { path: '/admin/moderation', tag: 'kotsu-moderation-page', load: () => import('../pages/kotsu-moderation-page'), access: 'moderator', title: 'queue.title' },
  { path: '/admin/audit', tag: 'kotsu-audit-page', load: () => import('../pages/kotsu-audit-page'), access: 'admin', title: 'audit.title' },
  { path: '/admin/users', tag: 'kotsu-users-admin-page', load: () => import('../pages/kotsu-users-admin-page'), access: 'admin', title: 'users.title' },
  { path: '/admin/awards', tag: 'kotsu-awards-admin-page', load: () => import('../pages/kotsu-awards-admin-page'), access: 'admin', title: 'awardsAdmin.title' },
  { path: '/awards', tag: 'kotsu-awards-page', load: () => import('../pages/kotsu-awards-page'), title: 'awards.title' },
  { path: '/awards/:id', tag: 'kotsu-award-round-page', load: () => import('../pages/kotsu-award-round-page'), title: 'awards.title' },
  { path: '/awards/:id/judge', tag: 'kotsu-award-judge-page', load: () => import('../pages/kotsu-award-judge-page'), title: 'judge.title' },
  { path: '/awards/:id/results', tag: 'kotsu-award-results-page', load: () => import('../pages/kotsu-award-results-page'), title: 'results.title' },
  { path: '/showcase', tag: 'kotsu-showcase-page', load: () => import('../pages/kotsu-showcase-page'), title: 'showcase.title' },
  { path: '/rankings', tag: 'kotsu-rankings-page', load: () => import('../pages/kotsu-rankings-page'), title: 'rankings.title' },
  { path: '/bookmarks', tag: 'kotsu-bookmarks-page', load: () => import('../pages/kotsu-bookmarks-page'), title: 'bookmarks.title' },
  { path: '/my-tips', tag: 'kotsu-my-tips-page', load: () => import('../pages/kotsu-my-tips-page'), title: 'myTips.title' },
  { path: '/settings/mail', tag: 'kotsu-mail-settings-page', load: () => import('../pages/kotsu-mail-settings-page'), title: 'mail.title' },
  { path: '/mail/unsubscribe', tag: 'kotsu-unsubscribe-page', load: () => import('../pages/kotsu-unsubscribe-page'), access: 'public', title: 'mail.unsubscribeTitle' },
  { path: '/impact', tag: 'kotsu-impact-page', load: () => import('../pages/kotsu-impact-page'), title: 'impact.title' },
];

export const NOT_FOUND: RouteDef = {
  path: '*', tag: 'kotsu-not-found-page', load: () => import('../pages/kotsu-not-found-page'), access: 'public', title: 'notFound.title',
};
