import { describe, it, expect } from 'vitest';
import path from 'node:path';
import { ConfigError, loadConfig } from '../../../server/config';

describe('configuration from the environment', () => {
  it('has the documented defaults', () => {
    expect(loadConfig({})).toEqual({
      port: 4000,
      host: '127.0.0.1',
      databaseUrl: undefined,
      databasePoolMax: 10,
      dataDir: path.resolve('.headroom'),
      publicRead: false,
      trustProxy: false,
      pagerdutyWebhookSecret: undefined,
      githubWebhookSecret: undefined,
      adminToken: undefined,
      logLevel: 'info',
      seedDemo: true,
      notifyIntervalSeconds: 60,
    });
  });

  it('reads the notifier interval; 0 turns it off, a negative one is refused', () => {
    expect(loadConfig({ HEADROOM_NOTIFY_INTERVAL_SECONDS: '0' }).notifyIntervalSeconds).toBe(0);
    expect(loadConfig({ HEADROOM_NOTIFY_INTERVAL_SECONDS: '300' }).notifyIntervalSeconds).toBe(300);
    expect(() => loadConfig({ HEADROOM_NOTIFY_INTERVAL_SECONDS: '-1' })).toThrow(/HEADROOM_NOTIFY_INTERVAL_SECONDS: .*got "-1"/);
  });

  it('reads each variable, and treats an empty one as unset', () => {
    const c = loadConfig({ PORT: '8080', DATABASE_URL: 'postgresql://db/headroom', DATABASE_POOL_MAX: '40', HEADROOM_PUBLIC_READ: '1', HEADROOM_TRUST_PROXY: '1', LOG_LEVEL: '' });
    expect(c).toMatchObject({ port: 8080, databaseUrl: 'postgresql://db/headroom', databasePoolMax: 40, publicRead: true, trustProxy: 1, logLevel: 'info' });
    expect(loadConfig({ HEADROOM_TRUST_PROXY: 'true' }).trustProxy).toBe(true);
  });

  it.each([
    [{ PORT: '70000' }, 'PORT'],
    [{ DATABASE_POOL_MAX: '0' }, 'DATABASE_POOL_MAX'],
    [{ DATABASE_POOL_MAX: 'lots' }, 'DATABASE_POOL_MAX'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ HEADROOM_PUBLIC_READ: 'yes' }, 'HEADROOM_PUBLIC_READ'],
    [{ HEADROOM_TRUST_PROXY: '10.0.0.0/8' }, 'HEADROOM_TRUST_PROXY: must be true, false or the number of proxies'],
  ])('refuses %o, naming the variable and the value', (env, expected) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    try {
      loadConfig(env);
    } catch (e) {
      expect((e as ConfigError).message).toContain(expected);
      expect((e as ConfigError).message).toContain(JSON.stringify(Object.values(env)[0]));
    }
  });

  it.each([
    [{ HEADROOM_ADMIN_TOKEN: 'hr_short-admin-token' }, 'HEADROOM_ADMIN_TOKEN: must be at least 32 characters (got 20 characters; value not shown)'],
    [{ PAGERDUTY_WEBHOOK_SECRET: 'pd-secret-1234' }, 'PAGERDUTY_WEBHOOK_SECRET: must be at least 32 characters (got 14 characters; value not shown)'],
    [{ GITHUB_WEBHOOK_SECRET: 'gh-secret' }, 'GITHUB_WEBHOOK_SECRET: must be at least 32 characters (got 9 characters; value not shown)'],
    [{ DATABASE_URL: 'mysql://admin:pa55word@db' }, 'DATABASE_URL: must start with postgres:// or postgresql:// (got 25 characters; value not shown)'],
  ])('refuses %o without echoing the secret', (env, expected) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    try {
      loadConfig(env);
    } catch (e) {
      expect((e as ConfigError).message).toContain(expected);
      expect((e as ConfigError).message).not.toContain(Object.values(env)[0]);
      expect((e as ConfigError).message).not.toContain('pa55word');
    }
  });

  it('accepts secrets of 32 characters', () => {
    const secret = 'x'.repeat(32);
    expect(loadConfig({ HEADROOM_ADMIN_TOKEN: secret, PAGERDUTY_WEBHOOK_SECRET: secret, GITHUB_WEBHOOK_SECRET: secret })).toMatchObject({
      adminToken: secret, pagerdutyWebhookSecret: secret, githubWebhookSecret: secret,
    });
  });

  it('refuses a misspelt HEADROOM_ variable instead of ignoring it', () => {
    expect(() => loadConfig({ HEADROOM_PUBLICREAD: 'true' })).toThrow(/HEADROOM_PUBLICREAD: not a Headroom setting \(known: .*HEADROOM_PUBLIC_READ/);
  });

  it('lists every mistake at once', () => {
    expect(() => loadConfig({ PORT: '-1', DATABASE_POOL_MAX: '0' })).toThrow(/PORT[\s\S]*DATABASE_POOL_MAX|DATABASE_POOL_MAX[\s\S]*PORT/);
  });
});
