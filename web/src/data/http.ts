/** The one place the web app talks HTTP to the Kotsu API: every call goes through api(). */

export type { Page } from '../../../server/api-types';

export class ApiError extends Error {
  /**
   * `reason` is the API's exact rule (server/http/reasons.ts); the web shows its own message for it.
   * @param data the error answer's JSON as the server sent it (a 409 conflict carries the
   *   current tip, a refused staff list its report), or null.
   */
  constructor(readonly status: number, readonly code: string, message: string,
    readonly reason: string | null = null, readonly params: Record<string, string | number> = {}, readonly data: unknown = null) {
    super(message);
    this.name = 'ApiError';
  }
}

/**
 * Fired on `window` whenever the server answers 401: the session has ended (expired, idle too
 * long, signed out in another tab). The shell tells the user and offers to sign in again.
 */
export const SESSION_ENDED_EVENT = 'kotsu-session-ended';

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Sent as JSON. */
  body?: unknown;
  /** Sent as it is (uploads), with its own content type. */
  raw?: { data: Blob; type: string };
  query?: Record<string, string | number | boolean | readonly string[] | undefined | null>;
  signal?: AbortSignal;
  /** The request outlives the page (a view recorded as the reader leaves). */
  keepalive?: boolean;
  /** 'blob': the answer is a file (a CSV to save), resolved as a Blob. */
  as?: 'json' | 'blob';
}

export function buildQuery(query: RequestOptions['query']): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === null || v === '') continue;
    if (Array.isArray(v)) for (const item of v) params.append(k, String(item));
    else params.set(k, String(v));
  }
  const s = params.toString();
  return s ? `?${s}` : '';
}

let underWay = 0;
let idleWaiters: (() => void)[] = [];

/** Whether an API call is under way now. */
export const apiBusy = (): boolean => underWay > 0;

/** Resolves once no API call is under way (at once when none is): a page shown has its data. */
export function apiIdle(): Promise<void> {
  return underWay === 0 ? Promise.resolve() : new Promise((resolve) => { idleWaiters.push(resolve); });
}

/** Calls the API; resolves with the parsed JSON (undefined for 204), rejects with ApiError. */
export async function api<T>(path: string, opts: RequestOptions = {}): Promise<T> {
  // A view sent as the reader leaves is not something a page waits for.
  if (opts.keepalive) return call<T>(path, opts);
  underWay++;
  try {
    return await call<T>(path, opts);
  } finally {
    if (--underWay === 0) {
      const waiters = idleWaiters;
      idleWaiters = [];
      for (const w of waiters) w();
    }
  }
}

async function call<T>(path: string, opts: RequestOptions): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  let body: BodyInit | undefined;
  if (opts.raw) {
    headers['content-type'] = opts.raw.type;
    body = opts.raw.data;
  } else if (opts.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(opts.body);
  }
  let res: Response;
  try {
    res = await fetch(`${path}${buildQuery(opts.query)}`, {
      method: opts.method ?? 'GET', credentials: 'same-origin', headers, body, signal: opts.signal, keepalive: opts.keepalive,
    });
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new ApiError(0, 'network', 'network error');
  }
  if (res.status === 204) return undefined as T;
  if (res.ok && opts.as === 'blob') return (await res.blob()) as T;
  let data: unknown = null;
  try {
    data = await res.json();
  } catch {
    data = null;
  }
  if (!res.ok) {
    if (res.status === 401) window.dispatchEvent(new CustomEvent(SESSION_ENDED_EVENT));
    const e = (data ?? {}) as { error?: string; reason?: string; message?: string; params?: Record<string, string | number> };
    throw new ApiError(res.status, e.error ?? 'http_error', e.message ?? `HTTP ${res.status}`, e.reason ?? null, e.params ?? {}, data);
  }
  return data as T;
}

declare global {
  interface WindowEventMap {
    [SESSION_ENDED_EVENT]: CustomEvent;
  }
}
