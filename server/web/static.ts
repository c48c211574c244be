import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/**
 * Serves the built web app. Hashed assets are cached for a year; index.html never, so a new
 * release is picked up at once. Any other GET path that is not /api loads the app (deep links).
 */
export async function registerWebApp(app: FastifyInstance, root: string | null): Promise<void> {
  const index = root ? path.join(root, 'index.html') : null;
  const hasApp = index !== null && fs.existsSync(index);
  if (hasApp) {
    await app.register(fastifyStatic, {
      root: root!,
      wildcard: false,
      index: false,
      cacheControl: false,
      setHeaders(res, file) {
        const immutable = file.includes(`${path.sep}assets${path.sep}`);
        res.setHeader('cache-control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
  }
  app.setNotFoundHandler(async (request, reply) => {
    const url = request.url;
    if (url === '/api' || url.startsWith('/api/') || !hasApp || (request.method !== 'GET' && request.method !== 'HEAD')) {
      return reply.status(404).send({ error: 'not_found', reason: 'not_found', message: `no route ${request.method} ${url.split('?')[0].slice(0, 200)}` });
    }
    reply.header('cache-control', 'no-cache');
    return reply.type('text/html; charset=utf-8').sendFile('index.html');
  });
}
