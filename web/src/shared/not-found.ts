import { html, type TemplateResult } from 'lit';
import '../components/kotsu-not-found';
import { ApiError } from '../data/http';

/**
 * What every page shows for an address that leads nowhere (an unknown address, a tip, round,
 * request or person that does not exist or may not be seen, a page of one the reader may not
 * use, such as the editor of someone else's tip): the same heading, the same sentence, the same
 * tab title and a way on — home, or the list the thing belonged to. tests/e2e/not-found.test.ts
 * visits every address of router/routes.ts that names a thing, with a thing that is not there.
 */
export function notFoundView(back?: { href: string; label: string }): TemplateResult {
  return html`<kotsu-not-found .back=${back ?? null}></kotsu-not-found>`;
}

/**
 * Whether loading a page's thing failed because it is not there: the API answers 404 alike for
 * what does not exist and what the reader may not see.
 */
export const isNotFound = (err: unknown): boolean => err instanceof ApiError && err.status === 404;

/** The id a page's address names (`/tips/:id/edit`): a positive integer, or null when it names none. */
export function addressId(param: string | undefined): number | null {
  const id = Number(param);
  return Number.isSafeInteger(id) && id > 0 ? id : null;
}
