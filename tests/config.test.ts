import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, describeRange, EnvSchema, loadConfig, loadEnvFile, unknownVariables } from '../server/config';

const ROOT = path.resolve(import.meta.dirname, '..');
const VARIABLES = Object.keys(EnvSchema.properties) as (keyof typeof EnvSchema.properties)[];

describe('loadConfig', () => {
  it('has the documented defaults', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ port: 3000, host: '127.0.0.1', authMode: 'local', authHeader: 'x-remote-user', trustedProxies: ['127.0.0.1', '::1'], admins: [] });
    expect(c.dbPath).toMatch(/data[\\/]kotsu\.db$/);
    expect(c.publicUrl.origin).toBe('http://localhost:3000');
  });
  it('reads every variable', () => {
    const c = loadConfig({ KOTSU_PORT: '8080', KOTSU_HOST: '0.0.0.0', KOTSU_DB: '/tmp/x.db', KOTSU_AUTH: 'proxy', KOTSU_AUTH_HEADER: 'X-Forwarded-User', KOTSU_TRUSTED_PROXIES: '10.0.0.1, 10.0.0.2', KOTSU_ADMINS: 'Sato,suzuki', KOTSU_PUBLIC_URL: 'https://kotsu.example.lg.jp' });
    expect(c).toMatchObject({ port: 8080, host: '0.0.0.0', dbPath: '/tmp/x.db', authMode: 'proxy', authHeader: 'x-forwarded-user', trustedProxies: ['10.0.0.1', '10.0.0.2'], admins: ['Sato', 'suzuki'] });
  });
  it('reads the image quota and sweep settings', () => {
    const c = loadConfig({ KOTSU_IMAGE_QUOTA_DAILY: '1000', KOTSU_IMAGE_QUOTA_TOTAL: '5000', KOTSU_IMAGE_SWEEP_INTERVAL: '0', KOTSU_IMAGE_SWEEP_GRACE: '600' });
    expect(c).toMatchObject({ imageQuotaDaily: 1000, imageQuotaTotal: 5000, imageSweepInterval: 0, imageSweepGrace: 600 });
    expect(() => loadConfig({ KOTSU_IMAGE_QUOTA_DAILY: '-1' })).toThrow(/KOTSU_IMAGE_QUOTA_DAILY/);
  });
  it.each([
    [{ KOTSU_PORT: 'abc' }, /KOTSU_PORT/],
    [{ KOTSU_PORT: '70000' }, /KOTSU_PORT/],
    [{ KOTSU_AUTH: 'ldap' }, /KOTSU_AUTH/],
    [{ KOTSU_PUBLIC_URL: 'not a url' }, /KOTSU_PUBLIC_URL/],
    [{ KOTSU_PUBLIC_URL: 'ftp://x' }, /KOTSU_PUBLIC_URL/],
    [{ KOTSU_AUTH_HEADER: 'bad header' }, /KOTSU_AUTH_HEADER/],
    [{ KOTSU_RENDER_WORKERS: '1.5' }, /KOTSU_RENDER_WORKERS must be an integer from 0 to 16, got "1.5"/],
    [{ KOTSU_SEARCH_WORKERS: '-1' }, /KOTSU_SEARCH_WORKERS/],
    [{ KOTSU_SEARCH_TIMEOUT_MS: '0' }, /KOTSU_SEARCH_TIMEOUT_MS/],
    [{ KOTSU_SEARCH_CACHE: 'off' }, /KOTSU_SEARCH_CACHE must be one of 0, 1/],
    [{ KOTSU_LOG_LEVEL: 'verbose' }, /KOTSU_LOG_LEVEL must be one of fatal/],
    [{ KOTSU_SESSION_IDLE: '59' }, /KOTSU_SESSION_IDLE/],
    [{ KOTSU_SCRYPT_COST: '1e9' }, /KOTSU_SCRYPT_COST/],
    [{ KOTSU_WRITE_LIMIT: '12abc' }, /KOTSU_WRITE_LIMIT/],
  ])('refuses %j with a clear message', (env, msg) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(msg);
  });
  it('takes an empty value as the default, except the web root, where it means none', () => {
    const c = loadConfig({ KOTSU_PORT: '', KOTSU_RENDER_WORKERS: '', KOTSU_SEARCH_WORKERS: '', KOTSU_WEB_ROOT: '' });
    expect(c.port).toBe(3000);
    expect(c.renderWorkers).toBeGreaterThanOrEqual(1);
    expect(c.searchWorkers).toBeGreaterThanOrEqual(1);
    expect(c.webRoot).toBeNull();
    expect(loadConfig({ KOTSU_SEARCH_WORKER: '0', KOTSU_SEARCH_WORKERS: '3' }).searchWorkers).toBe(0);
    expect(loadConfig({ KOTSU_SEARCH_WORKERS: '3', KOTSU_SEARCH_CACHE: '0' })).toMatchObject({ searchWorkers: 3, searchCache: false });
  });

  it('names KOTSU_* variables it does not know, and only those', () => {
    expect(unknownVariables({ KOTSU_PROT: '8080', KOTSU_PORT: '1', PATH: '/bin', HOME: '/root' })).toEqual(['KOTSU_PROT']);
  });
});

describe('the variables are documented where they are set', () => {
  it('.env.example sets every variable the schema knows, and no other', () => {
    const text = fs.readFileSync(path.join(ROOT, '.env.example'), 'utf8');
    const set = [...text.matchAll(/^#? ?(KOTSU_[A-Z_]+)=/gm)].map((m) => m[1]);
    expect([...set].sort()).toEqual([...VARIABLES].sort());
    // Its values are valid as written.
    const values = Object.fromEntries([...text.matchAll(/^(KOTSU_[A-Z_]+)=(.*)$/gm)].map((m) => [m[1], m[2]]));
    expect(() => loadConfig(values)).not.toThrow();
  });

  it('the README table has a row per variable with the range the schema accepts', () => {
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const rows = new Map([...readme.matchAll(/^\| `(KOTSU_[A-Z_]+)` \|(.*)$/gm)].map((m) => [m[1], m[2]]));
    expect([...rows.keys()].sort()).toEqual([...VARIABLES].sort());
    for (const name of VARIABLES) expect(rows.get(name), name).toContain(`| ${describeRange(EnvSchema.properties[name])} |`);
  });
});

describe('.env', () => {
  it('is read into the environment when present, under variables already set', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kotsu-env-'));
    const file = path.join(dir, '.env');
    fs.writeFileSync(file, 'KOTSU_TEST_FROM_FILE=file\nKOTSU_TEST_BOTH=file\n');
    process.env.KOTSU_TEST_BOTH = 'environment';
    try {
      expect(loadEnvFile(file)).toBe(true);
      expect(process.env.KOTSU_TEST_FROM_FILE).toBe('file');
      expect(process.env.KOTSU_TEST_BOTH).toBe('environment');
      expect(loadEnvFile(path.join(dir, 'missing.env'))).toBe(false);
    } finally {
      delete process.env.KOTSU_TEST_FROM_FILE;
      delete process.env.KOTSU_TEST_BOTH;
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
