// Redis outages: a real redis-server (AOF on) stopped and restarted under load, on the same port.
import { createHash } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, startHarness, type Harness } from '../../test/harness.js';
import { makeProject } from '../../test/factories.js';
import { freePort, startRedisServer, type LocalRedis } from '../redis/local-server.js';
import { connectRedis } from '../redis/client.js';
import { createLogger } from '../log.js';
import { keys } from '../redis/keys.js';
import { SCRIPTS } from '../redis/scripts.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls `probe` until it returns true; fails after `ms`. */
async function until(what: string, ms: number, probe: () => Promise<boolean>) {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await probe().catch(() => false)) return;
    await sleep(25);
  }
  throw new Error(`${what}: not within ${ms} ms`);
}

/** Commands a Redis server has run, by name (INFO commandstats). */
async function calls(r: Redis, command: string): Promise<number> {
  const m = new RegExp(`^cmdstat_${command}:calls=(\\d+)`, 'm').exec(await r.info('commandstats'));
  return m ? Number(m[1]) : 0;
}

let port: number;
let dir: string;
let server: LocalRedis;
const startServer = () => startRedisServer(dir, ['--appendfsync', 'always'], port);

beforeAll(async () => {
  port = await freePort();
  dir = mkdtempSync(path.join(tmpdir(), 'mm-outage-'));
  server = await startServer();
});
afterAll(() => server.stop());

describe('a connection that drops', () => {
  it('fails the command in flight at once and never sends it again after the reconnect', async () => {
    // BLMOVE is a write that blocks: it is in flight when Redis goes away.
    const client = await connectRedis(server.url, 'inflight', { commandTimeout: 60_000 });
    const probe = new Redis(server.url);
    probe.on('error', () => {});
    try {
      const src = 'mm:test:src';
      const dst = 'mm:test:dst';
      const moved = client.blmove(src, dst, 'LEFT', 'LEFT', 0).then(
        () => 'resolved',
        (err: Error) => err.message,
      );
      await until('BLMOVE blocked on the server', 2000, async () => /blocked_clients:[1-9]/.test(await probe.info('clients')));
      await server.stop('SIGKILL');
      const stoppedAt = Date.now();
      expect(await moved).toMatch(/Connection is closed/);
      expect(Date.now() - stoppedAt).toBeLessThan(2000);

      server = await startServer();
      await until('the client reconnected', 10_000, async () => (await client.ping()) === 'PONG');
      await probe.lpush(src, 'x');
      await client.ping(); // anything re-sent would have run before this answer
      expect(await probe.lrange(src, 0, -1)).toEqual(['x']);
      expect(await probe.exists(dst)).toBe(0);
      await probe.del(src);
    } finally {
      client.disconnect();
      probe.disconnect();
    }
  });
});

