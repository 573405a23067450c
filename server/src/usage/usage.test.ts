import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Redis } from 'ioredis';
import { startHarness, type Harness } from '../../test/harness.js';
import { makeNamespace, makeProject } from '../../test/factories.js';
import { keys } from '../redis/keys.js';
import { createLogger } from '../log.js';
import { UsageCollector } from './usage.collector.js';

// A fresh data server per file (separateData), so nothing but this file's writes moves used_memory.
let h: Harness;
beforeAll(async () => {
  h = await startHarness({ separateData: true });
});
afterAll(() => h.close());

const REFRESH = `mutation($p: ID!) { refreshUsage(projectId: $p) { id overview { usedBytes namespaceCount topNamespaces { slug usage { usedBytes } } } } }`;
const NAMESPACES = `query($s: String!) { project(slug: $s) { overview { usedBytes topNamespaces(limit: 10) { slug } } namespaces { edges { node { slug usage { usedBytes keyCount sampledAt } } } } } }`;

/**
 * used_memory without the clients' buffers (they belong to no key), once it has settled: Redis
 * frees and resizes client buffers in its cron a little later and updates mem_clients_normal then,
 * so a reading taken right after a big write can be off by tens of kB (that made this test flaky).
 */
async function usedMemory(r: Redis): Promise<number> {
  const read = async () => {
    const info = await r.info('memory');
    const field = (name: string) => Number(new RegExp(`^${name}:(\\d+)`, 'm').exec(info)![1]);
    return field('used_memory') - field('mem_clients_normal');
  };
  let last = await read();
  for (let i = 0; i < 20; i++) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    const now = await read();
    if (now === last) return now;
    last = now;
  }
  return last;
}

const connectedClients = async () => Number(/^connected_clients:(\d+)/m.exec(await h.data.info('clients'))![1]);

/**
 * Runs `write` on a short-lived client and returns how much used_memory grew on the data Redis. A
 * large argument leaves a big query buffer on the writing client, also counted in used_memory, so
 * the client is closed (and its buffers freed) before measuring.
 */
async function memoryGrowth(write: (r: Redis) => Promise<void>): Promise<number> {
  const clients = await connectedClients();
  const before = await usedMemory(h.data);
  const writer = new Redis(h.config.dataRedisUrl);
  await write(writer);
  await writer.quit();
  while ((await connectedClients()) > clients) await new Promise((r) => setTimeout(r, 10));
  return (await usedMemory(h.data)) - before;
}

const text = (n: number, c = 'x') => c.repeat(n);

async function usageOf(slug: string) {
  const d = await h.ok(NAMESPACES, { s: slug });
  return {
    overview: d.project.overview as { usedBytes: number | null; topNamespaces: { slug: string }[] },
    byNs: Object.fromEntries(d.project.namespaces.edges.map((e: any) => [e.node.slug, e.node.usage])) as Record<
      string,
      { usedBytes: number | null; keyCount: number | null; sampledAt: string | null }
    >,
  };
}

