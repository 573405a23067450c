import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, DEFAULT_REDIS_URL, loadConfig } from './config.js';

function settingOf(env: Record<string, string>): string | null {
  try {
    loadConfig(env, process.cwd());
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
      logFormat: 'json',
      limits: { maxDepth: 10, maxCost: 1000, maxAliases: 15, maxTokens: 2000, maxBodyBytes: 102_400 },
      authFailLimit: 10,
      authFailWindowSeconds: 60,
      trustProxyHops: 0,
      redisCommandTimeoutMs: 1500,
      redisTls: { caFile: null, certFile: null, keyFile: null },
      shutdownGraceMs: 8000,
    });
  });

  it('reads the query limits and the TLS files, resolving paths against the working directory', () => {
    const c = loadConfig({ MM_QUERY_MAX_DEPTH: '12', MM_QUERY_MAX_COST: '5000', MM_QUERY_MAX_ALIASES: '0', MM_MAX_BODY_BYTES: '2048', LOG_FORMAT: 'pretty' }, '/');
    expect(c.limits).toMatchObject({ maxDepth: 12, maxCost: 5000, maxAliases: 0, maxBodyBytes: 2048 });
    expect(c.logFormat).toBe('pretty');
    const tls = loadConfig({ REDIS_URL: 'rediss://r:1', REDIS_TLS_CA_FILE: 'package.json' }, process.cwd()).redisTls;
    expect(tls).toEqual({ caFile: path.resolve('package.json'), certFile: null, keyFile: null });
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
    [{ LOG_FORMAT: 'xml' }, 'LOG_FORMAT'],
    [{ MM_QUERY_MAX_DEPTH: '0' }, 'MM_QUERY_MAX_DEPTH'],
    [{ MM_QUERY_MAX_COST: 'lots' }, 'MM_QUERY_MAX_COST'],
    [{ MM_QUERY_MAX_ALIASES: '-1' }, 'MM_QUERY_MAX_ALIASES'],
    [{ MM_QUERY_MAX_TOKENS: '10' }, 'MM_QUERY_MAX_TOKENS'],
    [{ MM_MAX_BODY_BYTES: '100' }, 'MM_MAX_BODY_BYTES'],
    [{ MM_AUTH_FAIL_LIMIT: '0' }, 'MM_AUTH_FAIL_LIMIT'],
    [{ MM_AUTH_FAIL_WINDOW_SECONDS: '1e3' }, 'MM_AUTH_FAIL_WINDOW_SECONDS'],
    [{ MM_TRUST_PROXY_HOPS: '11' }, 'MM_TRUST_PROXY_HOPS'],
    [{ MM_REDIS_COMMAND_TIMEOUT_MS: '10' }, 'MM_REDIS_COMMAND_TIMEOUT_MS'],
    [{ MM_SHUTDOWN_GRACE_MS: '10000' }, 'MM_SHUTDOWN_GRACE_MS'],
    [{ REDIS_URL: 'rediss://r:1', REDIS_TLS_CA_FILE: '/no/such/ca.pem' }, 'REDIS_TLS_CA_FILE'],
    [{ REDIS_URL: 'rediss://r:1', REDIS_TLS_CERT_FILE: 'package.json' }, 'REDIS_TLS_KEY_FILE'],
    [{ REDIS_URL: 'rediss://r:1', REDIS_TLS_KEY_FILE: 'package.json' }, 'REDIS_TLS_CERT_FILE'],
    [{ REDIS_URL: 'redis://r:1', REDIS_TLS_CA_FILE: 'package.json' }, 'REDIS_TLS_CA_FILE'],
    [{ MM_RECONCILE_INTERVAL_MS: '120000' }, 'MM_RECONCILE_INTERVAL_MS'],
    [{ MM_RECONCILE_INTERVAL_MS: '0' }, 'MM_RECONCILE_INTERVAL_MS'],
    [{ MM_ACL_LOG_INTERVAL_MS: 'often' }, 'MM_ACL_LOG_INTERVAL_MS'],
    [{ MM_DEFAULT_TTL_MAX_PER_PASS: '-1' }, 'MM_DEFAULT_TTL_MAX_PER_PASS'],
  ])('refuses %j, naming %s', (env, setting) => {
    expect(settingOf(env)).toBe(setting);
  });
});
