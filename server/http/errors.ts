import type { FastifyError, FastifyInstance } from 'fastify';

export type ErrorCode =
  | 'bad_request' | 'unauthenticated' | 'forbidden' | 'not_found' | 'conflict'
  | 'too_large' | 'unsupported_media_type' | 'rate_limited' | 'internal' | 'unavailable';

/** An error whose status, code and message are safe to show to the client. */
export class HttpError extends Error {
  constructor(readonly statusCode: number, readonly code: ErrorCode, message: string) {
    super(message);
  }
}

export const badRequest = (message: string) => new HttpError(400, 'bad_request', message);
export const unauthenticated = (message = 'ログインが必要です / login required') =>
  new HttpError(401, 'unauthenticated', message);
export const forbidden = (message = 'この操作は許可されていません / not allowed') =>
  new HttpError(403, 'forbidden', message);
export const notFound = (message = '見つかりません / not found') => new HttpError(404, 'not_found', message);
export const conflict = (message: string) => new HttpError(409, 'conflict', message);
export const tooLarge = (message = '大きすぎます / too large') => new HttpError(413, 'too_large', message);
export const unavailable = (message = '混み合っています。しばらくしてからお試しください / busy, try again shortly') =>
  new HttpError(503, 'unavailable', message);

const STATUS_CODES: Record<number, ErrorCode> = {
  400: 'bad_request', 401: 'unauthenticated', 403: 'forbidden', 404: 'not_found', 409: 'conflict',
  413: 'too_large', 415: 'unsupported_media_type', 429: 'rate_limited',
};

function validationMessage(err: FastifyError): string {
  const first = err.validation?.[0];
  if (!first) return err.message;
  const where = err.validationContext ?? 'body';
  const field = (first.instancePath || '').replace(/^\//, '').replace(/\//g, '.');
  const params = first.params as Record<string, unknown>;
  if (first.keyword === 'additionalProperties') {
    return `${where}: unknown property "${String(params.additionalProperty)}"`;
  }
  if (first.keyword === 'required') return `${where}: "${String(params.missingProperty)}" is required`;
  return `${where}${field ? `.${field}` : ''} ${first.message ?? 'is invalid'}`;
}

/** The one place that turns any thrown error into `{error, message}`; 5xx never leak internals. */
export function installErrorHandlers(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, request, reply) => {
    if (err instanceof HttpError) {
      // A 503 (threads busy, a search stopped): when to try again, unless the route said.
      if (err.statusCode === 503 && reply.getHeader('retry-after') === undefined) reply.header('retry-after', '5');
      return reply.status(err.statusCode).send({ error: err.code, message: err.message });
    }
    if (err.validation) {
      return reply.status(400).send({ error: 'bad_request', message: validationMessage(err) });
    }
    const status = err.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      const code = STATUS_CODES[status] ?? 'bad_request';
      const message = err.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE'
        ? 'Content-Type must be application/json'
        : err.message;
      if (status === 429 && reply.getHeader('retry-after') === undefined) reply.header('retry-after', '60');
      return reply.status(STATUS_CODES[status] ? status : 400).send({ error: code, message });
    }
    request.log.error({ err }, 'request failed');
    return reply.status(500).send({ error: 'internal', message: 'サーバーでエラーが発生しました / internal error' });
  });
}
