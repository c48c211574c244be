/**
 * A small history router: addresses are part of the public contract (links get pasted into
 * mail), so every page has a real URL and deep links load the app.
 */
import type { Role } from '../data/types';
import { LOCALE_EVENT, msg, type MessageKey } from '../i18n/catalogue';
import { rememberScroll, scrollOf } from './scroll';

export interface RouteDef {
  /** e.g. `/tips/:id`; segments starting with `:` are parameters. */
  path: string;
  /** The page element's tag, defined by the module `load` imports. */
  tag: string;
  load: () => Promise<unknown>;
  /** Who may open it; pages default to any signed-in member. */
  access?: 'public' | Role;
  /** Document title until the page sets a better one. */
  title?: MessageKey;
}

export interface RouteMatch {
  route: RouteDef;
  params: Record<string, string>;
  query: URLSearchParams;
}

export const NAVIGATE_EVENT = 'kotsu-navigate';

export function matchRoute(routes: readonly RouteDef[], url: URL): RouteMatch | null {
  const parts = url.pathname.replace(/\/+$/, '').split('/').slice(1);
  for (const route of routes) {
    const pattern = route.path === '/' ? [] : route.path.split('/').slice(1);
    if (pattern.length !== parts.length) continue;
    const params: Record<string, string> = {};
    let ok = true;
    for (let i = 0; i < pattern.length && ok; i++) {
      if (pattern[i].startsWith(':')) {
        try {
          params[pattern[i].slice(1)] = decodeURIComponent(parts[i]);
        } catch {
          ok = false;
        }
        ok = ok && parts[i] !== '';
      } else {
        ok = pattern[i] === parts[i];
      }
    }
    if (ok) return { route, params, query: url.searchParams };
  }
  return null;
}

type LeaveGuard = () => boolean;
let leaveGuard: LeaveGuard | null = null;

/** A page with unsaved work installs a guard that returns true when leaving is fine. */
export function setLeaveGuard(guard: LeaveGuard | null): void {
  leaveGuard = guard;
}

export function canLeave(message: string): boolean {
  return !leaveGuard || leaveGuard() || window.confirm(message);
}

/**
 * Where each history entry of this tab stands, kept in its `history.state` (`kotsuIndex`), so a
 * Back or Forward the leave guard refuses can be undone by going the same distance the other way.
 * Code that replaces the current entry passes `history.state` on to keep it.
 */
function entryIndex(state: unknown): number | undefined {
  const index = (state as { kotsuIndex?: unknown } | null)?.kotsuIndex;
  return typeof index === 'number' ? index : undefined;
}

let currentIndex = entryIndex(history.state) ?? 0;
if (entryIndex(history.state) === undefined) history.replaceState({ ...(history.state ?? {}), kotsuIndex: currentIndex }, '');
/** The address the app shows: where a refused move returns when its entry carries no index. */
let shownUrl = location.href;
/** The popstate that undoes a refused move is not a move of the user's. */
let undoing = false;
/** Where the reader was on entries left with Back or Forward (in this document), by position. */
const leftAt = new Map<number, number>();

/** Where to return on the entry the browser moved to: where it was last left in this document, else its own record (a reload). */
export function positionOf(state: unknown): number {
  const index = entryIndex(state);
  return (index === undefined ? undefined : leftAt.get(index)) ?? scrollOf(state);
}

/**
 * For the shell's popstate listener: whether to show the address the browser moved to. The
 * browser has already moved when this runs; with unsaved work (the leave guard) the user is
 * asked, as for a link, and a refusal puts the page's own address back without redrawing it.
 */
export function acceptHistoryMove(state: unknown, message: string): boolean {
  if (undoing) {
    undoing = false;
    return false;
  }
  const target = entryIndex(state);
  if (canLeave(message)) {
    // The entry left by Back or Forward can no longer be written to: its position is kept here.
    leftAt.set(currentIndex, Math.round(window.scrollY));
    currentIndex = target ?? currentIndex;
    shownUrl = location.href;
    return true;
  }
  if (target !== undefined && target !== currentIndex) {
    undoing = true;
    history.go(currentIndex - target);
  } else {
    history.pushState({ kotsuIndex: ++currentIndex }, '', shownUrl);
  }
  return false;
}

export function navigate(to: string, opts: { replace?: boolean } = {}): void {
  const url = new URL(to, location.href);
  if (url.origin !== location.origin) {
    location.href = url.href;
    return;
  }
  if (opts.replace) {
    history.replaceState({ kotsuIndex: currentIndex }, '', url);
  } else {
    rememberScroll();
    leftAt.set(currentIndex, Math.round(window.scrollY));
    // The entries after this one are gone from the browser's history: their positions too.
    for (const i of leftAt.keys()) if (i > currentIndex) leftAt.delete(i);
    history.pushState({ kotsuIndex: ++currentIndex }, '', url);
  }
  shownUrl = location.href;
  window.dispatchEvent(new CustomEvent(NAVIGATE_EVENT));
}

/** The in-app address of a path, for links (`href=${link('/tags/', name)}`). */
export function link(prefix: string, segment: string | number): string {
  return `${prefix}${encodeURIComponent(String(segment))}`;
}

/**
 * Turns clicks on same-origin links (also inside shadow roots) into in-app navigation;
 * modified clicks, downloads, new-tab targets and /api links keep browser behaviour.
 */
export function interceptLinks(root: HTMLElement | Document, confirmMessage: () => string): void {
  root.addEventListener('click', (e: Event) => {
    const ev = e as MouseEvent;
    if (ev.defaultPrevented || ev.button !== 0 || ev.metaKey || ev.ctrlKey || ev.shiftKey || ev.altKey) return;
    const anchor = ev.composedPath().find((n): n is HTMLAnchorElement => n instanceof HTMLAnchorElement);
    if (!anchor || !anchor.href || anchor.hasAttribute('download') || (anchor.target && anchor.target !== '_self')) return;
    const url = new URL(anchor.href);
    if (url.origin !== location.origin || url.pathname.startsWith('/api/')) return;
    ev.preventDefault();
    if (url.pathname === location.pathname && url.search === location.search && url.hash) {
      location.hash = url.hash;
      return;
    }
    if (!canLeave(confirmMessage())) return;
    navigate(url.pathname + url.search + url.hash);
  });
}

let pageTitle: () => string = () => '';

function applyTitle(): void {
  const title = pageTitle();
  document.title = title ? `${title} | Kotsu` : msg('app.name');
}

/**
 * Sets the browser tab's title for the page being shown. Pass a function when the title comes
 * from the catalogue, so a language switch re-titles the page at once.
 */
export function setPageTitle(title: string | (() => string)): void {
  pageTitle = typeof title === 'string' ? () => title : title;
  applyTitle();
}

window.addEventListener(LOCALE_EVENT, applyTitle);

/** What every page element receives from the shell. */
export interface PageElement extends HTMLElement {
  params: Record<string, string>;
  query: URLSearchParams;
}
