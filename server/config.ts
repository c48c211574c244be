import os from 'node:os';
import path from 'node:path';
import { Type, type Static, type TSchema } from '@sinclair/typebox';
import envSchema from 'env-schema';
import { proxyEntryProblem } from './security/proxies';

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
  /** Search threads (server/search/pool.ts); 0 searches on the main thread. */
  searchWorkers: number;
  /** Longest one search may take in a thread before it is given up (the route then searches inline). */
  searchTimeoutMs: number;
  /** Each search thread's cache of identical searches between two writes. */
  searchCache: boolean;
  /** The looser tier (all words but one) also follows a synonym tier that filled less than the page (docs/search.md). */
  searchLooseAfterWide: boolean;
  /** Image bytes one member may add per rolling 24 hours, and keep stored in all (server/images/quota). */
  imageQuotaDaily: number;
  imageQuotaTotal: number;
  /** Seconds between sweeps of unreferenced images (0: never in-process), and the age an image must reach first. */
  imageSweepInterval: number;
  imageSweepGrace: number;
  /** A tip unchanged and unconfirmed this many days asks its author to look at it again. */
  staleAfterDays: number;
  /** The intranet's SMTP server (`smtp://host:25`, `smtps://user:pass@host:465`); null sends no mail. */
  smtpUrl: string | null;
  /** The sender address of Kotsu's mail (required with smtpUrl). */
  mailFrom: string | null;
}

export class ConfigError extends Error {}

const int = (min: number, max: number, description: string, dflt?: number) =>
  Type.Integer({ minimum: min, maximum: max, description, ...(dflt === undefined ? {} : { default: dflt }) });
const flag = (description: string) => Type.Union([Type.Literal('0'), Type.Literal('1')], { default: '1', description });

/** One render thread per core beyond the first, at most 2: busy render threads must not take the event loop's core. */
const defaultRenderWorkers = () => Math.max(1, Math.min(2, os.availableParallelism() - 1));
/** One search thread per core, at most 4 (each has its own read-only connection). */
export const defaultSearchWorkers = () => Math.max(1, Math.min(4, os.availableParallelism()));

/**
 * Every variable the server reads: one entry each, with its type, range, default and meaning.
 * `.env.example` and the README's table list the same variables (tests/config.test.ts checks),
 * and nothing else in the server reads process.env. To add one: an entry here, a field in
 * Config and in loadConfig's result, a line in .env.example and a row in the README.
 */
