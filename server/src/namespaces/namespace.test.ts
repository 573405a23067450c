import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, snapshot, type Harness } from '../../test/harness.js';
import { bind, makeNamespace, makeProject, makeService } from '../../test/factories.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

const MAX_TTL = 10 * 365 * 24 * 3600;

const CREATE = `mutation($p: ID!, $input: CreateNamespaceInput!) {
  createNamespace(projectId: $p, input: $input) {
    id slug name keyPrefix status version createdAt updatedAt
    policy { quotaBytes defaultTtlSeconds eviction } project { id } bindings { id } usage { usedBytes keyCount sampledAt }
  }
}`;
const UPDATE = `mutation($id: ID!, $policy: NamespacePolicyInput!, $v: Int) {
  updateNamespacePolicy(id: $id, policy: $policy, expectedVersion: $v) { id version policy { quotaBytes defaultTtlSeconds eviction } }
}`;
const FREEZE = `mutation($id: ID!) { freezeNamespace(id: $id) { id status version } }`;
const UNFREEZE = `mutation($id: ID!) { unfreezeNamespace(id: $id) { id status version } }`;
const DELETE = `mutation($id: ID!, $purge: Boolean) { deleteNamespace(id: $id, purgeKeys: $purge) }`;
const PAGE = `query($s: String!, $first: Int, $after: String) {
  project(slug: $s) { namespaces(first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id slug } } } }
}`;

/** The events of a project's stream, oldest first, with their parsed data. */
async function events(p: string) {
  const entries = await h.redis.xrange(`mm:{${p}}:events`, '-', '+');
  return entries.map(([, f]) => ({ type: f[f.indexOf('type') + 1]!, ...JSON.parse(f[f.indexOf('data') + 1]!) }));
}

