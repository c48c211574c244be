import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/**
 * Whether an unmatched target is a page of the web app (a deep link): origin-form only, and not
 * the API however it is spelt (percent-encoded, any case, dot segments, backslashes). Anything
 * else (asterisk- or absolute-form, `//`, the API) is answered 404 in JSON. Only the answer's
 * form depends on it: no route matched, so no data is read either way.
 */
export function isAppPage(target: string): boolean {
  if (!/^\/(?![/\\])/.test(target)) return false;
  let path: string;
  try {
    path = decodeURIComponent(new URL(target, 'http://kotsu.invalid').pathname);
  } catch {
    return false;
  }
  return !/^[/\\]+api([/\\]|$)/i.test(path);
}

/**
 * Serves the built web app. Hashed assets are cached for a year, the favicon for a day; index.html never, so a new
 * release is picked up at once. Any other GET path that is not /api loads the app (deep links).
 */
export async function registerWebApp(app: FastifyInstance, root: string | null): Promise<void> {
  const index = root ? path.join(root, 'index.html') : null;
  const hasApp = index !== null && fs.existsSync(index);
  const shell = hasApp ? fileInMemory(index!) : null;
  if (hasApp) {
    // The app's own files are for everyone (the login page needs them); every other route
    // states its rule itself, and one without a rule is for members (server/http/auth.ts).
    await app.register(async (files) => {
      files.addHook('onRoute', (route) => { route.config = { ...route.config, access: 'public' }; });
      await files.register(fastifyStatic, {
        root: root!,
        wildcard: false,
        index: false,
        cacheControl: false,
        setHeaders(res, file) {
          const immutable = file.includes(`${path.sep}assets${path.sep}`);
          // The favicon may lag a release by a day; it is asked for with every page otherwise.
          const icon = path.basename(file) === 'favicon.svg';
          res.setHeader('cache-control', immutable ? 'public, max-age=31536000, immutable' : icon ? 'public, max-age=86400' : 'no-cache');
        },
      });
    });
  }
  app.setNotFoundHandler(async (request, reply) => {
    const url = request.url;
    if (!hasApp || !isAppPage(url) || (request.method !== 'GET' && request.method !== 'HEAD')) {
      return reply.status(404).send({ error: 'not_found', reason: 'not_found', message: `no route ${request.method} ${url.split('?')[0].slice(0, 200)}` });
    }
    reply.header('cache-control', 'no-cache');
    return reply.type('text/html; charset=utf-8').send(shell!.read());
  });
}

/**
 * index.html, kept in memory: it is the answer to every page load, and reading the file each
 * time (open, fstat, read, close) was a tenth of a tip page view's cost. A new release replaces
 * the file: it is looked at again (one stat) at most once a second and re-read when its size or
 * modification time changed.
 */
export function fileInMemory(file: string, recheckMs = 1000, now = () => Date.now()) {
  let data = fs.readFileSync(file);
  let stat = fs.statSync(file);
  let checkedAt = now();
  return {
    read(): Buffer {
      if (now() - checkedAt >= recheckMs) {
        checkedAt = now();
        try {
          const current = fs.statSync(file);
          if (current.mtimeMs !== stat.mtimeMs || current.size !== stat.size || current.ino !== stat.ino) {
            data = fs.readFileSync(file);
            stat = current;
          }
        } catch {
          // Mid-replacement: keep serving the copy in memory.
        }
      }
      return data;
    },
  };
}
