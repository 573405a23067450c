// When no Redis answers at the default URL, start a private redis-server (AOF on, data under the
// data folder) so that `npm start` works on a machine that merely has redis-server installed.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { Redis, type RedisOptions } from 'ioredis';
import { ConfigError, type Config } from '../config.js';
import { redisOptions } from './client.js';

async function answers(url: string, extra: RedisOptions = {}): Promise<boolean> {
  const client = new Redis(url, { ...extra, lazyConnect: true, connectTimeout: 1000, maxRetriesPerRequest: 0, retryStrategy: () => null });
  client.on('error', () => {});
  try {
    await client.connect();
    await client.ping();
    return true;
  } catch {
    return false;
  } finally {
    client.disconnect();
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

export interface LocalRedis {
  url: string;
  /** SIGTERM by default; SIGKILL to simulate a crash. */
  stop(signal?: NodeJS.Signals): Promise<void>;
}

/** Starts redis-server on a free port (or `port`); resolves once it answers PING. */
export async function startRedisServer(dir: string | null, extraArgs: string[] = [], port?: number): Promise<LocalRedis> {
  port ??= await freePort();
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--daemonize', 'no', '--loglevel', 'warning'];
  if (dir) {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    args.push('--dir', dir, '--appendonly', 'yes');
  } else {
    args.push('--appendonly', 'no');
  }
  const child: ChildProcess = spawn('redis-server', [...args, ...extraArgs], { stdio: ['ignore', 'ignore', 'inherit'] });
  const url = `redis://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    if (child.exitCode !== null) throw new Error(`redis-server exited with code ${child.exitCode}`);
    if (await answers(url)) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    url,
    stop: (signal: NodeJS.Signals = 'SIGTERM') =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill(signal);
      }),
  };
}

const hasRedisServer = () => spawnSync('redis-server', ['--version'], { stdio: 'ignore' }).status === 0;

/** Returns the config to run with, and a private Redis to stop on exit (or null). */
export async function ensureRedis(config: Config): Promise<{ config: Config; local: LocalRedis | null }> {
  if (await answers(config.redisUrl, redisOptions(config, config.redisUrl))) return { config, local: null };
  if (!config.redisUrlDefaulted) {
    throw new ConfigError('REDIS_URL', `nothing answers at ${config.redisUrl.replace(/\/\/[^@]*@/, '//***@')}`);
  }
  if (!hasRedisServer()) {
    throw new ConfigError(
      'REDIS_URL',
      `no Redis answers at ${config.redisUrl} and redis-server is not installed. Start Redis (e.g. \`apt-get install redis-server\`, or \`docker compose up redis\`) or set REDIS_URL`,
    );
  }
  const local = await startRedisServer(path.join(config.dataDir, 'redis'));
  const dataRedisUrl = config.dataRedisUrlDefaulted ? local.url : config.dataRedisUrl;
  return { config: { ...config, redisUrl: local.url, dataRedisUrl }, local };
}