describe('createNamespace', () => {
  it('creates a namespace with the default policy and the <project>:<ns>: key prefix', async () => {
    const p = await makeProject(h, { slug: 'shop' });
    const d = await h.ok(CREATE, { p: p.id, input: { slug: 'orders', name: '  Orders  ' } });
    const ns = d.createNamespace;
    expect(ns).toMatchObject({
      id: 'namespace:shop/orders',
      slug: 'orders',
      name: 'Orders',
      keyPrefix: 'shop:orders:',
      status: 'ACTIVE',
      version: 1,
      policy: { quotaBytes: 0, defaultTtlSeconds: null, eviction: 'NOEVICTION' },
      project: { id: 'project:shop' },
      bindings: [],
      usage: { usedBytes: null, keyCount: null, sampledAt: null },
    });
    expect(ns.createdAt).toBe(ns.updatedAt);

    expect(JSON.parse((await h.redis.get('mm:{shop}:ns:orders'))!)).toMatchObject({
      project: 'shop',
      slug: 'orders',
      name: 'Orders',
      status: 'ACTIVE',
      version: 1,
      policy: { quotaBytes: 0, defaultTtlSeconds: null, eviction: 'NOEVICTION' },
    });
    expect(await h.redis.hget('mm:{shop}:idx', 'ns')).toBe('orders');
    expect(await h.redis.hgetall('mm:{shop}:quotas')).toEqual({ orders: '0' });
    const last = (await events('shop')).at(-1)!;
    expect(last).toMatchObject({
      type: 'NAMESPACE_CREATED',
      projectId: 'project:shop',
      namespaceId: 'namespace:shop/orders',
      actor: { kind: 'ADMIN' },
      before: null,
      after: { slug: 'orders', version: 1 },
    });
  });

  it('stores a full policy, including a 10 GiB quota and the longest TTL', async () => {
    const p = await makeProject(h);
    const d = await h.ok(CREATE, {
      p: p.id,
      input: { slug: 'cache', name: 'Cache', policy: { quotaBytes: 10737418240, defaultTtlSeconds: MAX_TTL, eviction: 'ALLKEYS_LRU' } },
    });
    expect(d.createNamespace.policy).toEqual({ quotaBytes: 10737418240, defaultTtlSeconds: MAX_TTL, eviction: 'ALLKEYS_LRU' });
    expect(await h.redis.hget(`mm:{${p.slug}}:quotas`, 'cache')).toBe('10737418240');
  });

  it('takes a partial policy and fills the rest with defaults', async () => {
    const p = await makeProject(h);
    const d = await h.ok(CREATE, { p: p.id, input: { slug: 'ttl', name: 'TTL', policy: { defaultTtlSeconds: 60 } } });
    expect(d.createNamespace.policy).toEqual({ quotaBytes: 0, defaultTtlSeconds: 60, eviction: 'NOEVICTION' });
  });

  it.each([
    [{ slug: 'Bad_Slug', name: 'x' }, 'input.slug'],
    [{ slug: '-lead', name: 'x' }, 'input.slug'],
    [{ slug: '', name: 'x' }, 'input.slug'],
    [{ slug: 'a'.repeat(40), name: 'x' }, 'input.slug'],
    [{ slug: 'ok', name: '   ' }, 'input.name'],
    [{ slug: 'ok', name: 'x'.repeat(101) }, 'input.name'],
    [{ slug: 'ok', name: 'bad\u0007name' }, 'input.name'],
    [{ slug: 'ok', name: 'x', policy: { quotaBytes: -1 } }, 'input.policy.quotaBytes'],
    [{ slug: 'ok', name: 'x', policy: { quotaBytes: null } }, 'input.policy.quotaBytes'],
    [{ slug: 'ok', name: 'x', policy: { defaultTtlSeconds: 0 } }, 'input.policy.defaultTtlSeconds'],
    [{ slug: 'ok', name: 'x', policy: { defaultTtlSeconds: -5 } }, 'input.policy.defaultTtlSeconds'],
    [{ slug: 'ok', name: 'x', policy: { defaultTtlSeconds: MAX_TTL + 1 } }, 'input.policy.defaultTtlSeconds'],
    [{ slug: 'ok', name: 'x', policy: { eviction: null } }, 'input.policy.eviction'],
  ])('refuses %j naming %s and writes nothing', async (input, field) => {
    const p = await makeProject(h);
    const before = await snapshot(h.redis);
    const r = await h.gql(CREATE, { p: p.id, input });
    expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(r.data).toBeNull();
    expect(await snapshot(h.redis)).toEqual(before);
  });

  it('answers NOT_FOUND for an unknown project and BAD_USER_INPUT for a malformed projectId, writing nothing', async () => {
    const before = await snapshot(h.redis);
    const r = await h.gql(CREATE, { p: 'project:nope', input: { slug: 'orders', name: 'Orders' } });
    expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', id: 'project:nope' });
    const bad = await h.gql(CREATE, { p: 'nope', input: { slug: 'orders', name: 'Orders' } });
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'projectId' });
    expect(await snapshot(h.redis)).toEqual(before);
    expect(await h.redis.keys('mm:{nope}*')).toEqual([]);
  });

  it('refuses a duplicate slug with ALREADY_EXISTS and writes nothing (no second event)', async () => {
    const p = await makeProject(h);
    await makeNamespace(h, p.id, { slug: 'dup', policy: { quotaBytes: 5 } });
    const before = await snapshot(h.redis);
    const r = await h.gql(CREATE, { p: p.id, input: { slug: 'dup', name: 'Again', policy: { quotaBytes: 7 } } });
    expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'ALREADY_EXISTS', id: `namespace:${p.slug}/dup` });
    expect(await snapshot(h.redis)).toEqual(before);
    expect(await h.redis.hget(`mm:{${p.slug}}:quotas`, 'dup')).toBe('5');
  });

  it('refuses with QUOTA_EXCEEDED when the namespace quotas would pass a non-zero project quota', async () => {
    const p = await makeProject(h, { quotaBytes: 1000 });
    await makeNamespace(h, p.id, { slug: 'a', policy: { quotaBytes: 600 } });
    const before = await snapshot(h.redis);
    const r = await h.gql(CREATE, { p: p.id, input: { slug: 'b', name: 'B', policy: { quotaBytes: 401 } } });
    expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'QUOTA_EXCEEDED', field: 'input.policy.quotaBytes', total: 1001, limit: 1000 });
    expect(await snapshot(h.redis)).toEqual(before);

    // Exactly at the limit is fine, and so is a namespace without a quota.
    await makeNamespace(h, p.id, { slug: 'b', policy: { quotaBytes: 400 } });
    await makeNamespace(h, p.id, { slug: 'c' });
    const full = await snapshot(h.redis);
    const over = await h.gql(CREATE, { p: p.id, input: { slug: 'd', name: 'D', policy: { quotaBytes: 1 } } });
    expect(over.errors?.[0]?.extensions).toMatchObject({ code: 'QUOTA_EXCEEDED', total: 1001, limit: 1000 });
    expect(await snapshot(h.redis)).toEqual(full);
  });

  it('does not limit namespace quotas when the project quota is 0', async () => {
    const p = await makeProject(h, { quotaBytes: 0 });
    await makeNamespace(h, p.id, { slug: 'a', policy: { quotaBytes: 10737418240 } });
    const b = await makeNamespace(h, p.id, { slug: 'b', policy: { quotaBytes: 10737418240 } });
    expect(b.policy.quotaBytes).toBe(10737418240);
  });
});

