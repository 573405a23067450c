// The feed's resources: tail loops, shared execution, slow consumers, token expiry and shutdown.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, startHarness, type Harness } from '../../test/harness.js';
import { makeNamespace, makeProject, makeService } from '../../test/factories.js';
import { eventually, startReplica, WsClient } from '../../test/ws-client.js';
import { executionStats } from './ws.js';
import type { App } from '../app.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

const SUB = `subscription($p: ID!, $t: [EventType!]) { events(projectId: $p, types: $t) { id type } }`;

/** A new project and a socket on `app` with one subscription to it, live. */
async function watching(app: { url: string; app: App } = { url: h.url, app: h.app }, doc = SUB) {
  const p = await makeProject(h);
  const c = await WsClient.open(app.url);
  const id = c.subscribe(doc, { p: p.id });
  await eventually(() => app.app.deps.events.live === 1, 5_000, 'the subscription to go live');
  return { p, c, id };
}

async function redisClients(): Promise<number> {
  return String(await h.redis.client('LIST')).trim().split('\n').length;
}

async function cmdCalls(cmd: string): Promise<number> {
  const m = new RegExp(`^cmdstat_${cmd}:calls=(\\d+)`, 'm').exec(await h.redis.info('commandstats'));
  return m ? Number(m[1]) : 0;
}

/** Appends an event the way the commit script does (XADD MAXLEN ~), for tests that need many or big ones. */
async function append(project: string, type: string, data: Record<string, unknown>) {
  const body = { at: new Date().toISOString(), actor: { kind: 'SYSTEM', id: 'test' }, projectId: `project:${project}`, namespaceId: null, serviceId: null, bindingId: null, before: null, after: null, requestId: null, ...data };
  return h.redis.xadd(`mm:{${project}}:events`, 'MAXLEN', '~', 100000, '*', 'type', type, 'data', JSON.stringify(body));
}

describe('tail loops', () => {
  it('share one loop per stream, stop with the last subscriber, and leak nothing over 1,000 abrupt disconnects', async () => {
    const events = h.app.deps.events;
    const [p1, p2] = [await makeProject(h), await makeProject(h)];
    const start = { subscribers: events.subscribers, tails: events.tails.size, live: events.live, sockets: h.app.ws.sockets, clients: await redisClients() };
    expect(start).toMatchObject({ subscribers: 0, tails: 0, live: 0 });

    // Three subscribers on two projects: two loops, two extra Redis connections.
    const c = await WsClient.open(h.url);
    const ids = [c.subscribe(SUB, { p: p1.id }), c.subscribe(SUB, { p: p1.id }), c.subscribe(SUB, { p: p2.id })];
    await eventually(() => events.live === 3, 5_000, 'three live feeds');
    expect(events.tails.size).toBe(2);
    expect(await redisClients()).toBe(start.clients + 2);
    c.send({ id: ids[0], type: 'complete' });
    await eventually(() => events.live === 2);
    expect(events.tails.size).toBe(2);
    c.send({ id: ids[2], type: 'complete' });
    await eventually(() => events.tails.size === 1, 5_000, 'p2 loop to stop');
    c.kill();
    await eventually(() => events.tails.size === 0, 5_000, 'p1 loop to stop');

    // 1,000 connect / subscribe / abrupt-disconnect cycles, 50 at a time, cut at varying points.
    let sawLoop = 0;
    for (let batch = 0; batch < 20; batch++) {
      await Promise.all(
        Array.from({ length: 50 }, async (_, i) => {
          const w = await WsClient.open(h.url);
          w.subscribe(SUB, { p: i % 2 ? p1.id : p2.id });
          if (i % 3) await new Promise((r) => setTimeout(r, i % 7));
          sawLoop = Math.max(sawLoop, events.tails.size);
          w.kill();
          await w.closedPromise;
        }),
      );
    }
    expect(sawLoop).toBeGreaterThan(0);
    await eventually(
      async () => events.subscribers === 0 && events.tails.size === 0 && h.app.ws.sockets === start.sockets && (await redisClients()) === start.clients,
      10_000,
      'every resource to be released',
    );
    expect({ subscribers: events.subscribers, tails: events.tails.size, live: events.live, sockets: h.app.ws.sockets, clients: await redisClients() }).toEqual(start);
  });
});

