/**
 * Entries of the user menu. Each domain adds its pages here with the role that may see them;
 * the menu shows only what the signed-in user may open.
 */
import type { Role } from '../data/types';
import type { MessageKey } from '../i18n/catalogue';

export interface MenuEntry {
  href: string;
  label: MessageKey;
  role: Role;
}

export const MENU: MenuEntry[] = [
  { href: '/new', label: 'nav.new', role: 'member' },
  { href: '/drafts', label: 'nav.drafts', role: 'member' },
  { href: '/requests', label: 'nav.requests', role: 'member' },
  { href: '/rankings', label: 'nav.rankings', role: 'member' },
  { href: '/bookmarks', label: 'nav.bookmarks', role: 'member' },
  { href: '/my-tips', label: 'nav.myTips', role: 'member' },
  { href: '/admin/moderation', label: 'nav.moderation', role: 'moderator' },
  { href: '/admin/users', label: 'nav.users', role: 'admin' },
  { href: '/admin/audit', label: 'nav.audit', role: 'admin' },
  { href: '/admin/templates', label: 'nav.templates', role: 'admin' },
  { href: '/awards', label: 'nav.awards', role: 'member' },
  { href: '/showcase', label: 'nav.showcase', role: 'member' },
  { href: '/impact', label: 'nav.impact', role: 'member' },
  { href: '/admin/awards', label: 'nav.awardsAdmin', role: 'admin' },
];

export interface PrimaryEntry {
  href: string;
  label: MessageKey;
  /** Addresses under this prefix mark the entry as the current page. */
  match: RegExp;
}

/**
 * The main destinations, always visible in the header's navigation at every width (the user
 * menu holds the rest). Labels are short so the row fits a 360 px wide phone.
 */
export const PRIMARY_NAV: PrimaryEntry[] = [
  { href: '/', label: 'nav.home', match: /^\/$/ },
  { href: '/requests', label: 'nav.primary.requests', match: /^\/requests(\/|$)/ },
  { href: '/rankings', label: 'nav.primary.rankings', match: /^\/rankings(\/|$)/ },
  { href: '/awards', label: 'nav.primary.awards', match: /^\/(awards|showcase)(\/|$)/ },
  { href: '/impact', label: 'nav.primary.impact', match: /^\/impact(\/|$)/ },
];
