import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, snapshot, type Harness } from '../../test/harness.js';
import { bind, makeNamespace, makeProject, makeService } from '../../test/factories.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

const BIND = `mutation($n: ID!, $s: ID!, $input: BindingInput!) {
  bindService(namespaceId: $n, serviceId: $s, input: $input) {
    id version permissions patterns scopes rate { readRps writeRps } createdAt updatedAt namespace { id } service { id }
  }
}`;
const UPDATE = `mutation($id: ID!, $input: BindingPatch!, $v: Int) {
  updateBinding(id: $id, input: $input, expectedVersion: $v) { id version permissions patterns scopes rate { readRps writeRps } }
}`;
const UNBIND = `mutation($id: ID!) { unbindService(id: $id) }`;
const UPDATE_SERVICE = `mutation($id: ID!, $input: UpdateServiceInput!) { updateService(id: $id, input: $input) { id scopes version } }`;

/** The events of a project's stream, oldest first, with their parsed data. */
async function events(p: string) {
  const entries = await h.redis.xrange(`mm:{${p}}:events`, '-', '+');
  return entries.map(([, f]) => ({ type: f[f.indexOf('type') + 1]!, ...JSON.parse(f[f.indexOf('data') + 1]!) }));
}

/** A project with one namespace and one service (scopes STRING, HASH). */
async function fixture() {
  const p = await makeProject(h);
  const ns = await makeNamespace(h, p.id, { slug: 'orders' });
  const svc = await makeService(h, p.id, { slug: 'billing', scopes: ['STRING', 'HASH'] });
  return { p, ns, svc };
}

const VALID = { permissions: ['READ'], patterns: ['orders:*'], scopes: ['STRING'] };