describe('refreshUsage', () => {
  let project: { id: string; slug: string };
  const truth: Record<string, { bytes: number; keys: number }> = {};

  beforeAll(async () => {
    project = await makeProject(h, { slug: 'shop' });
    await makeNamespace(h, project.id, { slug: 'orders' });
    await makeNamespace(h, project.id, { slug: 'cache' });
    await makeNamespace(h, project.id, { slug: 'idle' });
  });

  it('shows null usage for namespaces never measured, and a null overview total', async () => {
    const u = await usageOf('shop');
    for (const ns of ['orders', 'cache', 'idle']) expect(u.byNs[ns]).toEqual({ usedBytes: null, keyCount: null, sampledAt: null });
    expect(u.overview).toEqual({ usedBytes: null, topNamespaces: [] });
  });

  it('counts keys exactly and bytes within ±10% of the growth of used_memory, per namespace', async () => {
    // Redis makes some one-time allocations on the first big write of each kind (tens of kB that
    // belong to no key): make them now, on throwaway keys, so they are not counted as a namespace's.
    await memoryGrowth(async (w) => {
      await w.set('warm:s', text(200_000));
      await w.hset('warm:h', { a: text(90_000) });
      await w.rpush('warm:l', text(70_000), text(10));
      await w.del('warm:s', 'warm:h', 'warm:l');
    });
    // orders: strings from 10 B to 200 kB, a hash and a list with very uneven elements.
    truth.orders = {
      keys: 9,
      bytes: await memoryGrowth(async (w) => {
        await w.set('shop:orders:tiny', text(10));
        await w.set('shop:orders:small', text(300));
        await w.set('shop:orders:mid', text(5_000));
        await w.set('shop:orders:big', text(200_000));
        await w.set('shop:orders:nested:a:b', text(40_000));
        await w.hset('shop:orders:h:1', { a: '1', b: text(20), c: text(90_000), d: text(3_000) });
        await w.hset('shop:orders:h:2', Object.fromEntries(Array.from({ length: 300 }, (_, i) => [`f${i}`, text((i * 37) % 500)])));
        await w.rpush('shop:orders:l:1', text(1), text(70_000), text(12), text(8_000));
        await w.rpush('shop:orders:l:2', ...Array.from({ length: 500 }, (_, i) => text((i * 13) % 200 + 1)));
      }),
    };
    // cache: many small strings and one large one.
    truth.cache = {
      keys: 201,
      bytes: await memoryGrowth(async (w) => {
        const pipe = w.pipeline();
        for (let i = 0; i < 200; i++) pipe.set(`shop:cache:item:${i}`, text(10 + ((i * 97) % 400)));
        await pipe.exec();
        await w.set('shop:cache:blob', text(150_000));
      }),
    };
    // Outside any namespace: other prefixes, the project prefix with no namespace, a look-alike slug.
    await h.data.set('unrelated', text(50_000));
    await h.data.set('other:orders:x', text(50_000));
    await h.data.set('shop:ghost:x', text(50_000));
    await h.data.set('shop:orders-old:x', text(50_000));
    await h.data.set('shop:cacheextra', text(50_000));

    const started = Date.now();
    const d = await h.ok(REFRESH, { p: project.id });
    expect(d.refreshUsage.id).toBe('project:shop');

    const u = await usageOf('shop');
    for (const ns of ['orders', 'cache'] as const) {
      const got = u.byNs[ns]!;
      expect(got.keyCount).toBe(truth[ns]!.keys);
      expect(Math.abs(got.usedBytes! - truth[ns]!.bytes) / truth[ns]!.bytes).toBeLessThanOrEqual(0.1);
      const at = Date.parse(got.sampledAt!);
      expect(at).toBeGreaterThanOrEqual(started - 1000);
      expect(at).toBeLessThanOrEqual(Date.now());
    }
    expect(u.byNs.idle).toMatchObject({ usedBytes: 0, keyCount: 0 });
    expect(u.byNs.idle!.sampledAt).toBe(u.byNs.orders!.sampledAt);
  });

  it('sums usage in the overview and orders topNamespaces by usedBytes, largest first', async () => {
    const u = await usageOf('shop');
    const { orders, cache, idle } = u.byNs;
    expect(u.overview.usedBytes).toBe(orders!.usedBytes! + cache!.usedBytes! + idle!.usedBytes!);
    expect(orders!.usedBytes!).toBeGreaterThan(cache!.usedBytes!);
    expect(u.overview.topNamespaces.map((n) => n.slug)).toEqual(['orders', 'cache', 'idle']);

    // The mutation answers with the fresh measurement too.
    const d = await h.ok(REFRESH, { p: project.id });
    expect(d.refreshUsage.overview.usedBytes).toBe(u.overview.usedBytes);
    expect(d.refreshUsage.overview.topNamespaces.map((n: any) => n.slug)).toEqual(['orders', 'cache', 'idle']);
  });

  it('follows the keyspace: a later refresh sees keys added and removed', async () => {
    await h.data.del('shop:orders:big', 'shop:orders:tiny');
    await h.data.set('shop:idle:woken', text(600_000));
    await h.ok(REFRESH, { p: project.id });
    const u = await usageOf('shop');
    expect(u.byNs.orders!.keyCount).toBe(7);
    expect(u.byNs.idle!.keyCount).toBe(1);
    expect(u.byNs.idle!.usedBytes!).toBeGreaterThanOrEqual(600_000);
    expect(u.overview.topNamespaces.map((n) => n.slug)).toEqual(['idle', 'orders', 'cache']);
  });

  it('never uses KEYS on the data Redis', async () => {
    await h.ok(REFRESH, { p: project.id });
    const stats = await h.data.info('commandstats');
    expect(stats).not.toMatch(/^cmdstat_keys:/m);
    expect(stats).toMatch(/^cmdstat_scan:/m);
    expect(stats).toMatch(/^cmdstat_memory\|usage:/m);
  });

  it('shows null usage for a namespace created after the last measurement', async () => {
    await makeNamespace(h, project.id, { slug: 'late' });
    const u = await usageOf('shop');
    expect(u.byNs.late).toEqual({ usedBytes: null, keyCount: null, sampledAt: null });
    expect(u.overview.topNamespaces.map((n) => n.slug)).not.toContain('late');
  });

  it('removes the usage field when its namespace is deleted', async () => {
    expect(await h.redis.hexists('mm:{shop}:usage', 'cache')).toBe(1);
    await h.ok(`mutation($id: ID!) { deleteNamespace(id: $id) }`, { id: 'namespace:shop/cache' });
    expect(await h.redis.hexists('mm:{shop}:usage', 'cache')).toBe(0);
    expect((await h.redis.hkeys('mm:{shop}:usage')).sort()).toEqual(['idle', 'orders']);
    const u = await usageOf('shop');
    expect(u.overview.usedBytes).toBe(u.byNs.orders!.usedBytes! + u.byNs.idle!.usedBytes!);
    expect(u.overview.topNamespaces.map((n) => n.slug)).toEqual(['idle', 'orders']);
  });

  it('measures only the asked project', async () => {
    const other = await makeProject(h, { slug: 'other' });
    await makeNamespace(h, other.id, { slug: 'orders' });
    await h.ok(REFRESH, { p: project.id });
    expect((await usageOf('other')).byNs.orders).toEqual({ usedBytes: null, keyCount: null, sampledAt: null });
    await h.ok(REFRESH, { p: other.id });
    // other:orders:x, written earlier outside any namespace, now belongs to one.
    expect((await usageOf('other')).byNs.orders).toMatchObject({ keyCount: 1 });
  });

  it('answers NOT_FOUND for a missing project and BAD_USER_INPUT for a malformed id', async () => {
    expect((await h.gql(REFRESH, { p: 'project:nope' })).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await h.gql(REFRESH, { p: 'nope' })).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'projectId' });
  });
});

describe('the usage timer', () => {
  it('runs on one replica at a time: it waits while another holds the lock, then measures', async () => {
    const p = await makeProject(h, { slug: 'timed' });
    await makeNamespace(h, p.id, { slug: 'ns' });
    await h.data.set('timed:ns:k', 'v');
    const sampled = async () => (await usageOf('timed')).byNs.ns!.keyCount;

    // Another replica is mid-pass.
    await h.redis.set(keys.usageLock, 'other-replica', 'PX', 60_000);
    const collector = new UsageCollector(h.app.deps.redis, h.app.deps.data, createLogger('silent'), 20);
    collector.start();
    try {
      await new Promise((r) => setTimeout(r, 200));
      expect(await sampled()).toBeNull();
      expect(await h.redis.get(keys.usageLock)).toBe('other-replica');

      // Its pass ends: the next tick here takes the lock, measures, and releases it.
      await h.redis.del(keys.usageLock);
      const deadline = Date.now() + 5000;
      while ((await sampled()) === null && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      expect(await sampled()).toBe(1);
    } finally {
      await collector.stop();
    }
    expect(await h.redis.exists(keys.usageLock)).toBe(0);
  });
});
