// A real MemMouse on a real, private redis-server (started on a free port for each test file).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { Redis } from 'ioredis';
import { loadConfig, type Config } from '../src/config.js';
import { createApp, type App } from '../src/app.js';
import { startRedisServer, type LocalRedis } from '../src/redis/local-server.js';
import type { Logger } from 'pino';
import { createLogger } from '../src/log.js';

export const ADMIN_TOKEN = 'test-admin-token-0123456789abcdef';

export interface GqlResult<T = any> {
  status: number;
  data: T | null | undefined;
  errors: { message: string; path?: string[]; extensions?: Record<string, any> }[] | undefined;
  headers: Headers;
}

export interface Harness {
  url: string;
  app: App;
  config: Config;
  /** A plain client on the control Redis, for inspecting what was written. */
  redis: Redis;
  /** A plain client on the data Redis (the same server unless separateData). */
  data: Redis;
  gql<T = any>(query: string, variables?: Record<string, unknown>, token?: string | null): Promise<GqlResult<T>>;
  /** Like gql, but fails the test on any error and returns data. */
  ok<T = any>(query: string, variables?: Record<string, unknown>, token?: string | null): Promise<T>;
  close(): Promise<void>;
}

export async function startHarness(
  /** redisUrl: use this control Redis (the caller starts and stops it) instead of a private one. */
  opts: { separateData?: boolean; env?: Record<string, string>; log?: Logger; redisUrl?: string } = {},
): Promise<Harness> {
  const control: LocalRedis = opts.redisUrl ? { url: opts.redisUrl, stop: async () => {} } : await startRedisServer(null);
  const dataServer: LocalRedis | null = opts.separateData ? await startRedisServer(null) : null;
  const config = loadConfig({
    REDIS_URL: control.url,
    DATA_REDIS_URL: (dataServer ?? control).url,
    MM_ADMIN_TOKEN: ADMIN_TOKEN,
    MM_DEMO_SEED: '0',
    MM_USAGE_INTERVAL_MS: '0',
    MM_DATA_DIR: mkdtempSync(path.join(tmpdir(), 'mm-test-')),
    MM_WEB_DIST: '',
    LOG_LEVEL: 'silent',
    // Every test request comes from 127.0.0.1: only the throttling tests want a small budget.
    MM_AUTH_FAIL_LIMIT: '100000',
    ...opts.env,
  });
  const app = await createApp(config, { log: opts.log ?? createLogger('silent') });
  await new Promise<void>((resolve) => app.httpServer.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(app.httpServer.address() as AddressInfo).port}`;
  const redis = new Redis(control.url);
  const data = new Redis((dataServer ?? control).url);
  for (const c of [redis, data]) c.on('error', () => {}); // the outage tests stop Redis under them

  const gql = async (query: string, variables: Record<string, unknown> = {}, token: string | null = ADMIN_TOKEN) => {
    const res = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as { data?: unknown; errors?: GqlResult['errors'] };
    return { status: res.status, data: body.data as any, errors: body.errors, headers: res.headers };
  };
  return {
    url,
    app,
    config,
    redis,
    data,
    gql,
    async ok(query, variables, token) {
      const r = await gql(query, variables, token);
      if (r.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(r.errors)}`);
      return r.data;
    },
    async close() {
      await app.stop();
      redis.disconnect();
      data.disconnect();
      await control.stop();
      await dataServer?.stop();
    },
  };
}

/** Every key on a Redis (tests only: fine on a private server). */
export async function allKeys(r: Redis): Promise<string[]> {
  return (await r.keys('*')).sort();
}

/** A snapshot of everything MemMouse stores, to prove that a failed mutation wrote nothing. */
export async function snapshot(r: Redis): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const key of await allKeys(r)) {
    const dump = await r.dumpBuffer(key);
    out[key] = dump ? dump.toString('base64') : '';
  }
  return out;
}

/** Total commands the server has executed (INFO commandstats), minus the INFO calls themselves. */
export async function commandCount(r: Redis): Promise<number> {
  const info = await r.info('commandstats');
  let total = 0;
  for (const m of info.matchAll(/^cmdstat_([^:]+):calls=(\d+)/gm)) {
    if (m[1] !== 'info') total += Number(m[2]);
  }
  return total;
}