describe('listing and finding namespaces', () => {
  it('pages through project.namespaces in slug order with pageInfo and totalCount', async () => {
    const p = await makeProject(h, { slug: 'pages' });
    for (const slug of ['c', 'a', 'e', 'b', 'd']) await makeNamespace(h, p.id, { slug });

    const one = (await h.ok(PAGE, { s: 'pages', first: 2 })).project.namespaces;
    expect(one).toEqual({
      totalCount: 5,
      pageInfo: { hasNextPage: true, endCursor: 'b' },
      edges: [
        { cursor: 'a', node: { id: 'namespace:pages/a', slug: 'a' } },
        { cursor: 'b', node: { id: 'namespace:pages/b', slug: 'b' } },
      ],
    });
    const two = (await h.ok(PAGE, { s: 'pages', first: 2, after: 'b' })).project.namespaces;
    expect(two.edges.map((e: any) => e.cursor)).toEqual(['c', 'd']);
    expect(two.pageInfo).toEqual({ hasNextPage: true, endCursor: 'd' });
    const three = (await h.ok(PAGE, { s: 'pages', first: 2, after: 'd' })).project.namespaces;
    expect(three).toEqual({
      totalCount: 5,
      pageInfo: { hasNextPage: false, endCursor: 'e' },
      edges: [{ cursor: 'e', node: { id: 'namespace:pages/e', slug: 'e' } }],
    });
    const all = (await h.ok(PAGE, { s: 'pages' })).project.namespaces;
    expect(all.edges.map((e: any) => e.node.slug)).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(all.pageInfo).toEqual({ hasNextPage: false, endCursor: 'e' });
  });

  it('continues after a cursor whose namespace was deleted, without skipping or repeating', async () => {
    const p = await makeProject(h, { slug: 'gone' });
    for (const slug of ['a', 'b', 'c', 'd']) await makeNamespace(h, p.id, { slug });
    const first = (await h.ok(PAGE, { s: 'gone', first: 2 })).project.namespaces;
    expect(first.pageInfo.endCursor).toBe('b');
    await h.ok(DELETE, { id: 'namespace:gone/b' });
    const next = (await h.ok(PAGE, { s: 'gone', first: 2, after: 'b' })).project.namespaces;
    expect(next).toEqual({
      totalCount: 3,
      pageInfo: { hasNextPage: false, endCursor: 'd' },
      edges: [
        { cursor: 'c', node: { id: 'namespace:gone/c', slug: 'c' } },
        { cursor: 'd', node: { id: 'namespace:gone/d', slug: 'd' } },
      ],
    });
  });

  it('refuses a page size out of range naming first', async () => {
    await makeProject(h, { slug: 'sizes' });
    for (const first of [-1, 501]) {
      const r = await h.gql(PAGE, { s: 'sizes', first });
      expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    }
    expect((await h.ok(PAGE, { s: 'sizes', first: 0 })).project.namespaces).toEqual({
      totalCount: 0,
      pageInfo: { hasNextPage: false, endCursor: null },
      edges: [],
    });
  });

  it('finds a namespace by project.namespace(slug) and node(id), null when missing', async () => {
    const p = await makeProject(h, { slug: 'find' });
    await makeNamespace(h, p.id, { slug: 'orders', name: 'Orders', policy: { defaultTtlSeconds: 30 } });
    const q = await h.ok(`{
      project(slug: "find") { namespace(slug: "orders") { id name keyPrefix policy { defaultTtlSeconds } } missing: namespace(slug: "nope") { id } }
      node(id: "namespace:find/orders") { id ... on Namespace { slug status project { slug } } }
      none: node(id: "namespace:find/nope") { id }
    }`);
    expect(q).toEqual({
      project: {
        namespace: { id: 'namespace:find/orders', name: 'Orders', keyPrefix: 'find:orders:', policy: { defaultTtlSeconds: 30 } },
        missing: null,
      },
      node: { id: 'namespace:find/orders', slug: 'orders', status: 'ACTIVE', project: { slug: 'find' } },
      none: null,
    });
    const bad = await h.gql(`{ project(slug: "find") { namespace(slug: "Bad Slug") { id } } }`);
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'slug' });
  });
});

