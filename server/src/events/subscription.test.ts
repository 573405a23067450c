// Subscription.events over graphql-ws: across replicas, filters, resume, auth and retention.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, startHarness, type Harness } from '../../test/harness.js';
import { bind, makeNamespace, makeProject, makeService } from '../../test/factories.js';
import { eventually, startReplica, WsClient, type Replica } from '../../test/ws-client.js';

let h: Harness;
let b: Replica;
beforeAll(async () => {
  h = await startHarness();
  b = await startReplica(h);
});
afterAll(async () => {
  await b.close();
  await h.close();
});

const SUB = `subscription($p: ID!, $n: ID, $s: ID, $t: [EventType!], $after: String) {
  events(projectId: $p, namespaceId: $n, serviceId: $s, types: $t, after: $after) { id type namespaceId serviceId after }
}`;

const rename = (id: string, name: string) =>
  b.ok(`mutation($id: ID!, $name: String!) { updateProject(id: $id, input: { name: $name }) { id } }`, { id, name });

/** Opens a subscription on app A and waits until it receives live events. */
async function live(variables: Record<string, unknown>, client?: WsClient) {
  const c = client ?? (await WsClient.open(h.url));
  const before = h.app.deps.events.live;
  const id = c.subscribe(SUB, variables);
  await eventually(() => h.app.deps.events.live > before, 5_000, 'the subscription to go live');
  return { c, id };
}

async function eventIds(p: string): Promise<string[]> {
  const d = await h.ok(`query($p: ID!) { events(projectId: $p, first: 500) { edges { node { id } } } }`, { p });
  return d.events.edges.map((e: any) => e.node.id).reverse();
}

