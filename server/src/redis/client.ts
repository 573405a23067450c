// ioredis clients for MemMouse's own state (control) and the tenants' data Redis.
import { Redis, type RedisOptions } from 'ioredis';
import { defineScripts, type ScriptedRedis } from './scripts.js';

export type ControlRedis = ScriptedRedis;

const baseOptions: RedisOptions = {
  // Fail fast instead of queueing: a write that errored must never be applied later.
  enableOfflineQueue: false,
  maxRetriesPerRequest: 1,
  connectTimeout: 2000,
  commandTimeout: 5000,
  lazyConnect: true,
  retryStrategy: (attempt) => Math.min(100 * 2 ** attempt, 2000),
};

export async function connectRedis(url: string, name: string, extra: RedisOptions = {}): Promise<Redis> {
  const client = new Redis(url, { ...baseOptions, connectionName: name, ...extra });
  // ioredis emits 'error' on every failed reconnect; without a listener Node would crash.
  client.on('error', () => {});
  await client.connect();
  return client;
}

export async function connectControl(url: string, name = 'memmouse'): Promise<ControlRedis> {
  return defineScripts(await connectRedis(url, name));
}