describe('updateNamespacePolicy', () => {
  it('updates partially: omitted fields keep their value, defaultTtlSeconds: null clears it', async () => {
    const p = await makeProject(h, { slug: 'pol' });
    const ns = await makeNamespace(h, p.id, { slug: 'orders', policy: { quotaBytes: 100, defaultTtlSeconds: 60, eviction: 'ALLKEYS_LRU' } });

    const a = await h.ok(UPDATE, { id: ns.id, policy: { eviction: 'VOLATILE_TTL' } });
    expect(a.updateNamespacePolicy).toEqual({
      id: 'namespace:pol/orders',
      version: 2,
      policy: { quotaBytes: 100, defaultTtlSeconds: 60, eviction: 'VOLATILE_TTL' },
    });
    const b = await h.ok(UPDATE, { id: ns.id, policy: { defaultTtlSeconds: null } });
    expect(b.updateNamespacePolicy).toMatchObject({ version: 3, policy: { quotaBytes: 100, defaultTtlSeconds: null, eviction: 'VOLATILE_TTL' } });
    const c = await h.ok(UPDATE, { id: ns.id, policy: { quotaBytes: 250 } });
    expect(c.updateNamespacePolicy).toMatchObject({ version: 4, policy: { quotaBytes: 250, defaultTtlSeconds: null, eviction: 'VOLATILE_TTL' } });
    const d = await h.ok(UPDATE, { id: ns.id, policy: { defaultTtlSeconds: 3600 }, v: 4 });
    expect(d.updateNamespacePolicy).toMatchObject({ version: 5, policy: { quotaBytes: 250, defaultTtlSeconds: 3600, eviction: 'VOLATILE_TTL' } });

    expect(await h.redis.hget('mm:{pol}:quotas', 'orders')).toBe('250');
    const q = await h.ok(`{ node(id: "namespace:pol/orders") { ... on Namespace { version policy { quotaBytes defaultTtlSeconds eviction } } } }`);
    expect(q.node).toEqual({ version: 5, policy: { quotaBytes: 250, defaultTtlSeconds: 3600, eviction: 'VOLATILE_TTL' } });

    const updates = (await events('pol')).filter((e) => e.type === 'NAMESPACE_POLICY_UPDATED');
    expect(updates).toHaveLength(4);
    expect(updates[1]).toMatchObject({
      namespaceId: 'namespace:pol/orders',
      before: { version: 2, policy: { defaultTtlSeconds: 60 } },
      after: { version: 3, policy: { defaultTtlSeconds: null } },
    });
  });

  it('checks a quota change against the project quota (QUOTA_EXCEEDED, nothing written)', async () => {
    const p = await makeProject(h, { quotaBytes: 1000 });
    await makeNamespace(h, p.id, { slug: 'a', policy: { quotaBytes: 400 } });
    const b = await makeNamespace(h, p.id, { slug: 'b', policy: { quotaBytes: 400 } });
    const before = await snapshot(h.redis);
    const r = await h.gql(UPDATE, { id: b.id, policy: { quotaBytes: 601 } });
    expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'QUOTA_EXCEEDED', field: 'policy.quotaBytes', total: 1001, limit: 1000 });
    expect(await snapshot(h.redis)).toEqual(before);

    // Its own old quota is replaced, not added: 400 + 600 fits exactly.
    const ok = await h.ok(UPDATE, { id: b.id, policy: { quotaBytes: 600 } });
    expect(ok.updateNamespacePolicy).toMatchObject({ version: 2, policy: { quotaBytes: 600 } });
    expect(await h.redis.hgetall(`mm:{${p.slug}}:quotas`)).toEqual({ a: '400', b: '600' });
  });

  it('refuses a stale expectedVersion with CONFLICT and writes nothing', async () => {
    const p = await makeProject(h);
    const ns = await makeNamespace(h, p.id);
    await h.ok(UPDATE, { id: ns.id, policy: { eviction: 'ALLKEYS_LFU' }, v: 1 });
    const before = await snapshot(h.redis);
    const r = await h.gql(UPDATE, { id: ns.id, policy: { eviction: 'ALLKEYS_RANDOM' }, v: 1 });
    expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', id: ns.id, expectedVersion: 1, actualVersion: 2 });
    expect(await snapshot(h.redis)).toEqual(before);
  });

  it.each([
    [{ quotaBytes: -1 }, 'policy.quotaBytes'],
    [{ quotaBytes: null }, 'policy.quotaBytes'],
    [{ defaultTtlSeconds: 0 }, 'policy.defaultTtlSeconds'],
    [{ defaultTtlSeconds: -1 }, 'policy.defaultTtlSeconds'],
    [{ defaultTtlSeconds: MAX_TTL + 1 }, 'policy.defaultTtlSeconds'],
    [{ eviction: null }, 'policy.eviction'],
  ])('refuses policy %j naming %s and writes nothing', async (policy, field) => {
    const p = await makeProject(h);
    const ns = await makeNamespace(h, p.id, { policy: { quotaBytes: 10, defaultTtlSeconds: 10 } });
    const before = await snapshot(h.redis);
    const r = await h.gql(UPDATE, { id: ns.id, policy });
    expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(await snapshot(h.redis)).toEqual(before);
  });

  it('answers NOT_FOUND for an unknown namespace and BAD_USER_INPUT for a malformed id', async () => {
    const p = await makeProject(h);
    const before = await snapshot(h.redis);
    const r = await h.gql(UPDATE, { id: `namespace:${p.slug}/nope`, policy: { quotaBytes: 1 } });
    expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', id: `namespace:${p.slug}/nope` });
    const bad = await h.gql(UPDATE, { id: 'namespace:Bad', policy: { quotaBytes: 1 } });
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
    expect(await snapshot(h.redis)).toEqual(before);
  });
});

