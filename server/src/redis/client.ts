// ioredis clients for MemMouse's own state (control) and the tenants' data Redis.
import { readFileSync } from 'node:fs';
import { Redis, type RedisOptions } from 'ioredis';
import type { Config } from '../config.js';
import { defineScripts, type ScriptedRedis } from './scripts.js';

export type ControlRedis = ScriptedRedis;

const baseOptions: RedisOptions = {
  // Fail fast instead of queueing: a write that errored must never be applied later.
  enableOfflineQueue: false,
  // Commands in flight when a connection drops are not re-sent after the reconnect (see failInFlight).
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

/**
 * Rejects the commands in flight on a connection that just closed. ioredis would otherwise either
 * re-send them after the reconnect (autoResendUnfulfilledCommands: a write applied after its caller
 * may have given up, or twice) or, with that off, leave them pending until commandTimeout. Failing
 * them at once answers UNAVAILABLE now, and nothing is sent again behind the caller's back.
 * flushQueue is internal to ioredis (pinned ~5.11); the outage tests fail if it changes.
 */
function failInFlight(client: Redis): void {
  (client as unknown as { flushQueue(err: Error, opts: { offlineQueue: boolean }): void }).flushQueue(
    new Error('Connection is closed.'),
    { offlineQueue: false },
  );
}

/**
 * A command that timed out means its connection is stuck (a partition, a paused or overloaded
 * Redis). ioredis only rejects the promise: the command stays in the socket, and a write told
 * UNAVAILABLE would still run when Redis catches up. Dropping the connection discards it (Redis
 * frees a closed client's pending commands), fails the commands behind it now instead of each
 * after its own timeout, and makes new ones fail fast until a fresh connection is ready.
 */
function dropOnTimeout(client: Redis): void {
  const send = client.sendCommand.bind(client);
  client.sendCommand = ((command, stream) => {
    const result = send(command, stream);
    command.promise.catch((err: Error) => {
      if (err.message === 'Command timed out' && client.status === 'ready') client.disconnect(true);
    });
    return result;
  }) as Redis['sendCommand'];
}

/** Redis's clock minus ours (ms), per connection, measured at each (re)connect. */
const clockOffsets = new WeakMap<Redis, number>();

async function measureClock(client: Redis): Promise<void> {
  const before = Date.now();
  const [seconds, micros] = await client.time();
  clockOffsets.set(client, Number(seconds) * 1000 + Math.floor(Number(micros) / 1000) - (before + Date.now()) / 2);
}

/**
 * The latest time, on Redis's own clock (ms), at which a write sent now may still run; null when
 * the connection has no command timeout. Closing a timed-out connection does not stop a command
 * that Redis has yet to read (a stopped or stalled process reads it, then the close), so scripts
 * that write refuse to run after this. A margin keeps the reply's way back inside the timeout.
 */
export function writeDeadline(client: Redis): number | null {
  const timeout = client.options.commandTimeout;
  if (!timeout) return null;
  return Math.floor(Date.now() + (clockOffsets.get(client) ?? 0) + timeout - Math.min(250, timeout / 4));
}

export async function connectRedis(url: string, name: string, extra: RedisOptions = {}): Promise<Redis> {
  const client = new Redis(url, { ...baseOptions, connectionName: name, ...extra });
  // ioredis emits 'error' on every failed reconnect; without a listener Node would crash.
  client.on('error', () => {});
  let lastError: Error | null = null;
  const remember = (err: Error) => (lastError = err);
  client.on('error', remember);
  client.on('close', () => failInFlight(client));
  dropOnTimeout(client);
  try {
    await client.connect();
  } catch (err) {
    client.disconnect(); // or it keeps reconnecting behind a start-up that failed
    // connect() says only "Connection is closed."; the error event said why (WRONGPASS, a TLS
    // certificate problem). Neither carries the password.
    throw lastError ?? err;
  } finally {
    client.off('error', remember);
  }
  await measureClock(client).catch(() => {});
  client.on('ready', () => void measureClock(client).catch(() => {}));
  return client;
}

export async function connectControl(url: string, name = 'memmouse', extra: RedisOptions = {}): Promise<ControlRedis> {
  return defineScripts(await connectRedis(url, name, extra));
}
