import { describe, expect, it } from 'vitest';
import { ConfigError, DEFAULT_REDIS_URL, loadConfig } from './config.js';

function settingOf(env: Record<string, string>): string | null {
  try {
    loadConfig(env, '/srv/mm');
    return null;
  } catch (err) {
    if (err instanceof ConfigError) return err.setting;
    throw err;
  }
}

describe('loadConfig', () => {
  it('gives the documented defaults for an empty environment', () => {
    const c = loadConfig({}, '/srv/mm');
    expect(c).toMatchObject({
      port: 4000,
      host: '0.0.0.0',
      redisUrl: DEFAULT_REDIS_URL,
      redisUrlDefaulted: true,
      dataRedisUrl: DEFAULT_REDIS_URL,
      dataRedisUrlDefaulted: true,
      dataRedisPublicUrl: null,
      adminToken: null,
      demoSeed: true,
      eventsMaxLen: 100_000,
      usageIntervalMs: 30_000,
      reconcileIntervalMs: 30_000,
      aclLogIntervalMs: 5_000,
      defaultTtlMaxPerPass: 10_000,
      dataDir: '/srv/mm/.memmouse',
      webDist: '/srv/mm/web/dist',
      logLevel: 'info',
    });
  });

  it('lets DATA_REDIS_URL follow REDIS_URL unless set, and an empty MM_WEB_DIST serve no console', () => {
    expect(loadConfig({ REDIS_URL: 'redis://r:1' }, '/').dataRedisUrl).toBe('redis://r:1');
    expect(loadConfig({ REDIS_URL: 'redis://r:1', DATA_REDIS_URL: 'rediss://d:2' }, '/').dataRedisUrl).toBe('rediss://d:2');
    expect(loadConfig({ MM_WEB_DIST: '' }, '/').webDist).toBeNull();
    expect(loadConfig({ MM_DEMO_SEED: '0' }, '/').demoSeed).toBe(false);
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ PORT: '-1' }, 'PORT'],
    [{ REDIS_URL: 'http://localhost:6379' }, 'REDIS_URL'],
    [{ REDIS_URL: 'not a url' }, 'REDIS_URL'],
    [{ DATA_REDIS_URL: 'postgres://x' }, 'DATA_REDIS_URL'],
    [{ DATA_REDIS_PUBLIC_URL: 'x' }, 'DATA_REDIS_PUBLIC_URL'],
    [{ MM_ADMIN_TOKEN: 'short' }, 'MM_ADMIN_TOKEN'],
    [{ MM_DEMO_SEED: 'yes' }, 'MM_DEMO_SEED'],
    [{ MM_EVENTS_MAXLEN: '5' }, 'MM_EVENTS_MAXLEN'],
    [{ MM_USAGE_INTERVAL_MS: '1.5' }, 'MM_USAGE_INTERVAL_MS'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ MM_RECONCILE_INTERVAL_MS: '120000' }, 'MM_RECONCILE_INTERVAL_MS'],
    [{ MM_RECONCILE_INTERVAL_MS: '0' }, 'MM_RECONCILE_INTERVAL_MS'],
    [{ MM_ACL_LOG_INTERVAL_MS: 'often' }, 'MM_ACL_LOG_INTERVAL_MS'],
    [{ MM_DEFAULT_TTL_MAX_PER_PASS: '-1' }, 'MM_DEFAULT_TTL_MAX_PER_PASS'],
  ])('refuses %j, naming %s', (env, setting) => {
    expect(settingOf(env)).toBe(setting);
  });
});
