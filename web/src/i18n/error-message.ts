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
    if (hasMessage(key)) return msg(key, withWait(err.params));
    if (err.status === 401) return msg('error.loginRequired');
    if (err.status === 403) return msg('error.forbidden');
    if (err.status >= 500) return msg('reason.internal');
  }
  return msg('error.generic', { message: err instanceof Error ? err.message : String(err) });
}

/**
 * A wait the server gives in seconds (`params.seconds`: a lock-out, a rate limit), as people say
 * it (`{wait}`): seconds under two minutes, whole minutes, rounded up, beyond — 781 s is 14 分.
 */
function withWait(params: Record<string, string | number>): Record<string, string | number> {
  const s = params.seconds;
  if (typeof s !== 'number') return params;
  const wait = s < 120 ? msg('wait.seconds', { n: Math.max(1, Math.ceil(s)) }) : msg('wait.minutes', { n: Math.ceil(s / 60) });
  return { ...params, wait };
}