describe('Subscription.events', () => {
  it('delivers a change made on replica B to a subscriber on replica A within a second', async () => {
    const p = await makeProject(h);
    const { c, id } = await live({ p: p.id });
    const t0 = Date.now();
    await rename(p.id, 'Changed on B');
    const [first] = await c.nexts(id, 1, 1_000);
    expect(Date.now() - t0).toBeLessThan(1_000);
    expect(first.errors).toBeUndefined();
    expect(first.data.events).toMatchObject({ type: 'PROJECT_UPDATED', after: { name: 'Changed on B' } });
    expect(first.data.events.id).toBe((await eventIds(p.id)).at(-1));
    c.close();
  });

  it('filters by namespace, service and type', async () => {
    const p = await makeProject(h);
    const [n1, n2] = [await makeNamespace(h, p.id), await makeNamespace(h, p.id)];
    const s1 = await makeService(h, p.id);
    const c = await WsClient.open(h.url);
    const byNs = (await live({ p: p.id, n: n1.id }, c)).id;
    const bySvc = (await live({ p: p.id, s: s1.id }, c)).id;
    const byType = (await live({ p: p.id, t: ['BINDING_CREATED', 'NAMESPACE_FROZEN'] }, c)).id;
    const all = (await live({ p: p.id }, c)).id;

    await bind(h, n1.id, s1.id);
    await bind(h, n2.id, s1.id);
    await b.ok(`mutation($id: ID!) { freezeNamespace(id: $id) { id } }`, { id: n2.id });
    await b.ok(`mutation($id: ID!) { freezeNamespace(id: $id) { id } }`, { id: n1.id });
    await rename(p.id, 'last');

    const types = (frames: any[]) => frames.map((f) => [f.data.events.type, f.data.events.namespaceId]);
    expect(types(await c.nexts(all, 5))).toEqual([
      ['BINDING_CREATED', n1.id],
      ['BINDING_CREATED', n2.id],
      ['NAMESPACE_FROZEN', n2.id],
      ['NAMESPACE_FROZEN', n1.id],
      ['PROJECT_UPDATED', null],
    ]);
    // The unfiltered feed saw the last event, so the filtered ones have seen everything they will.
    expect(types(c.data(byNs))).toEqual([
      ['BINDING_CREATED', n1.id],
      ['NAMESPACE_FROZEN', n1.id],
    ]);
    expect(types(c.data(bySvc))).toEqual([
      ['BINDING_CREATED', n1.id],
      ['BINDING_CREATED', n2.id],
    ]);
    expect(types(c.data(byType))).toEqual(types(c.data(all)).slice(0, 4));
    c.close();
  });

  it('resumes after an ID: every later event exactly once, in order, across the replay/live seam', async () => {
    const p = await makeProject(h);
    for (let i = 0; i < 30; i++) await rename(p.id, `before ${i}`);
    const history = await eventIds(p.id);
    const from = history[9]!;
    const c = await WsClient.open(h.url);
    const id = c.subscribe(SUB, { p: p.id, after: from });
    // Writes race the replay: some land in it, some arrive live, some in between.
    for (let i = 0; i < 30; i++) await rename(p.id, `during ${i}`);
    const all = await eventIds(p.id);
    const expected = all.slice(all.indexOf(from) + 1);
    expect(expected).toHaveLength(21 + 30);
    await c.nexts(id, expected.length);
    await new Promise((r) => setTimeout(r, 100)); // nothing extra may follow
    expect(c.data(id).map((f) => f.data.events.id)).toEqual(expected);
    c.close();
  });

  it('without after, delivers every event committed after the subscribe, even before its tail has connected', async () => {
    // Guards a bug: "from now" was taken when the tail connected, so changes made in the first
    // moments after subscribing were silently skipped.
    const p = await makeProject(h);
    const feed = await h.app.deps.events.open({ project: p.slug, after: null, filter: {} });
    await rename(p.id, 'Right after subscribing');
    const first = await Promise.race([
      feed.next(),
      new Promise<never>((_, reject) => setTimeout(() => reject(new Error('no event within 2 s')), 2_000)),
    ]);
    expect(first.value).toMatchObject({ type: 'PROJECT_UPDATED', after: { name: 'Right after subscribing' } });
    await feed.return();
  });

  it('answers a subscription sent over HTTP with a typed 400 that points to the WebSocket', async () => {
    // Guards a bug: it ran as a query and failed as a masked INTERNAL_SERVER_ERROR.
    const p = await makeProject(h);
    const r = await h.gql(SUB, { p: p.id });
    expect(r.status).toBe(400);
    expect(r.data ?? null).toBeNull();
    expect(r.errors).toEqual([
      expect.objectContaining({ message: expect.stringContaining('WebSocket'), extensions: { code: 'BAD_REQUEST' } }),
    ]);
  });

  it('replays a project from its first event with after "0-0"', async () => {
    const p = await makeProject(h);
    await rename(p.id, 'x');
    const c = await WsClient.open(h.url);
    const id = c.subscribe(SUB, { p: p.id, after: '0-0' });
    expect((await c.nexts(id, 2)).map((f) => f.data.events.type)).toEqual(['PROJECT_CREATED', 'PROJECT_UPDATED']);
    c.close();
  });

  it('closes a connection with a missing, bad or rotated-away token with 4403 before any ack', async () => {
    const p = await makeProject(h);
    const s = await makeService(h, p.id);
    await h.ok(`mutation($id: ID!) { rotateServiceToken(id: $id) { token } }`, { id: s.id });
    for (const token of [null, 'garbage', `${ADMIN_TOKEN}x`, s.token]) {
      const c = await WsClient.open(h.url, token);
      expect(await c.closedPromise).toEqual({ code: 4403, reason: 'Forbidden' });
      expect(c.frames).toEqual([]);
    }
    // A failure that is not the token's (here an unreadable service document) is a retryable close.
    await h.redis.set(`mm:{${p.slug}}:svc:broken`, '{bad');
    const broken = await WsClient.open(h.url, `mms_${p.slug}_broken_${'B'.repeat(43)}`);
    expect(await broken.closedPromise).toEqual({ code: 1013, reason: 'Try again later' });
    await h.redis.del(`mm:{${p.slug}}:svc:broken`);
    // A subscribe without connection_init is refused too (graphql-ws: 4401).
    const raw = await WsClient.open(h.url, null, false);
    raw.subscribe(SUB, { p: p.id });
    expect((await raw.closedPromise).code).toBe(4401);
  });

  it('refuses a service token, bad arguments and an unknown project with typed errors', async () => {
    const p = await makeProject(h);
    const s = await makeService(h, p.id);
    const other = await makeProject(h);
    const svc = await WsClient.open(h.url, s.token);
    expect(svc.closed).toBeNull();
    const forbidden = svc.subscribe(SUB, { p: p.id });
    expect((await svc.nexts(forbidden, 1))[0].errors[0].extensions.code).toBe('FORBIDDEN');
    svc.close();

    const c = await WsClient.open(h.url);
    const cases: [Record<string, unknown>, object][] = [
      [{ p: 'project:nope' }, { code: 'NOT_FOUND', id: 'project:nope' }],
      [{ p: 'nope' }, { code: 'BAD_USER_INPUT', field: 'projectId' }],
      [{ p: p.id, after: 'soon' }, { code: 'BAD_USER_INPUT', field: 'after' }],
      [{ p: p.id, n: `namespace:${other.slug}/x` }, { code: 'BAD_USER_INPUT', field: 'namespaceId' }],
      [{ p: p.id, s: 'service:broken' }, { code: 'BAD_USER_INPUT', field: 'serviceId' }],
      // Past what a stream ID part can hold (Redis would refuse it), and ahead of every event (the
      // feed would skip everything until the clock passes it).
      [{ p: p.id, after: '99999999999999999999-0' }, { code: 'BAD_USER_INPUT', field: 'after' }],
      [{ p: p.id, after: '1-18446744073709551616' }, { code: 'BAD_USER_INPUT', field: 'after' }],
      [{ p: p.id, after: `${Date.now() + 3_600_000}-0` }, { code: 'BAD_USER_INPUT', field: 'after' }],
    ];
    for (const [variables, extensions] of cases) {
      const id = c.subscribe(SUB, variables);
      const [frame] = await c.nexts(id, 1);
      expect(frame.errors[0].extensions, JSON.stringify(variables)).toEqual(extensions);
    }
    const invalid = c.subscribe(`subscription { events(projectId: "x") { nope } }`);
    await c.until(() => c.of(invalid).some((f) => f.type === 'error'));
    expect(c.of(invalid)[0]!.payload[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const badEnum = c.subscribe(SUB, { p: p.id, t: ['NOT_A_TYPE'] });
    await c.until(() => c.of(badEnum).some((f) => f.type === 'error'));
    expect(c.of(badEnum)[0]!.payload[0].extensions.code).toBe('BAD_USER_INPUT');
    const unparsable = c.subscribe(`subscription {`);
    await c.until(() => c.of(unparsable).some((f) => f.type === 'error'));
    expect(c.of(unparsable)[0]!.payload[0].extensions.code).toBe('GRAPHQL_PARSE_FAILED');
    expect(h.app.deps.events.subscribers).toBe(0);
    c.close();
  });
});

describe('retention', () => {
  it('answers an after older than the retained window with EVENTS_EXPIRED, on the subscription and the query', async () => {
    // Small stream nodes, so MAXLEN ~ trims at this scale (the private test Redis only).
    await h.redis.config('SET', 'stream-node-max-entries', '4');
    try {
      const small = { ...h.config, eventsMaxLen: 10 };
      const app = await (await import('../app.js')).createApp(small, { log: h.app.deps.log });
      await new Promise<void>((resolve) => app.httpServer.listen(0, '127.0.0.1', resolve));
      const url = `http://127.0.0.1:${(app.httpServer.address() as import('node:net').AddressInfo).port}`;
      try {
        const p = await makeProject(h);
        const first = (await eventIds(p.id))[0]!;
        const post = (query: string, variables: object) =>
          fetch(`${url}/graphql`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN_TOKEN}` },
            body: JSON.stringify({ query, variables }),
          }).then((r) => r.json() as Promise<any>);
        for (let i = 0; i < 40; i++) await post(`mutation($id: ID!, $n: String!) { updateProject(id: $id, input: { name: $n }) { id } }`, { id: p.id, n: `n${i}` });
        const retained = await eventIds(p.id);
        expect(retained.length).toBeLessThan(41);
        expect(retained).not.toContain(first);

        const c = await WsClient.open(url);
        const id = c.subscribe(SUB, { p: p.id, after: first });
        const [frame] = await c.nexts(id, 1);
        expect(frame.errors[0].extensions).toEqual({ code: 'EVENTS_EXPIRED', field: 'after', oldestId: retained[0] });
        expect(c.of(id).at(-1)!.type).toBe('complete');
        // Resuming from inside the window works: the rest, once.
        const ok = c.subscribe(SUB, { p: p.id, after: retained[0] });
        expect((await c.nexts(ok, retained.length - 1)).map((f) => f.data.events.id)).toEqual(retained.slice(1));
        c.close();

        const q = await post(`query($p: ID!, $a: String) { events(projectId: $p, after: $a) { totalCount } }`, { p: p.id, a: first });
        expect(q.errors[0].extensions).toEqual({ code: 'EVENTS_EXPIRED', field: 'after', oldestId: retained[0] });
        const inside = await post(`query($p: ID!, $a: String) { events(projectId: $p, after: $a) { edges { cursor } } }`, { p: p.id, a: retained.at(-1) });
        expect(inside.data.events.edges.map((e: any) => e.cursor)).toEqual(retained.slice(0, -1).reverse());
      } finally {
        await app.stop();
      }
    } finally {
      await h.redis.config('SET', 'stream-node-max-entries', '100');
    }
  });
});
