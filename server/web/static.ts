import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

declare module 'fastify' {
  interface FastifyInstance {
    /**
     * Answers a GET of a web page whose address is not valid UTF-8 percent-encoding (a link cut
     * short in a mail, `/search?q=%E3%81`, `/tags/%E3%81`, or written in Shift_JIS) with the app,
     * status 400, when the app is served: the app shows its own page (not found, or the search
     * with what could be read). True when it answered; the API keeps its JSON 400.
     */
    answerBadAddressWithApp(request: FastifyRequest, reply: FastifyReply): boolean;
  }
}

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
 * Whether a target whose escapes may not decode (`%FF`, `%E3%81`) names a page of the web app:
 * origin-form, and outside the API however its ASCII letters are escaped (`/%61pi/…`) or dot
 * segments lead there. Only escapes of ASCII are decoded for the check: they always decode.
 */
export function isAppPageAddress(target: string): boolean {
  if (!/^\/(?![/\\])/.test(target)) return false;
  const end = target.search(/[?#]/);
  const raw = end === -1 ? target : target.slice(0, end);
  const ascii = raw.replace(/%([0-7][0-9a-f])/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  let path: string;
  try {
    path = new URL(ascii.replace(/\\/g, '/'), 'http://kotsu.invalid').pathname;
  } catch {
    return false;
  }
  return !/^[/\\]+api([/\\]|$)/i.test(path);
}

/**
 * Serves the built web app. Hashed assets are cached for a year, the favicon for a day; index.html never, so a new
 * release is picked up at once. Any other GET path that is not /api loads the app (deep links),
 * except under /assets/: a file there written since the start is served, any other is 404.
 */
export async function registerWebApp(app: FastifyInstance, root: string | null): Promise<void> {
  const index = root ? path.join(root, 'index.html') : null;
  const hasApp = index !== null && fs.existsSync(index);
  const shell = hasApp ? fileInMemory(index!) : null;
  app.decorate('answerBadAddressWithApp', (request: FastifyRequest, reply: FastifyReply): boolean => {
    if (!shell || (request.method !== 'GET' && request.method !== 'HEAD') || !isAppPageAddress(request.url)) return false;
    // The router's refusal runs no hook: the headers every page carries are set here.
    for (const [name, value] of app.securityHeaders ?? []) reply.raw.setHeader(name, value);
    void reply.status(400).header('cache-control', 'no-cache').type('text/html; charset=utf-8').send(shell.read());
    return true;
  });
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
    const answer404 = () => reply.status(404).send({ error: 'not_found', reason: 'not_found', message: `no route ${request.method} ${url.split('?')[0].slice(0, 200)}` });
    if (!hasApp || !isAppPage(url) || (request.method !== 'GET' && request.method !== 'HEAD')) return answer404();
    const asset = assetPath(url);
    if (asset === null) return answer404();
    if (asset !== undefined) {
      // Never the app in place of a script: a release built while the server runs has files the
      // static routes (made at start) do not know, and a tab opened before a release asks for
      // chunks it no longer has. The first are served from disk, the second answered 404.
      const file = path.join(root!, asset);
      const found = fs.statSync(file, { throwIfNoEntry: false });
      if (!found?.isFile()) return answer404();
      reply.header('cache-control', 'public, max-age=31536000, immutable');
      return reply.type(ASSET_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream').send(fs.createReadStream(file));
    }
    reply.header('cache-control', 'no-cache');
    return reply.type('text/html; charset=utf-8').send(shell!.read());
  });
}

const ASSET_TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8', '.json': 'application/json; charset=utf-8', '.svg': 'image/svg+xml',
  '.png': 'image/png', '.jpg': 'image/jpeg', '.webp': 'image/webp', '.gif': 'image/gif', '.ico': 'image/x-icon',
  '.woff2': 'font/woff2', '.woff': 'font/woff', '.txt': 'text/plain; charset=utf-8',
};

/**
 * The file an address names under the build's `assets/` folder (`assets/index-abc.js`); null for
 * an address under it that no file could have (dot segments, encoded slashes or backslashes,
 * NUL), undefined for an address elsewhere (a page of the app). Called only for app pages.
 */
export function assetPath(target: string): string | null | undefined {
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(target, 'http://kotsu.invalid').pathname);
  } catch {
    return undefined;
  }
  if (!pathname.startsWith('/assets/')) return undefined;
  const rel = pathname.slice(1);
  if (/[\\\0]/.test(rel) || rel.split('/').some((part) => part === '' || part === '.' || part === '..')) return null;
  return rel;
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
