// Environment -> typed, validated config, read once at start-up.
import path from 'node:path';

export interface Config {
  port: number;
  host: string;
  redisUrl: string;
  /** True when REDIS_URL was not set: main may start a private redis-server. */
  redisUrlDefaulted: boolean;
  dataRedisUrl: string;
  /** True when DATA_REDIS_URL was not set: it follows REDIS_URL. */
  dataRedisUrlDefaulted: boolean;
  /** What agents are told to connect to; null = derive from dataRedisUrl. */
  dataRedisPublicUrl: string | null;
  adminToken: string | null;
  demoSeed: boolean;
  eventsMaxLen: number;
  usageIntervalMs: number;
  /** How often the enforcer compares the data Redis's ACL users with the desired state (ms). */
  reconcileIntervalMs: number;
  /** How often the enforcer reads the data Redis's ACL LOG for denials (ms; 0 = never). */
  aclLogIntervalMs: number;
  /** At most this many keys get the namespace's default TTL per collector pass. */
  defaultTtlMaxPerPass: number;
  dataDir: string;
  webDist: string | null;
  logLevel: string;
}

export class ConfigError extends Error {
  constructor(
    readonly setting: string,
    message: string,
  ) {
    super(`${setting}: ${message}`);
  }
}

type Env = Record<string, string | undefined>;

function int(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw)) throw new ConfigError(name, `must be a whole number, got "${raw}"`);
  const n = Number(raw);
  if (n < min || n > max) throw new ConfigError(name, `must be between ${min} and ${max}, got ${n}`);
  return n;
}

function redisUrl(name: string, raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(name, 'must be a URL like redis://127.0.0.1:6379');
  }
  if (url.protocol !== 'redis:' && url.protocol !== 'rediss:') {
    throw new ConfigError(name, `must start with redis:// or rediss://, got ${url.protocol}//`);
  }
  return raw;
}

function flag(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (raw === '1' || raw === 'true') return true;
  if (raw === '0' || raw === 'false') return false;
  throw new ConfigError(name, `must be 1 or 0, got "${raw}"`);
}

export const DEFAULT_REDIS_URL = 'redis://127.0.0.1:6379';

export function loadConfig(env: Env = process.env, cwd = process.cwd()): Config {
  const redis = env.REDIS_URL ? redisUrl('REDIS_URL', env.REDIS_URL) : DEFAULT_REDIS_URL;
  const data = env.DATA_REDIS_URL ? redisUrl('DATA_REDIS_URL', env.DATA_REDIS_URL) : redis;
  const publicUrl = env.DATA_REDIS_PUBLIC_URL
    ? redisUrl('DATA_REDIS_PUBLIC_URL', env.DATA_REDIS_PUBLIC_URL)
    : null;
  const adminToken = env.MM_ADMIN_TOKEN || null;
  if (adminToken !== null && adminToken.length < 24) {
    throw new ConfigError('MM_ADMIN_TOKEN', 'must be at least 24 characters (use a long random string)');
  }
  const level = env.LOG_LEVEL || 'info';
  if (!['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].includes(level)) {
    throw new ConfigError('LOG_LEVEL', `must be one of fatal, error, warn, info, debug, trace, silent`);
  }
  return {
    port: int(env, 'PORT', 4000, 0, 65535),
    host: env.HOST || '0.0.0.0',
    redisUrl: redis,
    redisUrlDefaulted: !env.REDIS_URL,
    dataRedisUrl: data,
    dataRedisUrlDefaulted: !env.DATA_REDIS_URL,
    dataRedisPublicUrl: publicUrl,
    adminToken,
    demoSeed: flag(env, 'MM_DEMO_SEED', true),
    eventsMaxLen: int(env, 'MM_EVENTS_MAXLEN', 100_000, 10, 100_000_000),
    usageIntervalMs: int(env, 'MM_USAGE_INTERVAL_MS', 30_000, 0, 86_400_000),
    reconcileIntervalMs: int(env, 'MM_RECONCILE_INTERVAL_MS', 30_000, 100, 60_000),
    aclLogIntervalMs: int(env, 'MM_ACL_LOG_INTERVAL_MS', 5_000, 0, 60_000),
    defaultTtlMaxPerPass: int(env, 'MM_DEFAULT_TTL_MAX_PER_PASS', 10_000, 0, 10_000_000),
    dataDir: path.resolve(cwd, env.MM_DATA_DIR || '.memmouse'),
    webDist: env.MM_WEB_DIST === '' ? null : path.resolve(cwd, env.MM_WEB_DIST || 'web/dist'),
    logLevel: level,
  };
}
