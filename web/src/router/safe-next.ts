/**
 * Where to go after login (`?next=`): only ever a path on this site. The text is resolved the
 * way the browser would resolve it (tabs and newlines dropped, backslashes as slashes, dot
 * segments, schemes), against this site's origin; anything that leaves the origin, or whose
 * path would read as another host (`//evil`), is replaced by the home page. The answer is the
 * resolved URL's own serialization, so no control character or odd spelling survives.
 */
export function safeNext(next: string | null | undefined, origin: string = location.origin): string {
  if (!next || !/^\/(?![/\\])/.test(next)) return '/';
  let url: URL;
  try {
    url = new URL(next, origin);
  } catch {
    return '/';
  }
  if (url.origin !== new URL(origin).origin || /^\/[/\\]/.test(url.pathname)) return '/';
  // A backslash may stay raw in a query or fragment; encoded, it reads the same and never as a slash.
  return `${url.pathname}${url.search}${url.hash}`.replace(/\\/g, '%5C');
}
