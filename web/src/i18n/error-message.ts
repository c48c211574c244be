import { ApiError } from '../data/http';
import { hasMessage, msg } from './catalogue';

/**
 * What to tell the user when a call failed, in the user's language: the network, the catalogue's
 * message for the API's `reason`, or (an unknown reason) the broad class of the error.
 */
export function errorMessage(err: unknown): string {
  if (err instanceof ApiError) {
    if (err.status === 0) return msg('error.network');
    const key = `reason.${err.reason ?? err.code}`;
    if (hasMessage(key)) return msg(key, err.params);
    if (err.status === 401) return msg('error.loginRequired');
    if (err.status === 403) return msg('error.forbidden');
    if (err.status >= 500) return msg('reason.internal');
  }
  return msg('error.generic', { message: err instanceof Error ? err.message : String(err) });
}
