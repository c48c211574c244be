import { ApiError } from '../data/http';
import { hasMessage, msg } from './catalogue';

/**
 * What to tell the user when a call failed, in the user's language: the network, the catalogue's
 * message for the API's `reason`, or (no known reason) the kind of answer by its status.
 */
export function errorMessage(err: unknown): string {
  if (err instanceof ApiError) {
    if (err.status === 0) return msg('error.network');
    const key = `reason.${err.reason ?? err.code}`;
    if (hasMessage(key)) return msg(key, withField(withWait(err.params)));
    // No reason known: an answer from a proxy in front of Kotsu (nginx's HTML 413 for a large
    // upload, a 502 page) or from a newer server. Said by its kind, never as "HTTP 413".
    if (err.status === 401) return msg('error.loginRequired');
    if (err.status === 403) return msg('error.forbidden');
    if (err.status === 404) return msg('reason.not_found');
    if (err.status === 413) return msg('reason.too_large');
    if (err.status === 429) return msg('error.busy');
    if (err.status >= 500) return msg('reason.internal');
    return msg('error.refused');
  }
  // A fault of the page itself: its English text is for the console, not for the reader.
  console.error(err);
  return msg('error.generic');
}

/**
 * The field an error names (`params.field`, the API's path: `username`, `criteria.0.label`) as the
 * form calls it: by the path without list positions, then by its last part; a field not known is
 * 「この項目」, never the API's English word.
 */
export function fieldName(field: string): string {
  const parts = field.split('.').filter((p) => p !== '' && !/^\d+$/.test(p));
  for (const key of [`field.${parts.join('.')}`, `field.${parts[parts.length - 1] ?? ''}`]) {
    if (parts.length > 0 && hasMessage(key)) return msg(key);
  }
  return msg('field.unknown');
}

function withField(params: Record<string, string | number>): Record<string, string | number> {
  return typeof params.field === 'string' ? { ...params, field: fieldName(params.field) } : params;
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