export const EnvSchema = Type.Object({
  KOTSU_PORT: int(0, 65535, 'listen port', 3000),
  KOTSU_HOST: Type.String({ minLength: 1, default: '127.0.0.1', description: 'listen address' }),
  KOTSU_DB: Type.String({ minLength: 1, default: path.join('data', 'kotsu.db'), description: 'SQLite file' }),
  KOTSU_AUTH: Type.Union([Type.Literal('local'), Type.Literal('proxy')], { default: 'local', description: 'sign-in mode' }),
  KOTSU_AUTH_HEADER: Type.String({ pattern: '^[A-Za-z0-9-]+$', default: 'X-Remote-User', description: 'a header name (letters, digits, -)' }),
  KOTSU_TRUSTED_PROXIES: Type.String({ default: '127.0.0.1,::1', description: 'comma-separated addresses and CIDR ranges (or loopback, linklocal, uniquelocal)' }),
  KOTSU_ADMINS: Type.String({ default: '', description: 'comma-separated login names' }),
  KOTSU_PUBLIC_URL: Type.String({ pattern: '^https?://', default: 'http://localhost:3000', description: 'an http or https URL' }),
  KOTSU_WEB_ROOT: Type.Optional(Type.String({ description: 'a folder, or empty for none' })),
  KOTSU_SESSION_MAX_AGE: int(60, 365 * 24 * 3600, 'seconds', 30 * 24 * 3600),
  KOTSU_SESSION_IDLE: int(60, 365 * 24 * 3600, 'seconds', 7 * 24 * 3600),
  KOTSU_LOG_LEVEL: Type.Union(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].map((l) => Type.Literal(l)), { default: 'info', description: 'log level' }),
  KOTSU_SCRYPT_COST: int(1024, 1048576, 'scrypt N', 32768),
  KOTSU_LOGIN_MAX_FAILURES: int(1, 1000, 'failures', 5),
  KOTSU_LOGIN_MAX_PER_ADDRESS: int(1, 100000, 'attempts', 50),
  KOTSU_LOGIN_WINDOW: int(1, 24 * 3600, 'seconds', 15 * 60),
  KOTSU_WRITE_LIMIT: int(1, 1000000, 'writes per minute', 120),
  KOTSU_RENDER_WORKERS: Type.Optional(int(0, 16, 'threads')),
  KOTSU_RENDER_TIMEOUT_MS: int(1, 60000, 'milliseconds', 2000),
  KOTSU_SEARCH_WORKERS: Type.Optional(int(0, 16, 'threads')),
  KOTSU_SEARCH_WORKER: flag('search threads on (1) or off (0)'),
  KOTSU_SEARCH_TIMEOUT_MS: int(1, 60000, 'milliseconds', 5000),
  KOTSU_SEARCH_CACHE: flag('search threads\' cache on (1) or off (0)'),
  KOTSU_LOOSE_AFTER_WIDE: flag('looser tier after a short synonym tier on (1) or off (0, to measure)'),
  KOTSU_STALE_AFTER_DAYS: int(30, 3650, 'days', 365),
  KOTSU_IMAGE_QUOTA_DAILY: int(0, 2 ** 40, 'bytes', 50 * 1024 * 1024),
  KOTSU_IMAGE_QUOTA_TOTAL: int(0, 2 ** 40, 'bytes', 500 * 1024 * 1024),
  KOTSU_IMAGE_SWEEP_INTERVAL: int(0, 7 * 24 * 3600, 'seconds (0: off)', 3600),
  KOTSU_IMAGE_SWEEP_GRACE: int(60, 365 * 24 * 3600, 'seconds', 24 * 3600),
  KOTSU_SMTP_URL: Type.Optional(Type.String({ pattern: '^smtps?://', description: 'an smtp:// or smtps:// URL, or empty for no mail' })),
  KOTSU_MAIL_FROM: Type.Optional(Type.String({ pattern: '^[^\\s@<>]+@[^\\s@<>]+$', description: 'a mail address (required with KOTSU_SMTP_URL)' })),
});
export type Env = Static<typeof EnvSchema>;

/** The accepted values of a variable, in words: the README's range column and the error messages. */
export function describeRange(schema: TSchema): string {
  if (schema.type === 'integer') return `an integer from ${schema.minimum} to ${schema.maximum}`;
  if (Array.isArray(schema.anyOf)) return `one of ${schema.anyOf.map((s: TSchema) => s.const).join(', ')}`;
  return String(schema.description ?? 'text');
}

function list(value: string): string[] {
  return value.split(',').map((s) => s.trim()).filter(Boolean);
}

/** Reads `.env` from the working folder into process.env, if there is one; set variables win. */
export function loadEnvFile(file = '.env'): boolean {
  try {
    process.loadEnvFile(file);
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw new ConfigError(`${file}: ${(err as Error).message}`);
  }
}

/** KOTSU_* variables set in `env` that no entry of EnvSchema names (a misspelling, usually). */
export function unknownVariables(env: NodeJS.ProcessEnv): string[] {
  return Object.keys(env).filter((k) => k.startsWith('KOTSU_') && !(k in EnvSchema.properties));
}