describe('bindService', () => {
  it('creates a binding, then upserts it (version 1 -> 2, BINDING_CREATED then BINDING_UPDATED)', async () => {
    const p = await makeProject(h, { slug: 'bp' });
    const ns = await makeNamespace(h, p.id, { slug: 'orders' });
    const svc = await makeService(h, p.id, { slug: 'billing', scopes: ['STRING', 'HASH', 'LIST'] });

    const one = (await h.ok(BIND, { n: ns.id, s: svc.id, input: { ...VALID, rate: { readRps: 100 } } })).bindService;
    expect(one).toMatchObject({
      id: 'binding:bp/orders/billing',
      version: 1,
      permissions: ['READ'],
      patterns: ['orders:*'],
      scopes: ['STRING'],
      rate: { readRps: 100, writeRps: null },
      namespace: { id: 'namespace:bp/orders' },
      service: { id: 'service:bp/billing' },
    });
    expect(one.createdAt).toBe(one.updatedAt);
    expect(await h.redis.hget('mm:{bp}:idx', 'nsbind:orders')).toBe('billing');
    expect(await h.redis.hget('mm:{bp}:idx', 'svcbind:billing')).toBe('orders');

    // A second bind replaces the rules (duplicates dropped, an omitted rate is unlimited).
    const two = (
      await h.ok(BIND, {
        n: ns.id,
        s: svc.id,
        input: { permissions: ['READ', 'WRITE', 'READ'], patterns: ['*', 'orders:*', '*'], scopes: ['HASH', 'LIST'] },
      })
    ).bindService;
    expect(two).toMatchObject({
      id: 'binding:bp/orders/billing',
      version: 2,
      permissions: ['READ', 'WRITE'],
      patterns: ['*', 'orders:*'],
      scopes: ['HASH', 'LIST'],
      rate: { readRps: null, writeRps: null },
    });
    expect(two.createdAt).toBe(one.createdAt);
    expect(two.updatedAt >= one.updatedAt).toBe(true);

    // Still one entry on each index side.
    expect(await h.redis.hget('mm:{bp}:idx', 'nsbind:orders')).toBe('billing');
    expect(await h.redis.hget('mm:{bp}:idx', 'svcbind:billing')).toBe('orders');
    expect(JSON.parse((await h.redis.get('mm:{bp}:bind:orders:billing'))!)).toMatchObject({ version: 2, scopes: ['HASH', 'LIST'] });

    const evs = (await events('bp')).filter((e) => e.type.startsWith('BINDING_'));
    expect(evs.map((e) => e.type)).toEqual(['BINDING_CREATED', 'BINDING_UPDATED']);
    expect(evs[0]).toMatchObject({
      projectId: 'project:bp',
      namespaceId: 'namespace:bp/orders',
      serviceId: 'service:bp/billing',
      bindingId: 'binding:bp/orders/billing',
      before: null,
      after: { version: 1, patterns: ['orders:*'] },
    });
    expect(evs[1]).toMatchObject({ before: { version: 1 }, after: { version: 2, patterns: ['*', 'orders:*'] } });
  });

  it('is listed per namespace and per service (reverse index), and found by node(id)', async () => {
    const p = await makeProject(h, { slug: 'lst' });
    const orders = await makeNamespace(h, p.id, { slug: 'orders' });
    const users = await makeNamespace(h, p.id, { slug: 'users' });
    const billing = await makeService(h, p.id, { slug: 'billing' });
    const audit = await makeService(h, p.id, { slug: 'audit' });
    const idle = await makeService(h, p.id, { slug: 'idle' });
    await bind(h, users.id, billing.id);
    await bind(h, orders.id, billing.id);
    await bind(h, orders.id, audit.id, { permissions: ['READ'], patterns: ['x:*'] });

    const q = await h.ok(
      `query($b: ID!, $a: ID!, $i: ID!) {
        project(slug: "lst") {
          orders: namespace(slug: "orders") { bindings { id service { slug } namespace { slug } } }
          users: namespace(slug: "users") { bindings { id } }
        }
        billing: node(id: $b) { ... on Service { bindings { id } namespaces { id keyPrefix } } }
        audit: node(id: $a) { ... on Service { bindings { id permissions patterns } namespaces { slug } } }
        idle: node(id: $i) { ... on Service { bindings { id } namespaces { slug } } }
        binding: node(id: "binding:lst/orders/audit") { id ... on Binding { scopes service { slug } } }
        missing: node(id: "binding:lst/users/audit") { id }
      }`,
      { b: billing.id, a: audit.id, i: idle.id },
    );
    expect(q).toEqual({
      project: {
        orders: {
          bindings: [
            { id: 'binding:lst/orders/audit', service: { slug: 'audit' }, namespace: { slug: 'orders' } },
            { id: 'binding:lst/orders/billing', service: { slug: 'billing' }, namespace: { slug: 'orders' } },
          ],
        },
        users: { bindings: [{ id: 'binding:lst/users/billing' }] },
      },
      billing: {
        bindings: [{ id: 'binding:lst/orders/billing' }, { id: 'binding:lst/users/billing' }],
        namespaces: [
          { id: 'namespace:lst/orders', keyPrefix: 'lst:orders:' },
          { id: 'namespace:lst/users', keyPrefix: 'lst:users:' },
        ],
      },
      audit: { bindings: [{ id: 'binding:lst/orders/audit', permissions: ['READ'], patterns: ['x:*'] }], namespaces: [{ slug: 'orders' }] },
      idle: { bindings: [], namespaces: [] },
      binding: { id: 'binding:lst/orders/audit', scopes: ['STRING'], service: { slug: 'audit' } },
      missing: null,
    });
    expect(await h.redis.hgetall('mm:{lst}:idx')).toMatchObject({
      'nsbind:orders': 'billing,audit',
      'nsbind:users': 'billing',
      'svcbind:billing': 'users,orders',
      'svcbind:audit': 'orders',
    });
    expect(await h.redis.hexists('mm:{lst}:idx', 'svcbind:idle')).toBe(0);
  });

  it('accepts a pattern of exactly 200 printable characters', async () => {
    const { ns, svc } = await fixture();
    const pattern = `${'a'.repeat(196)}:[x]`; // 200 characters, glob brackets are fine
    expect(pattern).toHaveLength(200);
    const b = await bind(h, ns.id, svc.id, { patterns: [pattern, 'a?b\\*c'] });
    expect(b.patterns).toEqual([pattern, 'a?b\\*c']);
  });

  const bad: [string, Record<string, unknown>, string][] = [
    ['empty permissions', { permissions: [] }, 'input.permissions'],
    ['empty patterns', { patterns: [] }, 'input.patterns'],
    ['an empty pattern', { patterns: [''] }, 'input.patterns[0]'],
    ['a space', { patterns: ['orders *'] }, 'input.patterns[0]'],
    ['a tab in the second pattern', { patterns: ['ok:*', 'a\tb'] }, 'input.patterns[1]'],
    ['a newline', { patterns: ['a\nb'] }, 'input.patterns[0]'],
    ['a unicode space', { patterns: ['a\u00a0b'] }, 'input.patterns[0]'],
    ...[...'~%&<>()!#"\''].map((c): [string, Record<string, unknown>, string] => [`"${c}"`, { patterns: ['ok:*', `a${c}*`] }, 'input.patterns[1]']),
    ['a leading ~', { patterns: ['~*'] }, 'input.patterns[0]'],
    ['non-ASCII', { patterns: ['café:*'] }, 'input.patterns[0]'],
    ['a control character', { patterns: ['a\u0001b'] }, 'input.patterns[0]'],
    ['201 characters', { patterns: ['x'.repeat(201)] }, 'input.patterns[0]'],
    ['an unpaired trailing backslash', { patterns: ['a\\'] }, 'input.patterns[0]'],
    ['more than 50 patterns', { patterns: Array.from({ length: 51 }, (_, i) => `p${i}:*`) }, 'input.patterns'],
    ['empty scopes', { scopes: [] }, 'input.scopes'],
    ['a scope beyond the service', { scopes: ['STRING', 'STREAM'] }, 'input.scopes'],
    ['a negative readRps', { rate: { readRps: -1 } }, 'input.rate.readRps'],
    ['a negative writeRps', { rate: { readRps: 5, writeRps: -3 } }, 'input.rate.writeRps'],
  ];
  it.each(bad)('refuses %s naming %s and writes nothing', async (_what, patch, field) => {
    const { ns, svc } = await fixture();
    const before = await snapshot(h.redis);
    const r = await h.gql(BIND, { n: ns.id, s: svc.id, input: { ...VALID, ...patch } });
    expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(r.data).toBeNull();
    expect(await snapshot(h.redis)).toEqual(before);
  });

  it('refuses an invalid upsert of an existing binding and keeps it as it was', async () => {
    const { p, ns, svc } = await fixture();
    await bind(h, ns.id, svc.id, { patterns: ['a:*'] });
    const before = await snapshot(h.redis);
    const r = await h.gql(BIND, { n: ns.id, s: svc.id, input: { ...VALID, patterns: ['a:*', 'b )'] } });
    expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.patterns[1]' });
    expect(await snapshot(h.redis)).toEqual(before);
    expect(JSON.parse((await h.redis.get(`mm:{${p.slug}}:bind:orders:billing`))!)).toMatchObject({ version: 1, patterns: ['a:*'] });
  });

  it('refuses a namespace and a service of different projects (field serviceId)', async () => {
    const { ns } = await fixture();
    const other = await makeProject(h);
    const foreign = await makeService(h, other.id, { slug: 'billing' });
    const before = await snapshot(h.redis);
    const r = await h.gql(BIND, { n: ns.id, s: foreign.id, input: VALID });
    expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'serviceId' });
    expect(await snapshot(h.redis)).toEqual(before);
  });

  it('answers NOT_FOUND for an unknown namespace or service, BAD_USER_INPUT for malformed ids, writing nothing', async () => {
    const { p, ns, svc } = await fixture();
    const before = await snapshot(h.redis);
    const noNs = await h.gql(BIND, { n: `namespace:${p.slug}/nope`, s: svc.id, input: VALID });
    expect(noNs.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', id: `namespace:${p.slug}/nope` });
    const noSvc = await h.gql(BIND, { n: ns.id, s: `service:${p.slug}/nope`, input: VALID });
    expect(noSvc.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', id: `service:${p.slug}/nope` });
    const noProject = await h.gql(BIND, { n: 'namespace:nope/orders', s: 'service:nope/billing', input: VALID });
    expect(noProject.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const badNs = await h.gql(BIND, { n: 'orders', s: svc.id, input: VALID });
    expect(badNs.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'namespaceId' });
    const badSvc = await h.gql(BIND, { n: ns.id, s: 'service:Bad', input: VALID });
    expect(badSvc.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'serviceId' });
    expect(await snapshot(h.redis)).toEqual(before);
  });
});

