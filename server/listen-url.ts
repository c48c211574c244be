import os from 'node:os';
import type { AddressInfo } from 'node:net';

const WILDCARD = new Set(['0.0.0.0', '::', '::0', '0:0:0:0:0:0:0:0']);

/** Loopback spellings a browser on this machine may use for the same server. */
const LOOPBACK_NAMES = ['localhost', '127.0.0.1', '[::1]'];

function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '[::1]' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

/**
 * The address to open, built from where the server really listens: a wildcard bind (0.0.0.0, ::)
 * is reached by other machines through this host's name, a loopback bind as `localhost` (what
 * people type), any other named bind by itself.
 */
export function listenUrl(address: AddressInfo | string | null, hostname = os.hostname()): URL {
  if (address === null || typeof address === 'string') return new URL('http://localhost/');
  let host = WILDCARD.has(address.address) ? hostname : address.address;
  if (isLoopback(host)) host = 'localhost';
  else if (host.includes(':')) host = `[${host}]`;
  return new URL(`http://${host}:${address.port}/`);
}

/**
 * The origins whose pages may write with credentials. With KOTSU_PUBLIC_URL set it is that origin
 * alone. Without it the public URL was derived from the listen address, and when that is a
 * loopback address a browser on this machine may name it localhost, 127.0.0.1 or [::1] — all the
 * same server on the same port, so each is accepted. Never derived from the request's Host header
 * (a DNS-rebinding page controls that; its Origin is its own name, which is not in this set).
 */
export function writeOrigins(publicUrl: URL, publicUrlSet: boolean): Set<string> {
  const origins = new Set([publicUrl.origin]);
  if (!publicUrlSet && isLoopback(publicUrl.hostname)) {
    for (const name of LOOPBACK_NAMES) {
      origins.add(new URL(`${publicUrl.protocol}//${name}${publicUrl.port ? `:${publicUrl.port}` : ''}`).origin);
    }
  }
  return origins;
}
