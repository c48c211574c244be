import type { IncomingMessage, ServerResponse } from 'node:http';
import helmet from 'helmet';
import type { FastifyInstance } from 'fastify';
import type { Config } from '../config';

declare module 'fastify' {
  interface FastifyInstance {
    /** The security headers every response carries, for answers written where no hook runs. */
    securityHeaders: readonly (readonly [string, string])[];
  }
}

/**
 * The Content-Security-Policy every response carries. Everything comes from our own origin:
 * the Vite build emits external script and style files only, and Lit adopts constructable
 * stylesheets, which CSP does not govern, so no script and no <style> element is inline.
 * Style *attributes* are allowed (style-src-attr): the Markdown renderer aligns table cells
 * with style="text-align:…" and Lit templates carry static style="…"; an attribute cannot run
 * script, and user text never becomes markup (html: false). Tighten it to 'none' once neither
 * needs it. Images may also be data: (raster images the renderer lets through) and blob:
 * (local previews before upload).
 */
export function cspDirectives(config: Config): Record<string, string[]> {
  const directives: Record<string, string[]> = {
    'default-src': ["'self'"],
    'script-src': ["'self'"],
    'script-src-attr': ["'none'"],
    'style-src': ["'self'"],
    'style-src-elem': ["'self'"],
    'style-src-attr': ["'unsafe-inline'"],
    'img-src': ["'self'", 'data:', 'blob:'],
    'font-src': ["'self'"],
    'connect-src': ["'self'"],
    'object-src': ["'none'"],
    'base-uri': ["'self'"],
    'form-action': ["'self'"],
    'frame-ancestors': ["'none'"],
    'frame-src': ["'none'"],
    'worker-src': ["'self'"],
    'manifest-src': ["'self'"],
  };
  // Over plain http (an intranet without TLS) upgrading would break every sub-resource.
  if (config.publicUrl.protocol === 'https:') directives['upgrade-insecure-requests'] = [];
  return directives;
}

export function cspHeader(config: Config): string {
  return Object.entries(cspDirectives(config))
    .map(([name, values]) => [name, ...values].join(' '))
    .join('; ');
}

/**
 * Security headers on every response, API and web app alike. They never vary by request, so
 * helmet computes them once here; every response then only copies the list (@fastify/helmet
 * rebuilt helmet's middleware, CSP parsing included, on each request).
 */
export async function registerSecurityHeaders(app: FastifyInstance, config: Config): Promise<void> {
  const https = config.publicUrl.protocol === 'https:';
  const middleware = helmet({
    contentSecurityPolicy: { useDefaults: false, directives: cspDirectives(config) },
    // Pages of this wiki are never framed: no clickjacking of the edit or admin screens.
    frameguard: { action: 'deny' },
    // Intranet addresses (and tip titles in them) must not leak to outside sites through links.
    referrerPolicy: { policy: 'same-origin' },
    strictTransportSecurity: https ? { maxAge: 180 * 24 * 3600, includeSubDomains: false } : false,
    crossOriginEmbedderPolicy: false,
    crossOriginOpenerPolicy: { policy: 'same-origin' },
    crossOriginResourcePolicy: { policy: 'same-origin' },
  });
  const headers = new Map<string, string>();
  const recorder = {
    setHeader(name: string, value: string | number | readonly string[]) { headers.set(name, String(value)); },
    removeHeader(name: string) { headers.delete(name); },
  };
  middleware({} as IncomingMessage, recorder as unknown as ServerResponse, (err?: unknown) => {
    if (err) throw err;
  });
  const list = [...headers];
  app.decorate('securityHeaders', list);
  app.addHook('onRequest', async (_request, reply) => {
    for (const [name, value] of list) reply.raw.setHeader(name, value);
  });
}
