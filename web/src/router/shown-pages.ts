/**
 * Lists that grow with もっと見る remember, in their history entry, how many pages they show, so
 * Back, Forward or a reload draws as many again, and the reader's position (router/scroll.ts,
 * which waits for the page's data) is found again rather than past the end of the first page.
 * The count is kept with the address it was shown at: a list whose filter or order changed in
 * place (history.replaceState with the same state) starts again at one page.
 */

interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

type Shown = Record<string, { at: string; pages: number }>;

const here = () => location.pathname + location.search;

function shown(): Shown {
  const s = (history.state as { shownPages?: unknown } | null)?.shownPages;
  return s && typeof s === 'object' ? s as Shown : {};
}

/** How many pages of `list` this entry showed (1 when none were added). */
export function pagesShown(list: string): number {
  const s = shown()[list];
  return s && s.at === here() && Number.isInteger(s.pages) && s.pages > 1 ? Math.min(s.pages, 50) : 1;
}

/** After もっと見る has added a page to `list`. */
export function pageAdded(list: string): void {
  const pages = pagesShown(list) + 1;
  history.replaceState({ ...(history.state ?? {}), shownPages: { ...shown(), [list]: { at: here(), pages } } }, '');
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