describe('freezeNamespace / unfreezeNamespace', () => {
  it('freezes and unfreezes with events; repeating either changes and records nothing', async () => {
    const p = await makeProject(h, { slug: 'ice' });
    const ns = await makeNamespace(h, p.id, { slug: 'orders' });

    expect((await h.ok(FREEZE, { id: ns.id })).freezeNamespace).toEqual({ id: 'namespace:ice/orders', status: 'FROZEN', version: 2 });
    const frozen = await snapshot(h.redis);
    expect((await h.ok(FREEZE, { id: ns.id })).freezeNamespace).toEqual({ id: 'namespace:ice/orders', status: 'FROZEN', version: 2 });
    expect(await snapshot(h.redis)).toEqual(frozen);

    expect((await h.ok(UNFREEZE, { id: ns.id })).unfreezeNamespace).toEqual({ id: 'namespace:ice/orders', status: 'ACTIVE', version: 3 });
    const thawed = await snapshot(h.redis);
    expect((await h.ok(UNFREEZE, { id: ns.id })).unfreezeNamespace).toEqual({ id: 'namespace:ice/orders', status: 'ACTIVE', version: 3 });
    expect(await snapshot(h.redis)).toEqual(thawed);

    const evs = await events('ice');
    expect(evs.map((e) => e.type)).toEqual(['PROJECT_CREATED', 'NAMESPACE_CREATED', 'NAMESPACE_FROZEN', 'NAMESPACE_UNFROZEN']);
    expect(evs[2]).toMatchObject({ namespaceId: 'namespace:ice/orders', before: { status: 'ACTIVE' }, after: { status: 'FROZEN', version: 2 } });
    expect(evs[3]).toMatchObject({ before: { status: 'FROZEN' }, after: { status: 'ACTIVE', version: 3 } });
  });

  it('keeps the policy when freezing', async () => {
    const p = await makeProject(h);
    const ns = await makeNamespace(h, p.id, { policy: { quotaBytes: 77, eviction: 'VOLATILE_LRU' } });
    await h.ok(FREEZE, { id: ns.id });
    const q = await h.ok(`query($id: ID!) { node(id: $id) { ... on Namespace { status policy { quotaBytes eviction } } } }`, { id: ns.id });
    expect(q.node).toEqual({ status: 'FROZEN', policy: { quotaBytes: 77, eviction: 'VOLATILE_LRU' } });
  });

  it('answers NOT_FOUND for an unknown namespace and writes nothing', async () => {
    const p = await makeProject(h);
    const before = await snapshot(h.redis);
    for (const m of [FREEZE, UNFREEZE]) {
      const r = await h.gql(m, { id: `namespace:${p.slug}/nope` });
      expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', id: `namespace:${p.slug}/nope` });
    }
    expect(await snapshot(h.redis)).toEqual(before);
  });
});

