import { ApiError } from '../data/http';
import { msg } from './catalogue';

/** What to tell the user when a call failed: the network, or the server's own message. */
export function errorMessage(err: unknown): string {
  if (err instanceof ApiError && err.status === 0) return msg('error.network');
  return msg('error.generic', { message: err instanceof Error ? err.message : String(err) });
}
