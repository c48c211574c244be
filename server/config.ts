import os from 'node:os';
import path from 'node:path';

export type AuthMode = 'local' | 'proxy';

export interface Config {
  port: number;
  host: string;
  /** SQLite file path, or ':memory:' in tests. */
  dbPath: string;
  authMode: AuthMode;
  authHeader: string;
  trustedProxies: string[];
  admins: string[];
  publicUrl: URL;
  /** False when KOTSU_PUBLIC_URL is unset: main.ts then builds publicUrl from the address it listens on. */
  publicUrlSet: boolean;
  /** Folder holding the built web app; null serves the API only. */
  webRoot: string | null;
  /** Session lifetime and idle timeout, in seconds. */
  sessionMaxAge: number;
  sessionIdle: number;
  logLevel: string;
  /** scrypt cost (N) for new password hashes; tests lower it, production keeps the default. */
  scryptCost: number;
  /** Failed logins per account, and login attempts per address, allowed in one lock-out window (seconds). */
  loginMaxFailures: number;
  loginMaxPerAddress: number;
  loginWindow: number;
  /** Writes (non-GET /api requests) one user may make per minute; reads are not limited. */
  writeLimitPerMinute: number;
  /** Markdown render threads (server/markdown/pool.ts); 0 renders on the event loop. */
  renderWorkers: number;
  /** Longest one render may take in a thread before it is stopped and answered 413. */
  renderTimeoutMs: number;
  /** A tip unchanged and unconfirmed this many days asks its author to look at it again. */
  staleAfterDays: number;
}

export class ConfigError extends Error {}

function list(value: string | undefined): string[] {
  return (value ?? '').split(',').map((s) => s.trim()).filter(Boolean);
}

function int(name: string, value: string | undefined, fallback: number, min: number, max: number): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new ConfigError(`${name} must be an integer from ${min} to ${max}, got "${value}"`);
  }
  return n;
}

/** Reads and checks the environment once; everything else takes the typed result. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  const authMode = (env.KOTSU_AUTH ?? 'local') as AuthMode;
  if (authMode !== 'local' && authMode !== 'proxy') {
    throw new ConfigError(`KOTSU_AUTH must be "local" or "proxy", got "${env.KOTSU_AUTH}"`);
  }
  let publicUrl: URL;
  try {
    publicUrl = new URL(env.KOTSU_PUBLIC_URL || 'http://localhost:3000');
  } catch {
    throw new ConfigError(`KOTSU_PUBLIC_URL is not a valid URL: "${env.KOTSU_PUBLIC_URL}"`);
  }
  if (publicUrl.protocol !== 'http:' && publicUrl.protocol !== 'https:') {
    throw new ConfigError('KOTSU_PUBLIC_URL must be http or https');
  }
  const authHeader = (env.KOTSU_AUTH_HEADER ?? 'X-Remote-User').trim();
  if (!/^[A-Za-z0-9-]+$/.test(authHeader)) throw new ConfigError('KOTSU_AUTH_HEADER must be a header name');
  return {
    port: int('KOTSU_PORT', env.KOTSU_PORT, 3000, 0, 65535),
    host: env.KOTSU_HOST ?? '127.0.0.1',
    dbPath: env.KOTSU_DB ?? path.join('data', 'kotsu.db'),
    authMode,
    authHeader: authHeader.toLowerCase(),
    trustedProxies: list(env.KOTSU_TRUSTED_PROXIES ?? '127.0.0.1,::1'),
    admins: list(env.KOTSU_ADMINS).map((s) => s.toLowerCase()),
    publicUrl,
    publicUrlSet: Boolean(env.KOTSU_PUBLIC_URL),
    webRoot: env.KOTSU_WEB_ROOT === '' ? null : env.KOTSU_WEB_ROOT ?? path.resolve('dist', 'web'),
    sessionMaxAge: int('KOTSU_SESSION_MAX_AGE', env.KOTSU_SESSION_MAX_AGE, 30 * 24 * 3600, 60, 365 * 24 * 3600),
    sessionIdle: int('KOTSU_SESSION_IDLE', env.KOTSU_SESSION_IDLE, 7 * 24 * 3600, 60, 365 * 24 * 3600),
    logLevel: env.KOTSU_LOG_LEVEL ?? 'info',
    scryptCost: int('KOTSU_SCRYPT_COST', env.KOTSU_SCRYPT_COST, 32768, 1024, 1048576),
    loginMaxFailures: int('KOTSU_LOGIN_MAX_FAILURES', env.KOTSU_LOGIN_MAX_FAILURES, 5, 1, 1000),
    loginMaxPerAddress: int('KOTSU_LOGIN_MAX_PER_ADDRESS', env.KOTSU_LOGIN_MAX_PER_ADDRESS, 50, 1, 100000),
    loginWindow: int('KOTSU_LOGIN_WINDOW', env.KOTSU_LOGIN_WINDOW, 15 * 60, 1, 24 * 3600),
    writeLimitPerMinute: int('KOTSU_WRITE_LIMIT', env.KOTSU_WRITE_LIMIT, 120, 1, 1000000),
    // One render thread per core beyond the first, at most 2: busy render threads must not take
    // the event loop's core (on 2 cores, one thread).
    renderWorkers: int('KOTSU_RENDER_WORKERS', env.KOTSU_RENDER_WORKERS, Math.max(1, Math.min(2, os.availableParallelism() - 1)), 0, 16),
    renderTimeoutMs: int('KOTSU_RENDER_TIMEOUT_MS', env.KOTSU_RENDER_TIMEOUT_MS, 2000, 1, 60000),
    staleAfterDays: int('KOTSU_STALE_AFTER_DAYS', env.KOTSU_STALE_AFTER_DAYS, 365, 30, 3650),
    ...overrides,
  };
}
