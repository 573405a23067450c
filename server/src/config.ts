// Environment -> typed, validated config, read once at start-up.
import { accessSync, constants } from 'node:fs';
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
  /** json: one JSON object per line; pretty: readable lines for development. */
  logFormat: 'json' | 'pretty';
  /** Query limits, applied on HTTP and WebSocket alike (ops/limits.ts). */
  limits: { maxDepth: number; maxCost: number; maxAliases: number; maxTokens: number; maxBodyBytes: number };
  /** Failed authentications allowed per client address and per token within the window. */
  authFailLimit: number;
  authFailWindowSeconds: number;
  /** Proxy hops in front of MemMouse whose X-Forwarded-For is believed (0: none). */
  trustProxyHops: number;
  /** A Redis command that has not answered by then fails (requests fail fast in an outage). */
  redisCommandTimeoutMs: number;
  /** Files for rediss:// connections MemMouse makes (null: system CAs, no client certificate). */
  redisTls: { caFile: string | null; certFile: string | null; keyFile: string | null };
  /** How long shutdown waits for in-flight requests before closing their connections. */
  shutdownGraceMs: number;
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

function readableFile(env: Env, name: string, cwd: string): string | null {
  const raw = env[name];
  if (raw === undefined || raw === '') return null;
  const file = path.resolve(cwd, raw);
  try {
    accessSync(file, constants.R_OK);
  } catch {
    throw new ConfigError(name, `cannot read the file ${raw}`);
  }
  return file;
}

function redisTls(env: Env, cwd: string, urls: string[]): Config['redisTls'] {
  const tls = {
    caFile: readableFile(env, 'REDIS_TLS_CA_FILE', cwd),
    certFile: readableFile(env, 'REDIS_TLS_CERT_FILE', cwd),
    keyFile: readableFile(env, 'REDIS_TLS_KEY_FILE', cwd),
  };
  if (tls.certFile && !tls.keyFile) throw new ConfigError('REDIS_TLS_KEY_FILE', 'is needed with REDIS_TLS_CERT_FILE');
  if (tls.keyFile && !tls.certFile) throw new ConfigError('REDIS_TLS_CERT_FILE', 'is needed with REDIS_TLS_KEY_FILE');
  const given = Object.entries({ REDIS_TLS_CA_FILE: tls.caFile, REDIS_TLS_CERT_FILE: tls.certFile }).find(([, v]) => v);
  if (given && !urls.some((u) => u.startsWith('rediss:'))) {
    throw new ConfigError(given[0], 'is set, but no Redis URL uses rediss:// (TLS)');
  }
  return tls;
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
  const logFormat = env.LOG_FORMAT || 'json';
  if (logFormat !== 'json' && logFormat !== 'pretty') throw new ConfigError('LOG_FORMAT', `must be json or pretty, got "${logFormat}"`);
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
    logFormat,
    limits: {
      maxDepth: int(env, 'MM_QUERY_MAX_DEPTH', 10, 1, 1000),
      maxCost: int(env, 'MM_QUERY_MAX_COST', 1000, 1, 1_000_000_000),
      maxAliases: int(env, 'MM_QUERY_MAX_ALIASES', 15, 0, 10_000),
      maxTokens: int(env, 'MM_QUERY_MAX_TOKENS', 2000, 100, 1_000_000),
      maxBodyBytes: int(env, 'MM_MAX_BODY_BYTES', 102_400, 1024, 100 * 1024 * 1024),
    },
    authFailLimit: int(env, 'MM_AUTH_FAIL_LIMIT', 10, 1, 1_000_000),
    authFailWindowSeconds: int(env, 'MM_AUTH_FAIL_WINDOW_SECONDS', 60, 1, 86_400),
    trustProxyHops: int(env, 'MM_TRUST_PROXY_HOPS', 0, 0, 10),
    redisCommandTimeoutMs: int(env, 'MM_REDIS_COMMAND_TIMEOUT_MS', 1500, 100, 60_000),
    redisTls: redisTls(env, cwd, [redis, data]),
    // Below main's 10 s hard stop, so that a stuck request cannot hold the exit past it.
    shutdownGraceMs: int(env, 'MM_SHUTDOWN_GRACE_MS', 8000, 0, 9000),
  };
}
