/**
 * Runs the real server (server/main.ts) as a child process and streams writes at it, for the
 * crash-safety and backup checks. Writers use proxy mode from 127.0.0.1, so no password hashing
 * slows them, and remember exactly which writes the server acknowledged with a 2xx.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The child server's public URL: writes through the SSO proxy carry it as their Origin, as a browser's do. */
export const ORIGIN = 'http://kotsu.test';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface ServerChild {
  child: ChildProcess;
  /** Resolves with the base URL once the server listens; rejects if it exits first. */
  url: Promise<string>;
  exited: Promise<number | null>;
  stderr(): string;
}

export function startServer(dbPath: string, env: Record<string, string> = {}): ServerChild {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'server', 'main.ts')], {
    cwd: ROOT,
    env: {
      ...process.env, KOTSU_DB: dbPath, KOTSU_PORT: '0', KOTSU_HOST: '127.0.0.1', KOTSU_AUTH: 'proxy',
      KOTSU_TRUSTED_PROXIES: '127.0.0.1', KOTSU_PUBLIC_URL: ORIGIN, KOTSU_WEB_ROOT: path.join(ROOT, 'no-web-app'), KOTSU_LOG_LEVEL: 'info',
      KOTSU_WRITE_LIMIT: '1000000', ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const url = new Promise<string>((resolve, reject) => {
    // Keep reading stdout for the whole life of the child so its pipe never fills and blocks it.
    child.stdout!.on('data', (chunk: Buffer) => {
      if (out.length < 10_000) out += chunk.toString();
      const m = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (m) resolve(m[1]);
    });
    child.on('exit', (code) => reject(new Error(`server exited (${code}) before listening: ${err.slice(-2000)}`)));
  });
  url.catch(() => undefined);
  child.stderr!.on('data', (chunk: Buffer) => { err += chunk.toString(); });
  return { child, url, exited, stderr: () => err };
}

export interface Acked {
  /** Tips whose creation was answered 201: title → body. */
  created: Map<string, string>;
  /** Per tip id, the highest body version whose edit was answered 200. */
  edited: Map<number, number>;
}

/**
 * Writers loop until `stop()`: each creates tips and edits its latest tip's body to "v<n>", and
 * records what was acknowledged. Errors (the server being killed) end a writer quietly.
 */
export function streamWrites(base: string, opts: { writers: number; tag: string; acked: Acked }) {
  let stopped = false;
  const loops = Array.from({ length: opts.writers }, async (_, w) => {
    const headers = { 'content-type': 'application/json', 'x-remote-user': `writer${w}`, origin: ORIGIN };
    let n = 0;
    let latest: number | null = null;
    while (!stopped) {
      n++;
      try {
        if (latest !== null && n % 3 === 0) {
          const res = await fetch(`${base}/api/posts/${latest}`, { method: 'PATCH', headers, body: JSON.stringify({ body: `v${n}` }) });
          if (res.status === 200) opts.acked.edited.set(latest, Math.max(opts.acked.edited.get(latest) ?? 0, n));
          else await res.arrayBuffer();
        } else {
          const title = `${opts.tag} w${w} n${n}`;
          const body = `本文 ${title} ${'x'.repeat(n % 50)}`;
          const res = await fetch(`${base}/api/posts`, { method: 'POST', headers, body: JSON.stringify({ title, body, tags: ['crash'] }) });
          if (res.status === 201) {
            latest = ((await res.json()) as { id: number }).id;
            opts.acked.created.set(title, body);
          } else {
            await res.arrayBuffer();
          }
        }
      } catch {
        return; // connection refused or reset: the server is gone
      }
    }
  });
  return { stop: async () => { stopped = true; await Promise.all(loops); }, done: Promise.all(loops) };
}