/** Checks the environment against EnvSchema; the first bad variable is named with what it accepts. */
export function readEnv(env: NodeJS.ProcessEnv): Env {
  const data: Record<string, string> = {};
  for (const key of Object.keys(EnvSchema.properties)) {
    const value = env[key];
    // An empty value means the default (as `KOTSU_RENDER_WORKERS=` in .env.example), except for
    // the web root, where it means "no web app".
    if (value !== undefined && (value !== '' || key === 'KOTSU_WEB_ROOT')) data[key] = value;
  }
  try {
    return envSchema<Env>({ schema: structuredClone(EnvSchema), data, env: false });
  } catch (err) {
    const first = (err as { errors?: { instancePath: string }[] }).errors?.[0];
    const name = first?.instancePath.replace(/^\//, '') as keyof typeof EnvSchema.properties | undefined;
    if (!name || !(name in EnvSchema.properties)) throw new ConfigError((err as Error).message);
    throw new ConfigError(`${name} must be ${describeRange(EnvSchema.properties[name])}, got "${data[name]}"`);
  }
}

/** Mail is optional: no KOTSU_SMTP_URL sends nothing; with one, a sender address is required. */
function smtp(e: Env): { smtpUrl: string | null; mailFrom: string | null } {
  const url = e.KOTSU_SMTP_URL?.trim() || null;
  if (!url) return { smtpUrl: null, mailFrom: null };
  try {
    new URL(url);
  } catch {
    throw new ConfigError(`KOTSU_SMTP_URL must be ${describeRange(EnvSchema.properties.KOTSU_SMTP_URL)}, got "${url}"`);
  }
  if (!e.KOTSU_MAIL_FROM) throw new ConfigError('KOTSU_MAIL_FROM must be a mail address when KOTSU_SMTP_URL is set');
  return { smtpUrl: url, mailFrom: e.KOTSU_MAIL_FROM.trim() };
}

/** Reads and checks the environment once; everything else takes the typed result. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  const e = readEnv(env);
  let publicUrl: URL;
  try {
    publicUrl = new URL(e.KOTSU_PUBLIC_URL);
  } catch {
    throw new ConfigError(`KOTSU_PUBLIC_URL must be ${describeRange(EnvSchema.properties.KOTSU_PUBLIC_URL)}, got "${e.KOTSU_PUBLIC_URL}"`);
  }
  // Addresses and CIDR ranges (server/security/proxies.ts); a typo must not silently trust nobody.
  const trustedProxies = list(e.KOTSU_TRUSTED_PROXIES);
  for (const entry of trustedProxies) {
    const problem = proxyEntryProblem(entry);
    if (problem) throw new ConfigError(`KOTSU_TRUSTED_PROXIES: ${problem}`);
  }
  return {
    port: e.KOTSU_PORT,
    host: e.KOTSU_HOST,
    dbPath: e.KOTSU_DB,
    authMode: e.KOTSU_AUTH,
    authHeader: e.KOTSU_AUTH_HEADER.trim().toLowerCase(),
    trustedProxies,
    admins: list(e.KOTSU_ADMINS),
    publicUrl,
    publicUrlSet: Boolean(env.KOTSU_PUBLIC_URL),
    webRoot: e.KOTSU_WEB_ROOT === '' ? null : e.KOTSU_WEB_ROOT ?? path.resolve('dist', 'web'),
    sessionMaxAge: e.KOTSU_SESSION_MAX_AGE,
    sessionIdle: e.KOTSU_SESSION_IDLE,
    logLevel: e.KOTSU_LOG_LEVEL,
    scryptCost: e.KOTSU_SCRYPT_COST,
    loginMaxFailures: e.KOTSU_LOGIN_MAX_FAILURES,
    loginMaxPerAddress: e.KOTSU_LOGIN_MAX_PER_ADDRESS,
    loginWindow: e.KOTSU_LOGIN_WINDOW,
    writeLimitPerMinute: e.KOTSU_WRITE_LIMIT,
    renderWorkers: e.KOTSU_RENDER_WORKERS ?? defaultRenderWorkers(),
    renderTimeoutMs: e.KOTSU_RENDER_TIMEOUT_MS,
    searchWorkers: e.KOTSU_SEARCH_WORKER === '0' ? 0 : e.KOTSU_SEARCH_WORKERS ?? defaultSearchWorkers(),
    searchTimeoutMs: e.KOTSU_SEARCH_TIMEOUT_MS,
    searchCache: e.KOTSU_SEARCH_CACHE === '1',
    searchLooseAfterWide: e.KOTSU_LOOSE_AFTER_WIDE === '1',
    imageQuotaDaily: e.KOTSU_IMAGE_QUOTA_DAILY,
    imageQuotaTotal: e.KOTSU_IMAGE_QUOTA_TOTAL,
    imageSweepInterval: e.KOTSU_IMAGE_SWEEP_INTERVAL,
    imageSweepGrace: e.KOTSU_IMAGE_SWEEP_GRACE,
    staleAfterDays: e.KOTSU_STALE_AFTER_DAYS,
    ...smtp(e),
    ...overrides,
  };
}
