import type { IncomingHttpHeaders } from 'node:http';
import { isbot } from 'isbot';

/**
 * A browser names its engine or itself (AppleWebKit/, Gecko/, Trident/, Chrome/, Firefox/, Safari/,
 * Edg/). Scripts often say nothing (no User-Agent at all) or only "Mozilla/5.0 (…)" and their own
 * name: PowerShell's Invoke-WebRequest sends "Mozilla/5.0 (Windows NT; …) WindowsPowerShell/5.1",
 * which isbot takes for a person.
 */
const BROWSER = /\b(?:AppleWebKit|Gecko|Trident|Chrome|Firefox|Safari|Edg)\/\d/;
const SCRIPT = /PowerShell/i;

/** Whether a request with this User-Agent comes from a person's browser (isbot's pattern besides). */
export function isBrowserAgent(ua: string): boolean {
  return BROWSER.test(ua) && !SCRIPT.test(ua) && !isbot(ua);
}

/**
 * Crawlers, link-preview fetchers, scripts and speculative prefetches are not readers. The
 * User-Agent check costs tens of microseconds and staff use a handful of browsers, so answers are
 * remembered.
 */
export function readerCheck() {
  const known = new Map<string, boolean>();
  return (h: IncomingHttpHeaders): boolean => {
    if (h['sec-purpose'] !== undefined || h.purpose !== undefined || h['x-purpose'] !== undefined || h['x-moz'] !== undefined) {
      const purpose = `${h['sec-purpose'] ?? ''} ${h.purpose ?? ''} ${h['x-purpose'] ?? ''} ${h['x-moz'] ?? ''}`;
      if (/prefetch|prerender|preview/i.test(purpose)) return false;
    }
    const ua = h['user-agent'] ?? '';
    let reader = known.get(ua);
    if (reader === undefined) {
      reader = isBrowserAgent(ua);
      if (known.size >= 1000) known.clear();
      known.set(ua, reader);
    }
    return reader;
  };
}