describe('a dropped tail connection', () => {
  it('reconnects and resumes from its position: no gap, no duplicate', async () => {
    const { p, c, id } = await watching();
    const rename = (n: string) => h.ok(`mutation($id: ID!, $n: String!) { updateProject(id: $id, input: { name: $n }) { id } }`, { id: p.id, n });
    await rename('a');
    await c.nexts(id, 1);
    const tails = String(await h.redis.client('LIST')).split('\n').filter((l) => l.includes('name=memmouse-tail'));
    expect(tails).toHaveLength(1);
    await h.redis.client('KILL', 'ID', /id=(\d+)/.exec(tails[0]!)![1]!);
    for (const n of ['b', 'c', 'd']) await rename(n);
    const got = await c.nexts(id, 4);
    const d = await h.ok(`query($p: ID!) { events(projectId: $p, first: 10) { edges { node { id } } } }`, { p: p.id });
    expect(got.map((f) => f.data.events.id)).toEqual(d.events.edges.map((e: any) => e.node.id).reverse().slice(1));
    await new Promise((r) => setTimeout(r, 100));
    expect(c.data(id)).toHaveLength(4);
    c.close();
  });
});

describe('a deleted project', () => {
  it("completes its subscriptions and stops its loop", async () => {
    const app = await startReplica(h, { blockMs: 200 });
    try {
      const { p, c, id } = await watching(app);
      await h.ok(`mutation($id: ID!) { deleteProject(id: $id, force: true) }`, { id: p.id });
      await c.until(() => c.of(id).some((f) => f.type === 'complete'), 5_000);
      expect(c.of(id).map((f) => f.type)).toEqual(['complete']);
      expect(app.app.deps.events.tails.size).toBe(0);
      c.close();
    } finally {
      await app.close();
    }
  });
});

describe('an unreadable entry', () => {
  it('is skipped in replay and live, and the feed carries on', async () => {
    const { p, c, id: live } = await watching();
    await h.redis.xadd(`mm:{${p.slug}}:events`, '*', 'type', 'PROJECT_UPDATED', 'data', '{not json');
    await h.ok(`mutation($id: ID!) { updateProject(id: $id, input: { name: "after the bad one" }) { id } }`, { id: p.id });
    expect((await c.nexts(live, 1)).map((f) => f.data.events.type)).toEqual(['PROJECT_UPDATED']);
    const replay = c.subscribe(`subscription($p: ID!) { events(projectId: $p, after: "0-0") { type } }`, { p: p.id });
    expect((await c.nexts(replay, 2)).map((f) => f.data.events.type)).toEqual(['PROJECT_CREATED', 'PROJECT_UPDATED']);
    await new Promise((r) => setTimeout(r, 100));
    expect([c.data(live).length, c.data(replay).length]).toEqual([1, 2]);
    c.close();
  });
});

describe('fan-out', () => {
  it('executes each event once per distinct document and variables, not once per subscriber', async () => {
    const p = await makeProject(h);
    const ns = await makeNamespace(h, p.id, { name: 'Orders' });
    const DOC = `subscription($p: ID!, $t: [EventType!]) { events(projectId: $p, types: $t) { id namespace { name } } }`;
    const clients = await Promise.all([1, 2, 3, 4].map(() => WsClient.open(h.url)));
    const subs: [WsClient, string][] = [];
    for (const c of clients) for (let i = 0; i < 5; i++) subs.push([c, c.subscribe(DOC, { p: p.id })]);
    // A second distinct operation: same document, other variables.
    const other: [WsClient, string] = [clients[0]!, clients[0]!.subscribe(DOC, { p: p.id, t: ['QUOTA_WARNING'] })];
    await eventually(() => h.app.deps.events.live === 21, 5_000, 'all subscriptions live');

    const mget = await cmdCalls('mget');
    const runs = executionStats.executions;
    await append(p.slug, 'QUOTA_WARNING', { namespaceId: ns.id });
    for (const [c, id] of [...subs, other]) expect((await c.nexts(id, 1))[0].data.events.namespace).toEqual({ name: 'Orders' });
    // The `namespace` field loads its document with one MGET per execution: two executions, not 21.
    expect(executionStats.executions - runs).toBe(2);
    expect((await cmdCalls('mget')) - mget).toBe(2);
    for (const c of clients) c.close();
  });

  it('masks an internal error in a shared execution, like HTTP does', async () => {
    const p = await makeProject(h);
    const ns = await makeNamespace(h, p.id);
    const c = await WsClient.open(h.url);
    const id = c.subscribe(`subscription($p: ID!) { events(projectId: $p) { id namespace { name } } }`, { p: p.id });
    await eventually(() => h.app.deps.events.live === 1);
    await h.redis.set(`mm:{${p.slug}}:ns:${ns.slug}`, '{bad');
    await append(p.slug, 'QUOTA_WARNING', { namespaceId: ns.id });
    const [frame] = await c.nexts(id, 1);
    expect(frame.data.events.namespace).toBeNull();
    expect(frame.errors).toEqual([
      { message: expect.stringMatching(/^Internal server error \(request [\w-]+\)$/), locations: expect.any(Array), path: ['events', 'namespace'], extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: expect.any(String) } },
    ]);
    expect(JSON.stringify(frame)).not.toMatch(/JSON|Unexpected|stack|mm:\{/);
    c.close();
  });
});

