import net from 'node:net';

export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/**
 * One HTTP/1.1 request written byte for byte on a fresh socket, so the request target reaches
 * Node's parser exactly as given (app.inject and fetch would normalize it first).
 */
export function rawRequest(port: number, method: string, target: string,
  headers: Record<string, string> = {}, body?: string): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.setTimeout(10_000, () => socket.destroy(new Error(`timeout: ${method} ${target}`)));
    socket.on('connect', () => {
      const all: Record<string, string> = { host: 'kotsu.intra', connection: 'close', ...headers };
      if (body !== undefined) all['content-length'] = String(Buffer.byteLength(body));
      const head = [`${method} ${target} HTTP/1.1`, ...Object.entries(all).map(([k, v]) => `${k}: ${v}`)].join('\r\n');
      // write, not end: a half-closed socket may be dropped before an async answer is written.
      socket.write(`${head}\r\n\r\n${body ?? ''}`);
    });
    socket.on('data', (d: Buffer) => chunks.push(d));
    socket.on('error', reject);
    socket.on('close', () => {
      const raw = Buffer.concat(chunks);
      const split = raw.indexOf('\r\n\r\n');
      const lines = raw.subarray(0, split === -1 ? raw.length : split).toString('latin1').split('\r\n');
      const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(lines[0] ?? '')?.[1] ?? 0);
      const out: Record<string, string> = {};
      for (const line of lines.slice(1)) {
        const i = line.indexOf(':');
        if (i > 0) out[line.slice(0, i).toLowerCase()] = line.slice(i + 1).trim();
      }
      let rest = split === -1 ? Buffer.alloc(0) : raw.subarray(split + 4);
      if (out['transfer-encoding'] === 'chunked') {
        const parts: Buffer[] = [];
        for (;;) {
          const nl = rest.indexOf('\r\n');
          const size = parseInt(rest.subarray(0, nl).toString('latin1'), 16);
          if (!size) break;
          parts.push(rest.subarray(nl + 2, nl + 2 + size));
          rest = rest.subarray(nl + 2 + size + 2);
        }
        rest = Buffer.concat(parts);
      }
      resolve({ status, headers: out, body: rest.toString('utf8') });
    });
  });
}

/** Runs `work` over `items`, `width` at a time. */
export async function inBatches<T>(items: readonly T[], width: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: width }, async () => {
    while (next < items.length) await work(items[next++]);
  }));
}
