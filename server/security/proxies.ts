import net from 'node:net';

/**
 * KOTSU_TRUSTED_PROXIES: addresses and CIDR ranges (IPv4 and IPv6), plus proxy-addr's names
 * `loopback`, `linklocal` and `uniquelocal`. One check built from it decides both whether the
 * identity header is believed (server/http/auth.ts) and which X-Forwarded-For hops Fastify
 * skips for request.ip (rate-limit keys, logs), so the two can never disagree.
 */
const NAMED: Record<string, string[]> = {
  loopback: ['127.0.0.0/8', '::1/128'],
  linklocal: ['169.254.0.0/16', 'fe80::/10'],
  uniquelocal: ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', 'fc00::/7'],
};

export type ProxyCheck = (address: string | undefined) => boolean;

/** The entry's problem, or null when it is an address, a CIDR range or a known name. */
export function proxyEntryProblem(entry: string): string | null {
  if (NAMED[entry.toLowerCase()]) return null;
  const [address, prefix, extra] = entry.split('/');
  const family = net.isIP(address);
  if (family === 0 || extra !== undefined) return `"${entry}" is not an IP address or CIDR range`;
  if (prefix === undefined) return null;
  const max = family === 4 ? 32 : 128;
  if (!/^\d{1,3}$/.test(prefix) || Number(prefix) > max) return `"${entry}": prefix length must be 0 to ${max}`;
  return null;
}

/** Builds the check once; unknown entries throw (config.ts has already refused them). */
export function trustedProxyCheck(entries: readonly string[]): ProxyCheck {
  const list = new net.BlockList();
  const add = (entry: string) => {
    const problem = proxyEntryProblem(entry);
    if (problem) throw new Error(`KOTSU_TRUSTED_PROXIES: ${problem}`);
    const named = NAMED[entry.toLowerCase()];
    if (named) { named.forEach(add); return; }
    const [address, prefix] = entry.split('/');
    const type = net.isIP(address) === 4 ? 'ipv4' : 'ipv6';
    if (prefix === undefined) list.addAddress(address, type);
    else list.addSubnet(address, Number(prefix), type);
  };
  entries.forEach(add);
  return (address) => {
    if (!address) return false;
    const family = net.isIP(address);
    // IPv4-mapped IPv6 (::ffff:10.0.0.1) matches IPv4 rules: BlockList checks both forms.
    return family !== 0 && list.check(address, family === 4 ? 'ipv4' : 'ipv6');
  };
}