describe('updateBinding', () => {
  it('updates partially: a partial rate keeps the other rate, omitted fields keep their value', async () => {
    const { p, ns, svc } = await fixture();
    const b = await bind(h, ns.id, svc.id, { permissions: ['READ', 'WRITE'], patterns: ['a:*'], scopes: ['STRING'], rate: { readRps: 10, writeRps: 20 } });
    const id = `binding:${p.slug}/orders/billing`;
    expect(b).toMatchObject({ id, version: 1 });

    const one = await h.ok(UPDATE, { id, input: { rate: { writeRps: 5 } } });
    expect(one.updateBinding).toEqual({
      id,
      version: 2,
      permissions: ['READ', 'WRITE'],
      patterns: ['a:*'],
      scopes: ['STRING'],
      rate: { readRps: 10, writeRps: 5 },
    });
    const two = await h.ok(UPDATE, { id, input: { rate: { readRps: null } } });
    expect(two.updateBinding).toMatchObject({ version: 3, rate: { readRps: null, writeRps: 5 } });
    const three = await h.ok(UPDATE, { id, input: { patterns: ['b:*', 'c:*'], scopes: ['HASH'] }, v: 3 });
    expect(three.updateBinding).toEqual({
      id,
      version: 4,
      permissions: ['READ', 'WRITE'],
      patterns: ['b:*', 'c:*'],
      scopes: ['HASH'],
      rate: { readRps: null, writeRps: 5 },
    });
    const four = await h.ok(UPDATE, { id, input: { permissions: ['READ'] } });
    expect(four.updateBinding).toMatchObject({ version: 5, permissions: ['READ'], patterns: ['b:*', 'c:*'], scopes: ['HASH'] });

    const evs = (await events(p.slug)).filter((e) => e.type === 'BINDING_UPDATED');
    expect(evs).toHaveLength(4);
    expect(evs[0]).toMatchObject({
      bindingId: id,
      before: { version: 1, rate: { readRps: 10, writeRps: 20 } },
      after: { version: 2, rate: { readRps: 10, writeRps: 5 } },
    });
  });

  it('refuses a stale expectedVersion with CONFLICT and writes nothing', async () => {
    const { p, ns, svc } = await fixture();
    await bind(h, ns.id, svc.id);
    const id = `binding:${p.slug}/orders/billing`;
    await h.ok(UPDATE, { id, input: { patterns: ['x:*'] }, v: 1 });
    const before = await snapshot(h.redis);
    const r = await h.gql(UPDATE, { id, input: { patterns: ['y:*'] }, v: 1 });
    expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', id, expectedVersion: 1, actualVersion: 2 });
    expect(await snapshot(h.redis)).toEqual(before);
  });

  it.each([
    [{ patterns: ['x y'] }, 'input.patterns[0]'],
    [{ patterns: [] }, 'input.patterns'],
    [{ patterns: null }, 'input.patterns'],
    [{ permissions: [] }, 'input.permissions'],
    [{ permissions: null }, 'input.permissions'],
    [{ scopes: ['STREAM'] }, 'input.scopes'],
    [{ scopes: null }, 'input.scopes'],
    [{ rate: { writeRps: -1 } }, 'input.rate.writeRps'],
  ])('refuses patch %j naming %s and writes nothing', async (input, field) => {
    const { p, ns, svc } = await fixture();
    await bind(h, ns.id, svc.id);
    const before = await snapshot(h.redis);
    const r = await h.gql(UPDATE, { id: `binding:${p.slug}/orders/billing`, input });
    expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(await snapshot(h.redis)).toEqual(before);
  });

  it('answers NOT_FOUND for an unknown binding and writes nothing', async () => {
    const { p } = await fixture();
    const before = await snapshot(h.redis);
    const r = await h.gql(UPDATE, { id: `binding:${p.slug}/orders/billing`, input: { patterns: ['*'] } });
    expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', id: `binding:${p.slug}/orders/billing` });
    expect(await snapshot(h.redis)).toEqual(before);
  });
});

