/**
 * `<link rel="alternate" type="application/atom+xml">` in the document head for the page being
 * shown, so browsers and feed readers find its feed. The shell clears them on every navigation;
 * a page sets its own once it knows them.
 */
const MARK = 'data-kotsu-feed';

export function setFeedLinks(feeds: readonly { title: string; href: string }[]): void {
  for (const old of document.head.querySelectorAll(`link[${MARK}]`)) old.remove();
  for (const f of feeds) {
    const link = document.createElement('link');
    link.rel = 'alternate';
    link.type = 'application/atom+xml';
    link.title = f.title;
    link.href = f.href;
    link.setAttribute(MARK, '');
    document.head.append(link);
  }
}