describe('MemMouse through a Redis restart', () => {
  let h: Harness;
  const logLines: Record<string, unknown>[] = [];
  beforeAll(async () => {
    const capture = new Writable({
      write(chunk, _enc, done) {
        for (const line of String(chunk).split('\n').filter(Boolean)) logLines.push(JSON.parse(line));
        done();
      },
    });
    h = await startHarness({ redisUrl: server.url, log: createLogger('info', { destination: capture }) });
  });
  afterAll(() => h.close());

  const readyz = async () => (await fetch(`${h.url}/readyz`)).status;

  it('reloads scripts that Redis forgot (SCRIPT FLUSH): on /readyz, and on the next write by itself', async () => {
    await makeProject(h, { slug: 'before-flush' });
    await h.redis.script('FLUSH');
    expect(await readyz()).toBe(200);
    const body = (await (await fetch(`${h.url}/readyz`)).json()) as { checks: Record<string, string> };
    expect(body.checks).toEqual({ redis: 'ok', scripts: 'loaded', dataRedis: 'ok' });
    const shas = Object.values(SCRIPTS).map((x) => createHash('sha1').update(x.lua).digest('hex'));
    expect(await h.redis.script('EXISTS', ...shas)).toEqual(shas.map(() => 1));

    await h.redis.script('FLUSH');
    const evals = await calls(h.redis, 'eval');
    await makeProject(h, { slug: 'after-flush' }); // EVALSHA answers NOSCRIPT; ioredis falls back to EVAL
    expect(await calls(h.redis, 'eval')).toBe(evals + 1);
  });

  it('drops a connection whose command timed out: a write told UNAVAILABLE does not run when Redis catches up', async () => {
    // CLIENT PAUSE WRITE stands in for a Redis that stopped answering (a partition, an overload).
    await h.redis.client('PAUSE', 2500, 'WRITE');
    const sentAt = Date.now();
    const stuck = await h.gql(`mutation { createProject(input: { slug: "stuck", name: "Stuck", quotaBytes: 0 }) { id } }`);
    expect(stuck.errors?.[0]?.extensions?.code).toBe('UNAVAILABLE');
    expect(Date.now() - sentAt).toBeLessThan(2000);
    await until('writes work again', 10_000, async () => {
      const r = await h.gql(`mutation { createProject(input: { slug: "after-pause", name: "After", quotaBytes: 0 }) { id } }`);
      return !r.errors || r.errors[0]?.extensions?.code === 'ALREADY_EXISTS';
    });
    expect(await h.redis.exists(keys.project('after-pause'))).toBe(1);
    expect(await h.redis.exists(keys.project('stuck'))).toBe(0);
  });

  it('refuses a write that reaches Redis after its caller was told UNAVAILABLE (Redis hung, then resumed)', async () => {
    // A stopped process leaves the command and the connection's close unread in its socket: when it
    // resumes it reads both and would run the command, so the script itself must refuse it.
    const pid = Number(/process_id:(\d+)/.exec(await h.redis.info('server'))![1]);
    process.kill(pid, 'SIGSTOP');
    let elapsed: number;
    let frozen;
    try {
      const sentAt = Date.now();
      frozen = await h.gql(`mutation { createProject(input: { slug: "frozen", name: "Frozen", quotaBytes: 0 }) { id } }`);
      elapsed = Date.now() - sentAt;
    } finally {
      process.kill(pid, 'SIGCONT');
    }
    expect(frozen.errors?.[0]?.extensions?.code).toBe('UNAVAILABLE');
    expect(elapsed).toBeLessThan(2000);
    await until('writes work again', 10_000, async () => {
      const r = await h.gql(`mutation { createProject(input: { slug: "after-freeze", name: "After", quotaBytes: 0 }) { id } }`);
      return !r.errors || r.errors[0]?.extensions?.code === 'ALREADY_EXISTS';
    });
    expect(await h.redis.exists(keys.project('frozen'))).toBe(0);
  });

  it('fails fast with UNAVAILABLE while Redis is down, applies no failed write later, and recovers by itself', async () => {
    interface Outcome { kind: 'read' | 'write'; slug?: string; sentAt: number; answeredAt: number; status: number; code: string | null }
    const outcomes: Outcome[] = [];
    let running = true;
    let seq = 0;
    const post = async (kind: Outcome['kind']) => {
      const slug = kind === 'write' ? `load-${++seq}` : undefined;
      const query = slug
        ? `mutation { createProject(input: { slug: "${slug}", name: "Load", quotaBytes: 0 }) { id } }`
        : `{ projects(first: 5) { totalCount edges { node { id } } } }`;
      const sentAt = Date.now();
      const res = await fetch(`${h.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN_TOKEN}` },
        body: JSON.stringify({ query }),
      });
      const body = (await res.json()) as { errors?: { extensions?: { code?: string } }[] };
      outcomes.push({ kind, slug, sentAt, answeredAt: Date.now(), status: res.status, code: body.errors?.[0]?.extensions?.code ?? null });
    };
    const worker = async (kind: Outcome['kind']) => {
      while (running) await post(kind);
    };
    const load = [worker('read'), worker('read'), worker('write'), worker('write')];
    const answered = (pred: (o: Outcome) => boolean) => outcomes.filter(pred).length;
    const said = (msg: string) => logLines.filter((l) => l.redis === 'control' && String(l.msg).startsWith(msg)).length;
    const [lostBefore, restoredBefore] = [said('Redis connection lost'), said('Redis connection restored')];

    try {
      await until('load runs', 10_000, async () => answered((o) => o.code === null) >= 20);
      await server.stop('SIGKILL'); // a crash: no goodbye to the clients (AOF fsync always keeps what was acknowledged)
      const downAt = Date.now();
      await until('readyz turns 503', 2000, async () => (await readyz()) === 503);
      await until('requests fail while Redis is down', 10_000, async () => answered((o) => o.sentAt > downAt && o.code !== null) >= 40);

      server = await startServer();
      const upAt = Date.now();
      await until('readyz turns 200 again', 10_000, async () => (await readyz()) === 200);
      await until('writes succeed again', 10_000, async () => answered((o) => o.sentAt > upAt && o.kind === 'write' && o.code === null) >= 5);
    } finally {
      running = false;
      await Promise.all(load);
    }

    // Every error is UNAVAILABLE (503), answered within 2 s of the request.
    const failed = outcomes.filter((o) => o.code !== null);
    expect(failed.length).toBeGreaterThanOrEqual(40);
    for (const o of failed) {
      expect(o).toMatchObject({ code: 'UNAVAILABLE', status: 503 });
      expect(o.answeredAt - o.sentAt).toBeLessThan(2000);
    }

    // Every write that succeeded is there; a write that failed is absent, or was applied before
    // its error was answered (Redis ran it and died before replying), never afterwards: the time
    // in its event's stream ID (Redis's clock, this machine's) is not later than the answer.
    let failedAbsent = 0;
    for (const o of outcomes.filter((x) => x.kind === 'write')) {
      const exists = (await h.redis.exists(keys.project(o.slug!))) === 1;
      if (o.code === null) {
        expect(exists, `${o.slug} succeeded`).toBe(true);
      } else if (!exists) {
        failedAbsent++;
      } else {
        const [[id]] = (await h.redis.xrange(keys.events(o.slug!), '-', '+', 'COUNT', 1)) as [string, string[]][];
        expect(Number(id!.split('-')[0]), `${o.slug} applied after its error`).toBeLessThanOrEqual(o.answeredAt);
      }
    }
    expect(failedAbsent).toBeGreaterThan(0);

    // The restarted Redis had no scripts: writes after the restart loaded them again.
    expect(await calls(h.redis, 'eval')).toBeGreaterThan(0);
    // The log says when the connection went and came back, once each.
    expect(said('Redis connection lost') - lostBefore).toBe(1);
    expect(said('Redis connection restored') - restoredBefore).toBe(1);

    const metrics = await (await fetch(`${h.url}/metrics`)).text();
    expect(metrics).toMatch(/memmouse_graphql_errors_total\{code="UNAVAILABLE"\} [1-9]/);
  });
});

describe('isRedisUnavailable', () => {
  it('recognises every way ioredis reports a lost connection, and nothing else', async () => {
    const { isRedisUnavailable } = await import('../errors.js');
    const lost = [
      'Connection is closed.',
      "Stream isn't writeable and enableOfflineQueue options is false",
      'Reached the max retries per request limit (which is 1). Refer to "maxRetriesPerRequest" option for details.',
      'Command aborted due to connection close',
      'Command timed out',
      'LOADING Redis is loading the dataset in memory',
    ];
    for (const m of lost) expect(isRedisUnavailable(new Error(m)), m).toBe(true);
    expect(isRedisUnavailable(new Error('WRONGTYPE Operation against a key holding the wrong kind of value'))).toBe(false);
  });
});