describe('unbindService', () => {
  it('removes the binding and both index sides, with a BINDING_DELETED event', async () => {
    const p = await makeProject(h, { slug: 'ub' });
    const orders = await makeNamespace(h, p.id, { slug: 'orders' });
    const users = await makeNamespace(h, p.id, { slug: 'users' });
    const svc = await makeService(h, p.id, { slug: 'billing' });
    await bind(h, orders.id, svc.id);
    await bind(h, users.id, svc.id);

    expect((await h.ok(UNBIND, { id: 'binding:ub/orders/billing' })).unbindService).toBe('binding:ub/orders/billing');
    expect(await h.redis.exists('mm:{ub}:bind:orders:billing')).toBe(0);
    expect(await h.redis.hexists('mm:{ub}:idx', 'nsbind:orders')).toBe(0);
    expect(await h.redis.hget('mm:{ub}:idx', 'svcbind:billing')).toBe('users');

    await h.ok(UNBIND, { id: 'binding:ub/users/billing' });
    const idx = await h.redis.hgetall('mm:{ub}:idx');
    expect(idx).toEqual({ ns: 'orders,users', svc: 'billing' });
    expect(await h.redis.keys('mm:{ub}:bind:*')).toEqual([]);

    const q = await h.ok(`{
      project(slug: "ub") { namespace(slug: "orders") { bindings { id } } overview { bindingCount } }
      node(id: "service:ub/billing") { ... on Service { bindings { id } namespaces { slug } } }
    }`);
    expect(q).toEqual({
      project: { namespace: { bindings: [] }, overview: { bindingCount: 0 } },
      node: { bindings: [], namespaces: [] },
    });
    const last = (await events('ub')).at(-1)!;
    expect(last).toMatchObject({ type: 'BINDING_DELETED', bindingId: 'binding:ub/users/billing', before: { version: 1 }, after: null });
  });

  it('answers NOT_FOUND on a second unbind and writes nothing', async () => {
    const { p, ns, svc } = await fixture();
    await bind(h, ns.id, svc.id);
    const id = `binding:${p.slug}/orders/billing`;
    await h.ok(UNBIND, { id });
    const before = await snapshot(h.redis);
    const r = await h.gql(UNBIND, { id });
    expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', id });
    const bad = await h.gql(UNBIND, { id: 'binding:x/y' });
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
    expect(await snapshot(h.redis)).toEqual(before);
  });
});

