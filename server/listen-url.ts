import os from 'node:os';
import type { AddressInfo } from 'node:net';

const WILDCARD = new Set(['0.0.0.0', '::', '::0', '0:0:0:0:0:0:0:0']);

/**
 * The address to open, built from where the server really listens: a wildcard bind (0.0.0.0, ::)
 * is reached by other machines through this host's name, a loopback or named bind by itself.
 */
export function listenUrl(address: AddressInfo | string | null, hostname = os.hostname()): URL {
  if (address === null || typeof address === 'string') return new URL('http://localhost/');
  let host = WILDCARD.has(address.address) ? hostname : address.address;
  if (host.includes(':')) host = `[${host}]`;
  return new URL(`http://${host}:${address.port}/`);
}
