// ioredis clients for MemMouse's own state (control) and the tenants' data Redis.
import { readFileSync } from 'node:fs';
import { Redis, type RedisOptions } from 'ioredis';
import type { Config } from '../config.js';
import { defineScripts, type ScriptedRedis } from './scripts.js';

export type ControlRedis = ScriptedRedis;

const baseOptions: RedisOptions = {
  // Fail fast instead of queueing: a write that errored must never be applied later.
  enableOfflineQueue: false,
  // Commands in flight when a connection drops fail with it instead of being re-sent after the
  // reconnect: the caller was (or will be) told the write failed, so it must not happen behind it.
  autoResendUnfulfilledCommands: false,
  maxRetriesPerRequest: 1,
  connectTimeout: 2000,
  commandTimeout: 5000,
  lazyConnect: true,
  // Keep trying forever (a Redis restart must not need a MemMouse restart), at most every 2 s.
  retryStrategy: (attempt) => Math.min(100 * 2 ** attempt, 2000),
};

/**
 * Options every connection MemMouse makes should carry: the command timeout and, for rediss://
 * URLs, the CA and client certificate settings. Username and password come from the URL itself.
 */
export function redisOptions(config: Pick<Config, 'redisCommandTimeoutMs' | 'redisTls'>, url: string): RedisOptions {
  const { caFile, certFile, keyFile } = config.redisTls;
  const options: RedisOptions = { commandTimeout: config.redisCommandTimeoutMs };
  if (url.startsWith('rediss:')) {
    options.tls = {
      ...(caFile ? { ca: readFileSync(caFile) } : {}),
      ...(certFile ? { cert: readFileSync(certFile) } : {}),
      ...(keyFile ? { key: readFileSync(keyFile) } : {}),
    };
  }
  return options;
}

export async function connectRedis(url: string, name: string, extra: RedisOptions = {}): Promise<Redis> {
  const client = new Redis(url, { ...baseOptions, connectionName: name, ...extra });
  // ioredis emits 'error' on every failed reconnect; without a listener Node would crash.
  client.on('error', () => {});
  try {
    await client.connect();
  } catch (err) {
    client.disconnect(); // or it keeps reconnecting behind a start-up that failed
    throw err;
  }
  return client;
}

export async function connectControl(url: string, name = 'memmouse', extra: RedisOptions = {}): Promise<ControlRedis> {
  return defineScripts(await connectRedis(url, name, extra));
}
