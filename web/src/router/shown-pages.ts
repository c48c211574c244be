/**
 * Lists that grow with もっと見る remember, in their history entry, how many pages they show, so
 * Back, Forward or a reload draws as many again, and the reader's position (router/scroll.ts,
 * which waits for the page's data) is found again rather than past the end of the first page.
 * `list` names the list with whatever it is filtered or ordered by that can change without a
 * new entry (history.replaceState keeps the state): `requests:open:votes`, so another filter
 * starts again at one page, while a change of the address that leaves the list as it is (a
 * compared revision on the history page) keeps its count.
 */

interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

type Shown = Record<string, number>;

function shown(): Shown {
  const s = (history.state as { shownPages?: unknown } | null)?.shownPages;
  return s && typeof s === 'object' ? s as Shown : {};
}

/** How many pages of `list` this entry showed (1 when none were added). */
export function pagesShown(list: string): number {
  const pages = shown()[list];
  return Number.isInteger(pages) && pages > 1 ? Math.min(pages, 50) : 1;
}

/** After もっと見る has added a page to `list`. */
export function pageAdded(list: string): void {
  const pages = pagesShown(list) + 1;
  history.replaceState({ ...(history.state ?? {}), shownPages: { ...shown(), [list]: pages } }, '');
}

/**
 * The first page of `list` followed by as many more as this entry showed before, joined into one
 * (the last page's other fields, its cursor included).
 */
export async function withPagesShown<T, P extends Page<T>>(list: string, first: P, next: (cursor: string) => Promise<P>): Promise<P> {
  let page = first;
  const items = [...first.items];
  for (let n = pagesShown(list); n > 1 && page.nextCursor; n--) {
    page = await next(page.nextCursor);
    items.push(...page.items);
  }
  return { ...page, items };
}
