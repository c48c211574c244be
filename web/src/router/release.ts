/**
 * A page's code that cannot be loaded while the server answers: the tab was opened before a
 * release, and the release replaced the page's script (its hashed name is gone: 404). Loading the
 * address again fetches the new release's app. Once per address, so a page whose script is
 * missing for another reason ends in the app's message instead of loading again and again.
 */
import { checkHealth } from '../data/session';

const KEY = 'kotsu.reloadedFor';

export async function reloadForNewRelease(url: URL): Promise<boolean> {
  if (!navigator.onLine) return false;
  try {
    if (sessionStorage.getItem(KEY) === url.href) return false;
    // The server answers (this tab's network is not what failed)? Otherwise api() throws.
    await checkHealth();
    sessionStorage.setItem(KEY, url.href);
  } catch {
    return false;
  }
  location.assign(url.href);
  return true;
}

/** A page loaded: a later release may reload it again. */
export function pageLoaded(): void {
  try { sessionStorage.removeItem(KEY); } catch { /* private mode */ }
}
