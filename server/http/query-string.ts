import type { FastifyInstance } from 'fastify';
import { badRequest } from './errors';

/**
 * Where the router's query string starts: after the first `?` or `#` of the target, as find-my-way
 * splits it (a `#` is never sent by a browser, but a hand-written target may carry one).
 */
function queryStart(url: string): number {
  const q = url.indexOf('?', 1);
  const h = url.indexOf('#', 1);
  return q === -1 ? h : h === -1 ? q : Math.min(q, h);
}

/**
 * A query string whose percent-escapes do not spell UTF-8 (`%FF`, a cut-off `%E3%81`, an encoded
 * surrogate, a lone `%`) is refused as a whole, on every route, as a path or a JSON body that is
 * not UTF-8 is. The router's parser keeps a value it cannot decode as its raw text, so a route
 * would otherwise search for `%FF` and answer 200 with nothing. `decodeURIComponent` throws for
 * exactly these (and `&`, `=`, `+` never take part in an escape, so checking the whole string
 * checks every key and value). Registered after the security headers and before sign-in, like
 * the router's refusal of such a path: it reads no data, so the answer is the same for everyone.
 */
export function installQueryStringCheck(app: FastifyInstance): void {
  app.addHook('onRequest', async (request, reply) => {
    const url = request.url;
    const at = queryStart(url);
    if (at === -1 || url.indexOf('%', at) === -1) return;
    try {
      decodeURIComponent(url.slice(at + 1));
    } catch {
      // A page of the web app (a link cut short in a mail) gets the app, with this 400.
      if (request.server.answerBadAddressWithApp?.(request, reply)) return reply;
      throw badRequest('invalid_input', 'the query string is not valid UTF-8 percent-encoding');
    }
  });
}
