import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, snapshot, startHarness, type Harness } from '../../test/harness.js';
import { bind, makeNamespace, makeProject, makeService } from '../../test/factories.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

const EVENTS = `query($p: ID!, $filter: EventFilter, $first: Int, $after: String) {
  events(projectId: $p, filter: $filter, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { cursor node { id type at actor { kind id } projectId namespaceId serviceId bindingId before after requestId } }
  }
}`;

/** A GraphQL call as admin with an X-Request-Id header. */
async function send(query: string, variables: Record<string, unknown>, requestId: string) {
  const res = await fetch(`${h.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN_TOKEN}`, 'x-request-id': requestId },
    body: JSON.stringify({ query, variables }),
  });
  expect(res.headers.get('x-request-id')).toBe(requestId);
  return (await res.json()) as { data?: any; errors?: { extensions?: Record<string, any> }[] };
}

async function events(projectId: string, args: { filter?: unknown; first?: number; after?: string } = {}) {
  return (await h.ok(EVENTS, { p: projectId, ...args })).events as {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: { cursor: string; node: any }[];
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('each mutation writes exactly one event', () => {
  const P = 'project:audited';
  let rid = 0;

  /** Runs a mutation with a fresh request id and returns the one event it added to the project's stream. */
  async function one(query: string, variables: Record<string, unknown>) {
    const requestId = `req-${++rid}`;
    const before = await h.redis.xlen('mm:{audited}:events');
    const r = await send(query, variables, requestId);
    expect(r.errors).toBeUndefined();
    expect(await h.redis.xlen('mm:{audited}:events')).toBe(before + 1);
    const e = (await events(P, { first: 1 })).edges[0]!.node;
    expect(e.actor).toEqual({ kind: 'ADMIN', id: 'admin' });
    expect(e.requestId).toBe(requestId);
    expect(e.projectId).toBe(P);
    expect(Date.parse(e.at)).toBeGreaterThan(Date.now() - 10_000);
    return e;
  }

  it('records actor, request id and before/after documents for every mutation type', async () => {
    let e = await one(`mutation { createProject(input: { slug: "audited", name: "Audited" }) { id } }`, {});
    expect(e).toMatchObject({ type: 'PROJECT_CREATED', before: null, after: { slug: 'audited', name: 'Audited', version: 1 } });

    e = await one(`mutation { updateProject(id: "project:audited", input: { name: "Renamed" }) { id } }`, {});
    expect(e).toMatchObject({ type: 'PROJECT_UPDATED', before: { name: 'Audited', version: 1 }, after: { name: 'Renamed', version: 2 } });

    e = await one(`mutation { createNamespace(projectId: "project:audited", input: { slug: "orders", name: "Orders" }) { id } }`, {});
    expect(e).toMatchObject({ type: 'NAMESPACE_CREATED', namespaceId: 'namespace:audited/orders', before: null, after: { slug: 'orders', status: 'ACTIVE' } });

    e = await one(`mutation { updateNamespacePolicy(id: "namespace:audited/orders", policy: { defaultTtlSeconds: 60 }) { id } }`, {});
    expect(e).toMatchObject({
      type: 'NAMESPACE_POLICY_UPDATED',
      before: { policy: { defaultTtlSeconds: null } },
      after: { policy: { defaultTtlSeconds: 60 }, version: 2 },
    });

    e = await one(`mutation { freezeNamespace(id: "namespace:audited/orders") { id } }`, {});
    expect(e).toMatchObject({ type: 'NAMESPACE_FROZEN', before: { status: 'ACTIVE' }, after: { status: 'FROZEN' } });
    e = await one(`mutation { unfreezeNamespace(id: "namespace:audited/orders") { id } }`, {});
    expect(e).toMatchObject({ type: 'NAMESPACE_UNFROZEN', before: { status: 'FROZEN' }, after: { status: 'ACTIVE' } });

    e = await one(`mutation { createService(projectId: "project:audited", input: { slug: "billing", name: "Billing", scopes: [STRING, HASH] }) { token } }`, {});
    expect(e).toMatchObject({ type: 'SERVICE_CREATED', serviceId: 'service:audited/billing', before: null, after: { slug: 'billing', scopes: ['STRING', 'HASH'] } });
    expect(e.after).not.toHaveProperty('auth');

    e = await one(`mutation { updateService(id: "service:audited/billing", input: { name: "Billing 2" }) { id } }`, {});
    expect(e).toMatchObject({ type: 'SERVICE_UPDATED', before: { name: 'Billing' }, after: { name: 'Billing 2' } });

    e = await one(`mutation { rotateServiceToken(id: "service:audited/billing", graceSeconds: 30) { token } }`, {});
    expect(e).toMatchObject({ type: 'SERVICE_TOKEN_ROTATED', after: { graceSeconds: 30 } });
    expect(e.before).not.toHaveProperty('auth');
    expect(e.after).not.toHaveProperty('auth');
    expect(e.after.tokenPreview).not.toBe(e.before.tokenPreview);

    const B = { n: 'namespace:audited/orders', s: 'service:audited/billing' };
    const BIND = `mutation($n: ID!, $s: ID!, $p: [Access!]!) { bindService(namespaceId: $n, serviceId: $s, input: { permissions: $p, patterns: ["*"], scopes: [STRING] }) { id } }`;
    e = await one(BIND, { ...B, p: ['READ'] });
    expect(e).toMatchObject({
      type: 'BINDING_CREATED',
      namespaceId: B.n,
      serviceId: B.s,
      bindingId: 'binding:audited/orders/billing',
      before: null,
      after: { permissions: ['READ'], version: 1 },
    });
    e = await one(BIND, { ...B, p: ['READ', 'WRITE'] });
    expect(e).toMatchObject({ type: 'BINDING_UPDATED', before: { permissions: ['READ'] }, after: { permissions: ['READ', 'WRITE'], version: 2 } });

    e = await one(`mutation { updateBinding(id: "binding:audited/orders/billing", input: { patterns: ["orders:*"] }) { id } }`, {});
    expect(e).toMatchObject({ type: 'BINDING_UPDATED', before: { patterns: ['*'] }, after: { patterns: ['orders:*'], version: 3 } });

    e = await one(`mutation { unbindService(id: "binding:audited/orders/billing") }`, {});
    expect(e).toMatchObject({ type: 'BINDING_DELETED', bindingId: 'binding:audited/orders/billing', before: { patterns: ['orders:*'] }, after: null });

    // Deleting a namespace or a service with bindings is still one event.
    await bind(h, B.n, B.s);
    e = await one(`mutation { deleteNamespace(id: "namespace:audited/orders") }`, {});
    expect(e).toMatchObject({ type: 'NAMESPACE_DELETED', namespaceId: B.n, before: { slug: 'orders' }, after: null });

    const ns = await makeNamespace(h, P, { slug: 'cache' });
    await bind(h, ns.id, B.s);
    e = await one(`mutation { deleteService(id: "service:audited/billing") }`, {});
    expect(e).toMatchObject({ type: 'SERVICE_DELETED', serviceId: B.s, before: { slug: 'billing' }, after: null });
    expect(e.before).not.toHaveProperty('auth');
  });

  it('records a project deletion in the cross-project stream', async () => {
    await makeProject(h, { slug: 'gone' });
    const before = await h.redis.xlen('mm:audit');
    const r = await send(`mutation { deleteProject(id: "project:gone") }`, {}, 'req-delete');
    expect(r.data.deleteProject).toBe('project:gone');
    expect(await h.redis.xlen('mm:audit')).toBe(before + 1);
    const [[, fields]] = (await h.redis.xrevrange('mm:audit', '+', '-', 'COUNT', 1)) as [string, string[]][];
    expect(fields[0]).toBe('type');
    expect(fields[1]).toBe('PROJECT_DELETED');
    const data = JSON.parse(fields[3]!);
    expect(data).toMatchObject({ actor: { kind: 'ADMIN', id: 'admin' }, requestId: 'req-delete', projectId: 'project:gone', before: { slug: 'gone' }, after: null });
  });

  it('writes no event for a failed mutation', async () => {
    await makeService(h, P, { slug: 'narrow', scopes: ['STRING'] });
    await makeNamespace(h, P, { slug: 'failing' });
    const failing = [
      `mutation { createProject(input: { slug: "audited", name: "Again" }) { id } }`,
      `mutation { updateProject(id: "project:audited", input: { name: "x" }, expectedVersion: 1) { id } }`,
      `mutation { createNamespace(projectId: "project:audited", input: { slug: "Bad Slug", name: "x" }) { id } }`,
      `mutation { updateNamespacePolicy(id: "namespace:audited/nope", policy: { defaultTtlSeconds: 5 }) { id } }`,
      `mutation { bindService(namespaceId: "namespace:audited/failing", serviceId: "service:audited/narrow", input: { permissions: [READ], patterns: ["*"], scopes: [HASH] }) { id } }`,
      `mutation { unbindService(id: "binding:audited/failing/narrow") }`,
      `mutation { deleteService(id: "service:audited/nope") }`,
    ];
    for (const [i, query] of failing.entries()) {
      const before = await snapshot(h.redis);
      const r = await send(query, {}, `fail-${i}`);
      expect(r.errors?.length).toBe(1);
      expect(await snapshot(h.redis)).toEqual(before);
    }
    const all = await events(P, { first: 500 });
    expect(all.edges.filter((e) => e.node.requestId?.startsWith('fail-'))).toEqual([]);
  });
});

describe('events query', () => {
  const P = 'project:paged';
  /** Times between the three groups of writes: t1 after group 1, t2 after group 2. */
  let t1: Date;
  let t2: Date;
  const nsIds: string[] = [];
  const svcIds: string[] = [];

  beforeAll(async () => {
    // Group 1: the project and 3 namespaces (4 events).
    await makeProject(h, { slug: 'paged' });
    for (const slug of ['a', 'b', 'c']) nsIds.push((await makeNamespace(h, P, { slug })).id);
    await sleep(20);
    t1 = new Date();
    await sleep(20);
    // Group 2: 2 services and 6 bindings (8 events).
    for (const slug of ['x', 'y']) svcIds.push((await makeService(h, P, { slug })).id);
    for (const n of nsIds) for (const s of svcIds) await bind(h, n, s);
    await sleep(20);
    t2 = new Date();
    await sleep(20);
    // Group 3: 13 freezes and unfreezes (13 events).
    for (let i = 0; i < 13; i++) {
      await h.ok(`mutation($id: ID!) { ${i % 2 ? 'unfreezeNamespace' : 'freezeNamespace'}(id: $id) { id } }`, { id: nsIds[0] });
    }
  });

  it('lists newest first, with the stream ID as id and cursor', async () => {
    const all = await events(P, { first: 500 });
    expect(all.totalCount).toBe(25);
    expect(all.edges).toHaveLength(25);
    expect(all.pageInfo).toEqual({ hasNextPage: false, endCursor: all.edges[24]!.cursor });
    expect(all.edges[0]!.node.type).toBe('NAMESPACE_FROZEN');
    expect(all.edges[24]!.node.type).toBe('PROJECT_CREATED');
    const ids = all.edges.map((e) => e.node.id);
    expect(all.edges.map((e) => e.cursor)).toEqual(ids);
    const raw = (await h.redis.xrevrange('mm:{paged}:events', '+', '-')).map(([id]) => id);
    expect(ids).toEqual(raw);
    const ats = all.edges.map((e) => Date.parse(e.node.at));
    expect([...ats].sort((a, b) => b - a)).toEqual(ats);
  });

  it('pages with after without gaps or duplicates', async () => {
    const all = (await events(P, { first: 500 })).edges.map((e) => e.node.id);
    for (const size of [1, 7, 25]) {
      const seen: string[] = [];
      let after: string | undefined;
      for (let page = 0; ; page++) {
        const r = await events(P, { first: size, after });
        seen.push(...r.edges.map((e) => e.node.id));
        expect(r.edges.length).toBe(Math.min(size, all.length - page * size));
        if (!r.pageInfo.hasNextPage) break;
        after = r.pageInfo.endCursor!;
      }
      expect(seen).toEqual(all);
    }
    expect((await events(P, { first: 0 })).edges).toEqual([]);
  });

  it('filters by namespace, service and types, also across pages', async () => {
    const byNs = await events(P, { filter: { namespaceId: nsIds[1] }, first: 500 });
    expect(byNs.edges.map((e) => e.node.type)).toEqual(['BINDING_CREATED', 'BINDING_CREATED', 'NAMESPACE_CREATED']);
    expect(byNs.edges.every((e) => e.node.namespaceId === nsIds[1])).toBe(true);

    const bySvc = await events(P, { filter: { serviceId: svcIds[0] }, first: 500 });
    expect(bySvc.edges.map((e) => [e.node.type, e.node.namespaceId])).toEqual([
      ['BINDING_CREATED', nsIds[2]],
      ['BINDING_CREATED', nsIds[1]],
      ['BINDING_CREATED', nsIds[0]],
      ['SERVICE_CREATED', null],
    ]);

    const both = await events(P, { filter: { namespaceId: nsIds[0], serviceId: svcIds[1] }, first: 500 });
    expect(both.edges.map((e) => e.node.bindingId)).toEqual(['binding:paged/a/y']);

    const types = { types: ['NAMESPACE_CREATED', 'SERVICE_CREATED'] };
    const filtered = (await events(P, { filter: types, first: 500 })).edges.map((e) => e.node.id);
    expect(filtered).toHaveLength(5);
    const paged: string[] = [];
    let after: string | undefined;
    for (;;) {
      const r = await events(P, { filter: types, first: 2, after });
      paged.push(...r.edges.map((e) => e.node.id));
      if (!r.pageInfo.hasNextPage) break;
      after = r.pageInfo.endCursor!;
    }
    expect(paged).toEqual(filtered);
  });

  it('filters by time: since is inclusive, until exclusive', async () => {
    const all = (await events(P, { first: 500 })).edges.map((e) => e.node);
    const since = await events(P, { filter: { since: t1.toISOString() }, first: 500 });
    expect(since.edges.map((e) => e.node.id)).toEqual(all.slice(0, 21).map((e) => e.id));
    const until = await events(P, { filter: { until: t2.toISOString() }, first: 500 });
    expect(until.edges.map((e) => e.node.id)).toEqual(all.slice(13).map((e) => e.id));
    const window = await events(P, { filter: { since: t1.toISOString(), until: t2.toISOString() }, first: 3 });
    expect(window.edges.map((e) => e.node.id)).toEqual(all.slice(13, 16).map((e) => e.id));
    const rest = await events(P, { filter: { since: t1.toISOString(), until: t2.toISOString() }, first: 500, after: window.pageInfo.endCursor! });
    expect(rest.edges.map((e) => e.node.id)).toEqual(all.slice(16, 21).map((e) => e.id));
    expect(rest.pageInfo.hasNextPage).toBe(false);

    const oldest = all.at(-1)!;
    const exact = await events(P, { filter: { since: oldest.at, until: oldest.at }, first: 500 });
    expect(exact.edges).toEqual([]);
    // Times before 1970 (before any stream ID) bound nothing below, and leave nothing above.
    const ever = await events(P, { filter: { since: '1960-01-01T00:00:00.000Z' }, first: 500 });
    expect(ever.edges.map((e) => e.node.id)).toEqual(all.map((e) => e.id));
    const never = await events(P, { filter: { until: '1960-01-01T00:00:00.000Z' }, first: 500 });
    expect(never.edges).toEqual([]);
  });

  it('gives the same events as overview.recentEvents', async () => {
    const d = await h.ok(`{ project(slug: "paged") { overview { a: recentEvents { id type at } b: recentEvents(limit: 3) { id type at } } } }`);
    const all = (await events(P, { first: 10 })).edges.map((e) => ({ id: e.node.id, type: e.node.type, at: e.node.at }));
    expect(d.project.overview.a).toEqual(all);
    expect(d.project.overview.b).toEqual(all.slice(0, 3));
  });

  it('refuses a malformed after, a bad page size and an unknown project', async () => {
    for (const after of ['nonsense', '12', '1-2-3', 'namespace:paged/a', '99999999999999999999-0', '1-18446744073709551616']) {
      const r = await h.gql(EVENTS, { p: P, after });
      expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    }
    expect((await h.gql(EVENTS, { p: P, first: -1 })).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    expect((await h.gql(EVENTS, { p: 'project:nope' })).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await h.gql(EVENTS, { p: 'nope' })).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'projectId' });
  });
});
