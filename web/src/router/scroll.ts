import { apiBusy, apiIdle } from '../data/http';

/**
 * Where the reader was on each page of the tab's history: Back and Forward return there, as they
 * do on any web site, though the page draws its data a moment after the address changes.
 *
 * The position is kept in the entry's own `history.state` (`scrollY`), so it also survives a
 * reload; it is written just before the app or the browser leaves the entry.
 */

/**
 * A position is being returned to: the page is still short, and where the browser has it
 * meanwhile (a reload starts at the top) is not where the reader was.
 */
let restoring = false;
let restoreToken = 0;

function save(): void {
  if (restoring) return;
  history.replaceState({ ...(history.state ?? {}), scrollY: Math.round(window.scrollY) }, '');
}

/**
 * The app calls it once, before its first page: the browser leaves positions to the app, and the
 * entry remembers where the reader was when the page goes away (reload, another site).
 */
export function trackScroll(): void {
  history.scrollRestoration = 'manual';
  // The first page returns to the entry's position (a reload) once it has its data.
  restoring = scrollOf(history.state) > 0;
  window.addEventListener('pagehide', save);
}

/** Before the app pushes a new entry: the entry being left remembers where the reader was. */
export function rememberScroll(): void {
  save();
}

/** The position an entry remembers, 0 when none. */
export function scrollOf(state: unknown): number {
  const y = (state as { scrollY?: unknown } | null)?.scrollY;
  return typeof y === 'number' && y > 0 ? y : 0;
}

const frame = () => new Promise<void>((resolve) => { requestAnimationFrame(() => resolve()); });

/**
 * Scrolls to `y` once the page has drawn its data — when no API call is under way any more and
 * none has started in the next two frames (parts of a page may ask after it has its own data) —
 * or after ten seconds, as far as the page goes. Gives up as soon as the reader scrolls, types,
 * clicks or touches, or when `current()` says another page has been shown since.
 */
export async function restoreScroll(y: number, current: () => boolean): Promise<void> {
  const deadline = performance.now() + 10_000;
  let stopped = false;
  const stop = () => { stopped = true; };
  const events = ['wheel', 'touchstart', 'keydown', 'mousedown'] as const;
  for (const e of events) window.addEventListener(e, stop, { once: true, passive: true });
  restoring = true;
  const token = ++restoreToken;
  try {
    for (;;) {
      await Promise.race([apiIdle(), new Promise((resolve) => { window.setTimeout(resolve, Math.max(0, deadline - performance.now())); })]);
      await frame();
      await frame();
      if (stopped || !current()) return;
      if (!apiBusy() || performance.now() >= deadline) break;
    }
    window.scrollTo(0, Math.min(y, document.documentElement.scrollHeight - window.innerHeight));
  } finally {
    for (const e of events) window.removeEventListener(e, stop);
    if (token === restoreToken) restoring = false;
  }
}