describe('slow consumers', () => {
  it('closes a subscriber that stops reading once its queue passes the bound, and frees its loop', async () => {
    const app = await startReplica(h, { maxQueue: 20, maxBufferedBytes: 256 * 1024 });
    try {
      const { p, c } = await watching(app, `subscription($p: ID!) { events(projectId: $p) { id after } }`);
      // Stop reading for good (ws resumes a merely paused socket): the kernel buffers fill, then the feed's queue.
      const tcp = (c.socket as any)._socket;
      tcp.removeAllListeners('data');
      tcp.pause();
      // The kernel absorbs tens of MB for a socket that does not read; write until the bound trips.
      const big = 'x'.repeat(256 * 1024);
      let written = 0;
      while (app.app.deps.events.subscribers > 0) {
        if (written > 200 * 2 ** 20) throw new Error(`still subscribed after ${written} bytes`);
        const pipe = h.redis.pipeline();
        for (let i = 0; i < 20; i++) pipe.xadd(`mm:{${p.slug}}:events`, '*', 'type', 'QUOTA_WARNING', 'data', JSON.stringify({ at: new Date().toISOString(), actor: { kind: 'SYSTEM', id: 'test' }, projectId: p.id, after: { note: big } }));
        await pipe.exec();
        written += 20 * big.length;
        await new Promise((r) => setTimeout(r, 50));
      }
      expect(app.app.deps.events.overflows).toBe(1);
      await eventually(() => app.app.deps.events.tails.size === 0, 5_000, 'its loop to stop');
      await eventually(() => app.app.ws.sockets === 0, 5_000, 'its socket to close');
    } finally {
      await app.close();
    }
  });
});

describe('token expiry', () => {
  it('closes the sockets of a service token within a few seconds of its grace ending, and of a deleted service', async () => {
    const p = await makeProject(h);
    const s = await makeService(h, p.id);
    const t = await makeService(h, p.id);
    const [old, admin, gone] = [await WsClient.open(h.url, s.token), await WsClient.open(h.url, ADMIN_TOKEN), await WsClient.open(h.url, t.token)];
    const fresh = (await h.ok(`mutation($id: ID!) { rotateServiceToken(id: $id, graceSeconds: 1) { token } }`, { id: s.id })).rotateServiceToken.token;
    const current = await WsClient.open(h.url, fresh);
    expect([old, admin, gone, current].map((c) => c.closed)).toEqual([null, null, null, null]);
    await h.ok(`mutation($id: ID!) { deleteService(id: $id) }`, { id: t.id });

    const t0 = Date.now();
    expect(await old.closedPromise).toEqual({ code: 4403, reason: 'Token no longer valid' });
    expect(Date.now() - t0).toBeLessThan(5_000);
    expect(await gone.closedPromise).toEqual({ code: 4403, reason: 'Token no longer valid' });
    // Still valid: the admin token and the new service token.
    expect(admin.closed).toBeNull();
    expect(current.closed).toBeNull();
    admin.close();
    current.close();
  });
});

describe('shutdown', () => {
  it('closes sockets with 1001 and stops the tail loops and their connections', async () => {
    const before = await redisClients();
    const app = await startReplica(h);
    const { c } = await watching(app);
    expect(app.app.deps.events.tails.size).toBe(1);
    await app.close();
    expect((await c.closedPromise).code).toBe(1001);
    expect(app.app.deps.events.tails.size).toBe(0);
    await eventually(async () => (await redisClients()) === before, 5_000, 'the replica to drop its Redis connections');
  });
});
