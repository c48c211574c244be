import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../server/config';

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
  ])('refuses %j with a clear message', (env, msg) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(msg);
  });
});