describe('deleteNamespace', () => {
  it('removes the namespace, its bindings, every index entry and its data keys', async () => {
    const p = await makeProject(h, { slug: 'del', quotaBytes: 1000 });
    const orders = await makeNamespace(h, p.id, { slug: 'orders', policy: { quotaBytes: 300 } });
    const users = await makeNamespace(h, p.id, { slug: 'users', policy: { quotaBytes: 200 } });
    const billing = await makeService(h, p.id, { slug: 'billing' });
    const audit = await makeService(h, p.id, { slug: 'audit' });
    await bind(h, orders.id, billing.id);
    await bind(h, orders.id, audit.id);
    await bind(h, users.id, billing.id);
    await h.data.set('del:orders:1', 'v');
    await h.data.set('del:orders:a:b', 'v'.repeat(100));
    await h.data.hset('del:orders:h', 'f', 'v');
    await h.data.set('del:users:1', 'v');
    await h.data.set('del:ordersx:1', 'v'); // shares the text, not the prefix
    await h.ok(`mutation($p: ID!) { refreshUsage(projectId: $p) { id } }`, { p: p.id });
    expect(await h.redis.hexists('mm:{del}:usage', 'orders')).toBe(1);

    const d = await h.ok(DELETE, { id: orders.id });
    expect(d.deleteNamespace).toBe('namespace:del/orders');

    // No key and no hash field or list member of the project mentions the namespace.
    for (const key of await h.redis.keys('mm:{del}:*')) {
      expect(key).not.toMatch(/\borders\b/);
      if ((await h.redis.type(key)) !== 'hash') continue;
      for (const [field, value] of Object.entries(await h.redis.hgetall(key))) {
        expect(field, key).not.toMatch(/\borders\b/);
        if (key === 'mm:{del}:idx') expect(value.split(','), `${key} ${field}`).not.toContain('orders');
      }
    }
    expect(await h.redis.keys('mm:{del}:*')).toEqual(
      expect.arrayContaining(['mm:{del}:ns:users', 'mm:{del}:bind:users:billing', 'mm:{del}:svc:billing', 'mm:{del}:svc:audit']),
    );
    expect(await h.redis.keys('mm:{del}:bind:*')).toEqual(['mm:{del}:bind:users:billing']);
    expect(await h.redis.hgetall('mm:{del}:idx')).toEqual({
      ns: 'users',
      svc: 'billing,audit',
      'nsbind:users': 'billing',
      'svcbind:billing': 'users',
    });
    expect(await h.redis.hgetall('mm:{del}:quotas')).toEqual({ users: '200' });
    expect(await h.redis.hexists('mm:{del}:usage', 'users')).toBe(1);

    // The data keys under its prefix are purged; others stay.
    expect(await h.data.keys('del:orders:*')).toEqual([]);
    expect((await h.data.keys('del:*')).sort()).toEqual(['del:ordersx:1', 'del:users:1']);

    const q = await h.ok(`{
      project(slug: "del") { namespace(slug: "orders") { id } namespaces { totalCount edges { node { slug } } } overview { namespaceCount bindingCount } }
      billing: node(id: "service:del/billing") { ... on Service { bindings { id } namespaces { slug } } }
      audit: node(id: "service:del/audit") { ... on Service { bindings { id } namespaces { slug } } }
      gone: node(id: "binding:del/orders/billing") { id }
    }`);
    expect(q).toEqual({
      project: {
        namespace: null,
        namespaces: { totalCount: 1, edges: [{ node: { slug: 'users' } }] },
        overview: { namespaceCount: 1, bindingCount: 1 },
      },
      billing: { bindings: [{ id: 'binding:del/users/billing' }], namespaces: [{ slug: 'users' }] },
      audit: { bindings: [], namespaces: [] },
      gone: null,
    });

    const last = (await events('del')).at(-1)!;
    expect(last).toMatchObject({
      type: 'NAMESPACE_DELETED',
      namespaceId: 'namespace:del/orders',
      before: { slug: 'orders', removedBindings: ['binding:del/orders/audit', 'binding:del/orders/billing'] },
      after: null,
    });

    // Its quota is freed.
    await makeNamespace(h, p.id, { slug: 'big', policy: { quotaBytes: 800 } });
  });

  it('answers NOT_FOUND on a second delete and writes nothing', async () => {
    const p = await makeProject(h);
    const ns = await makeNamespace(h, p.id);
    await h.ok(DELETE, { id: ns.id });
    const before = await snapshot(h.redis);
    const r = await h.gql(DELETE, { id: ns.id });
    expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', id: ns.id });
    expect(await snapshot(h.redis)).toEqual(before);
  });

  it('keeps the data keys with purgeKeys: false', async () => {
    const p = await makeProject(h, { slug: 'keep' });
    const ns = await makeNamespace(h, p.id, { slug: 'orders' });
    await h.data.set('keep:orders:1', 'v');
    await h.ok(DELETE, { id: ns.id, purge: false });
    expect(await h.redis.exists('mm:{keep}:ns:orders')).toBe(0);
    expect(await h.data.get('keep:orders:1')).toBe('v');
  });

  it('lets a namespace of the same slug be created again, empty', async () => {
    const p = await makeProject(h);
    const svc = await makeService(h, p.id);
    const ns = await makeNamespace(h, p.id, { slug: 'again' });
    await bind(h, ns.id, svc.id);
    await h.ok(DELETE, { id: ns.id });
    const d = await h.ok(CREATE, { p: p.id, input: { slug: 'again', name: 'Again' } });
    expect(d.createNamespace).toMatchObject({ id: ns.id, version: 1, bindings: [] });
  });
});