describe('service scopes as the ceiling of its bindings', () => {
  it('refuses narrowing a service below a binding (input.scopes) and allows it once the binding fits', async () => {
    const { p, ns, svc } = await fixture();
    await bind(h, ns.id, svc.id, { scopes: ['HASH'] });
    const before = await snapshot(h.redis);
    const r = await h.gql(UPDATE_SERVICE, { id: svc.id, input: { scopes: ['STRING'] } });
    expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.scopes' });
    expect(r.errors?.[0]?.message).toContain(`binding:${p.slug}/orders/billing`);
    expect(await snapshot(h.redis)).toEqual(before);

    // Narrowing to what the binding uses is fine.
    const ok = await h.ok(UPDATE_SERVICE, { id: svc.id, input: { scopes: ['HASH'] } });
    expect(ok.updateService).toEqual({ id: svc.id, scopes: ['HASH'], version: 2 });

    // And a binding may not then be widened past the new ceiling.
    const wide = await h.gql(UPDATE, { id: `binding:${p.slug}/orders/billing`, input: { scopes: ['HASH', 'STRING'] } });
    expect(wide.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.scopes' });

    await h.ok(UNBIND, { id: `binding:${p.slug}/orders/billing` });
    const free = await h.ok(UPDATE_SERVICE, { id: svc.id, input: { scopes: ['STREAM'] } });
    expect(free.updateService.scopes).toEqual(['STREAM']);
  });
});
