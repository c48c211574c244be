import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Reason, ReasonParams } from './reasons';

export type { Reason, ReasonParams } from './reasons';

export type ErrorCode =
  | 'bad_request' | 'unauthenticated' | 'forbidden' | 'not_found' | 'conflict'
  | 'too_large' | 'unsupported_media_type' | 'rate_limited' | 'internal' | 'unavailable';

/**
 * An error whose status, code, reason and message are safe to show to the client. The message
 * is one language (English, for API users and logs); people read the web app's own message
 * for `reason`, filled with `params`.
 */
export class HttpError extends Error {
  constructor(readonly statusCode: number, readonly code: ErrorCode, readonly reason: Reason, message: string,
    readonly params?: ReasonParams) {
    super(message);
  }
}

export const badRequest = (reason: Reason, message: string, params?: ReasonParams) =>
  new HttpError(400, 'bad_request', reason, message, params);
export const unauthenticated = (reason: Reason, message = 'login required', params?: ReasonParams) =>
  new HttpError(401, 'unauthenticated', reason, message, params);
export const forbidden = (reason: Reason, message = 'not allowed', params?: ReasonParams) =>
  new HttpError(403, 'forbidden', reason, message, params);
export const notFound = (reason: Reason, message = 'not found', params?: ReasonParams) =>
  new HttpError(404, 'not_found', reason, message, params);
export const conflict = (reason: Reason, message: string, params?: ReasonParams) =>
  new HttpError(409, 'conflict', reason, message, params);
export const tooLarge = (reason: Reason, message = 'too large', params?: ReasonParams) =>
  new HttpError(413, 'too_large', reason, message, params);
export const unsupportedMediaType = (reason: Reason, message: string, params?: ReasonParams) =>
  new HttpError(415, 'unsupported_media_type', reason, message, params);
export const tooManyRequests = (reason: Reason, message: string, params?: ReasonParams) =>
  new HttpError(429, 'rate_limited', reason, message, params);
export const unavailable = (reason: Reason, message = 'busy, try again shortly', params?: ReasonParams) =>
  new HttpError(503, 'unavailable', reason, message, params);

const STATUS_CODES: Record<number, ErrorCode> = {
  400: 'bad_request', 401: 'unauthenticated', 403: 'forbidden', 404: 'not_found', 409: 'conflict',
  413: 'too_large', 415: 'unsupported_media_type', 429: 'rate_limited',
};
/** The reason for errors Fastify itself raises before a handler runs. */
const STATUS_REASONS: Record<number, Reason> = {
  400: 'invalid_input', 401: 'login_required', 403: 'not_allowed', 404: 'not_found', 409: 'invalid_input',
  413: 'too_large', 415: 'json_required', 429: 'rate_limited',
};

function validationError(err: FastifyError): { message: string; field: string; reason: Reason; params: ReasonParams } {
  const { message, field } = validationText(err);
  const first = err.validation?.[0];
  const limit = (first?.params as { limit?: number } | undefined)?.limit;
  // Tags' count is checked by the schema (maxItems) before the tag rules run: same reason either way.
  if (field === 'tags' && first?.keyword === 'maxItems' && limit !== undefined) {
    return { message, field, reason: 'tag_limit', params: { max: limit } };
  }
  return { message, field, reason: 'invalid_input', params: limit === undefined ? { field } : { field, limit } };
}

function validationText(err: FastifyError): { message: string; field: string } {
  const first = err.validation?.[0];
  if (!first) return { message: err.message, field: '' };
  const where = err.validationContext ?? 'body';
  const field = (first.instancePath || '').replace(/^\//, '').replace(/\//g, '.');
  const params = first.params as Record<string, unknown>;
  if (first.keyword === 'additionalProperties') {
    const name = String(params.additionalProperty);
    return { message: `${where}: unknown property "${name}"`, field: name };
  }
  if (first.keyword === 'required') {
    const name = String(params.missingProperty);
    return { message: `${where}: "${name}" is required`, field: name };
  }
  return { message: `${where}${field ? `.${field}` : ''} ${first.message ?? 'is invalid'}`, field: field || where };
}

/**
 * Fastify's `frameworkErrors`: what the router refuses before any route or hook runs (a path that
 * is not valid percent-encoded UTF-8, a path parameter past its length) gets the API's error shape
 * too, instead of Fastify's own `{error: "Bad Request", statusCode}`. No route matched, so no data
 * is read: the answer is the same for every caller.
 */
export function frameworkErrors(err: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const tooLong = err.code === 'FST_ERR_MAX_PARAM_LENGTH';
  // A page of the web app (a link cut short in a mail) gets the app, with this 400.
  if (!tooLong && request.server.answerBadAddressWithApp?.(request, reply)) return;
  // No hook runs for these (the security headers' included): the two that matter for a JSON answer.
  void reply.status(400).header('x-content-type-options', 'nosniff').header('cache-control', 'private, no-store').send({
    error: 'bad_request', reason: 'invalid_input',
    message: tooLong ? 'a path segment is too long' : 'the address is not valid UTF-8 percent-encoding',
  });
}

/**
 * Fastify's `clientErrorHandler`: a request Node's HTTP parser refuses before Fastify sees it (an
 * address typed with raw non-ASCII letters instead of percent-encoding, a malformed request line or
 * header, headers past the size limit) gets the API's error shape too, instead of Fastify's own
 * `{"error":"Bad Request","message":"Client Error"}`. Written on the socket, which is then closed.
 */
export function clientErrors(err: Error & { code?: string }, socket: import('node:net').Socket): void {
  if (!socket.writable) { socket.destroy(); return; }
  const [status, text, code, reason, message]: [number, string, ErrorCode, Reason, string] =
    err.code === 'HPE_HEADER_OVERFLOW' ? [431, 'Request Header Fields Too Large', 'too_large', 'too_large', 'the request headers are too large']
      : err.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? [408, 'Request Timeout', 'bad_request', 'invalid_input', 'the request was not received in time']
        : [400, 'Bad Request', 'bad_request', 'invalid_input', 'the request is not valid HTTP (an address must be percent-encoded)'];
  const body = JSON.stringify({ error: code, reason, message });
  socket.end(`HTTP/1.1 ${status} ${text}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n`
    + `X-Content-Type-Options: nosniff\r\nCache-Control: private, no-store\r\nConnection: close\r\n\r\n${body}`);
}

/** The one place that turns any thrown error into `{error, reason, message}`; 5xx never leak internals. */
export function installErrorHandlers(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, request, reply) => {
    if (err instanceof HttpError) {
      // A 503 (threads busy, a search stopped): when to try again, unless the route said.
      if (err.statusCode === 503 && reply.getHeader('retry-after') === undefined) reply.header('retry-after', '5');
      return reply.status(err.statusCode).send({
        error: err.code, reason: err.reason, message: err.message, ...(err.params ? { params: err.params } : {}),
      });
    }
    if (err.validation) {
      const { message, reason, params } = validationError(err);
      return reply.status(400).send({ error: 'bad_request', reason, message, params });
    }
    const status = err.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      const code = STATUS_CODES[status] ?? 'bad_request';
      const message = err.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE'
        ? 'Content-Type must be application/json'
        : err.message;
      if (status === 429 && reply.getHeader('retry-after') === undefined) reply.header('retry-after', '60');
      return reply.status(STATUS_CODES[status] ? status : 400)
        .send({ error: code, reason: STATUS_REASONS[status] ?? 'invalid_input', message });
    }
    request.log.error({ err }, 'request failed');
    return reply.status(500).send({ error: 'internal', reason: 'internal', message: 'internal error' });
  });
}
