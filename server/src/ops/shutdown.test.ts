// SIGTERM on a real MemMouse process: it stops accepting, finishes the request in flight, closes
// subscriptions with 1001, stops its loops and exits 0 within 10 s.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN } from '../../test/harness.js';
import { WsClient } from '../../test/ws-client.js';
import { startRedisServer, type LocalRedis } from '../redis/local-server.js';
import { keys } from '../redis/keys.js';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until<T>(what: string, ms: number, probe: () => Promise<T | null | false>): Promise<T> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    const v = await probe().catch(() => null);
    if (v) return v;
    await sleep(25);
  }
  throw new Error(`${what}: not within ${ms} ms`);
}

let redis: LocalRedis;
let inspect: Redis;
let child: ChildProcess;
let output = '';
let exited: Promise<number | null>;
let base: string;

beforeAll(async () => {
  redis = await startRedisServer(null);
  inspect = new Redis(redis.url);
  child = spawn(process.execPath, ['--import', '@swc-node/register/esm-register', 'server/src/main.ts'], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH,
      PORT: '0',
      HOST: '127.0.0.1',
      REDIS_URL: redis.url,
      MM_ADMIN_TOKEN: ADMIN_TOKEN,
      MM_DEMO_SEED: '0',
      MM_WEB_DIST: '',
      MM_DATA_DIR: mkdtempSync(path.join(tmpdir(), 'mm-shutdown-')),
      MM_USAGE_INTERVAL_MS: '60000', // a background loop that shutdown must stop
      LOG_LEVEL: 'info',
      LOG_FORMAT: 'pretty', // the development format, checked below
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (d) => (output += String(d)));
  child.stderr!.on('data', (d) => (output += String(d)));
  exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
  const port = await until('MemMouse started', 60_000, async () => /running at http:\/\/localhost:(\d+)/.exec(output)?.[1] ?? null);
  base = `http://127.0.0.1:${port}`;
}, 90_000);

afterAll(async () => {
  if (child.exitCode === null) child.kill('SIGKILL');
  await inspect.client('UNPAUSE').catch(() => {});
  inspect.disconnect();
  await redis.stop();
});

describe('SIGTERM', () => {
  it('finishes the request in flight, refuses new connections, closes subscriptions with 1001, and exits 0 within 10 s', async () => {
    expect((await fetch(`${base}/readyz`)).status).toBe(200);
    const post = (query: string) =>
      fetch(`${base}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN_TOKEN}` },
        body: JSON.stringify({ query }),
      });
    expect((await post(`mutation { createProject(input: { slug: "watched", name: "Watched", quotaBytes: 0 }) { id } }`)).status).toBe(200);

    // An open subscription (its feed counted by the metrics once it is set up).
    const ws = await WsClient.open(base);
    ws.subscribe(`subscription { events(projectId: "project:watched") { id } }`);
    await until('the subscription is open', 5000, async () => /^memmouse_subscriptions_active 1$/m.test(await (await fetch(`${base}/metrics`)).text()));

    // Hold writes in Redis so that a mutation is in flight, for certain, when SIGTERM arrives.
    await inspect.client('PAUSE', 20_000, 'WRITE');
    const inFlight = post(`mutation { createProject(input: { slug: "inflight", name: "In flight", quotaBytes: 0 }) { id } }`).then(async (res) => ({
      status: res.status,
      body: (await res.json()) as any,
    }));
    await until('the mutation waits in Redis', 5000, async () => /name=memmouse .*flags=b/.test((await inspect.client('LIST')) as string));

    child.kill('SIGTERM');
    const termAt = Date.now();
    expect((await ws.closedPromise).code).toBe(1001);
    // New connections are refused while the old request is still waiting.
    await until('the listener closed', 5000, async () => fetch(`${base}/healthz`).then(() => false, () => true));
    expect(child.exitCode).toBeNull();

    await inspect.client('UNPAUSE');
    const answer = await inFlight;
    expect(answer).toEqual({ status: 200, body: { data: { createProject: { id: 'project:inflight' } } } });
    expect(await inspect.exists(keys.project('inflight'))).toBe(1);

    const code = await Promise.race([exited, sleep(10_000 - (Date.now() - termAt)).then(() => 'timeout')]);
    expect(code).toBe(0);
    // Readable lines (LOG_FORMAT=pretty), not JSON, down to the last one.
    expect(output).toMatch(/INFO.*: shutting down\n\s+signal: "SIGTERM"/);
    expect(output).toMatch(/INFO.*: stopped/);
    expect(output).not.toMatch(/^\{"level"/m);
  }, 30_000);
});

describe('a port that cannot be listened on', () => {
  it('stops the server with a message naming PORT and a non-zero exit, not a hang', async () => {
    const taken = new URL(redis.url).port; // the test's redis-server holds it
    const failed = spawn(process.execPath, ['--import', '@swc-node/register/esm-register', 'server/src/main.ts'], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH,
        PORT: taken,
        HOST: '127.0.0.1',
        REDIS_URL: redis.url,
        MM_ADMIN_TOKEN: ADMIN_TOKEN,
        MM_DEMO_SEED: '0',
        MM_WEB_DIST: '',
        MM_DATA_DIR: mkdtempSync(path.join(tmpdir(), 'mm-port-')),
        MM_USAGE_INTERVAL_MS: '0',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let said = '';
    failed.stdout!.on('data', (d) => (said += String(d)));
    failed.stderr!.on('data', (d) => (said += String(d)));
    const code = await Promise.race([
      new Promise<number | null>((resolve) => failed.once('exit', (c) => resolve(c))),
      sleep(45_000).then(() => 'still running'),
    ]);
    if (failed.exitCode === null) failed.kill('SIGKILL');
    expect(code).toBe(2);
    expect(said).toMatch(new RegExp(`PORT.*${taken}.*in use`));
    expect(said).not.toMatch(/\n\s+at /); // no stack trace
  }, 60_000);
});
