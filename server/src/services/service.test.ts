import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allKeys, startHarness, snapshot, type Harness } from '../../test/harness.js';
import { bind, makeNamespace, makeProject, makeService } from '../../test/factories.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

const CREATE = `mutation($p: ID!, $input: CreateServiceInput!) {
  createService(projectId: $p, input: $input) { token service { id slug name scopes tokenPreview tokenRotatedAt version } }
}`;
const UPDATE = `mutation($id: ID!, $input: UpdateServiceInput!, $v: Int) { updateService(id: $id, input: $input, expectedVersion: $v) { id name scopes version } }`;
const DELETE = `mutation($id: ID!) { deleteService(id: $id) }`;
const ROTATE = `mutation($id: ID!, $g: Int) { rotateServiceToken(id: $id, graceSeconds: $g) { token service { id tokenPreview tokenRotatedAt version } } }`;

/** The agent route: the cheapest way to ask "does this token still work?". */
const agentStatus = async (token: string) =>
  (await fetch(`${h.url}/v1/agent/config`, { headers: { authorization: `Bearer ${token}` } })).status;
const agentError = async (token: string) => {
  const res = await fetch(`${h.url}/v1/agent/config`, { headers: { authorization: `Bearer ${token}` } });
  return { status: res.status, code: ((await res.json()) as any).errors?.[0]?.extensions?.code };
};
const secretOf = (token: string) => token.slice(-43);

describe('createService', () => {
  it('returns the token once, in the documented format, and a preview without the secret', async () => {
    const p = await makeProject(h, { slug: 'acme' });
    const d = await h.ok(CREATE, { p: p.id, input: { slug: 'billing', name: ' Billing ', scopes: ['STRING', 'HASH', 'STRING'] } });
    const { token, service } = d.createService;
    expect(token).toMatch(/^mms_acme_billing_[A-Za-z0-9_-]{43}$/);
    expect(service).toMatchObject({ id: 'service:acme/billing', slug: 'billing', name: 'Billing', scopes: ['STRING', 'HASH'], tokenRotatedAt: null, version: 1 });
    expect(service.tokenPreview).toBe(`mms_acme_billing_…${token.slice(-4)}`);
    expect(service.tokenPreview).not.toContain(secretOf(token));
    expect(service.tokenPreview).not.toContain(secretOf(token).slice(0, 8));

    // Never shown again: the Service type has no token field, and reads give only the preview.
    const q = await h.ok(`{ node(id: "service:acme/billing") { ... on Service { tokenPreview } } project(slug: "acme") { service(slug: "billing") { tokenPreview } } }`);
    expect(q.node.tokenPreview).toBe(service.tokenPreview);
    expect(q.project.service.tokenPreview).toBe(service.tokenPreview);
    expect(JSON.stringify(q)).not.toContain(secretOf(token));
    expect((await h.gql(`{ node(id: "service:acme/billing") { ... on Service { token } } }`)).errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');

    expect(await agentStatus(token)).toBe(200);
  });

  it.each([
    [{ slug: 'Bad_Slug', name: 'x', scopes: ['STRING'] }, 'input.slug'],
    [{ slug: '-lead', name: 'x', scopes: ['STRING'] }, 'input.slug'],
    [{ slug: 'a'.repeat(40), name: 'x', scopes: ['STRING'] }, 'input.slug'],
    [{ slug: 'ok-svc', name: '  ', scopes: ['STRING'] }, 'input.name'],
    [{ slug: 'ok-svc', name: 'x'.repeat(101), scopes: ['STRING'] }, 'input.name'],
    [{ slug: 'ok-svc', name: 'x', scopes: [] }, 'input.scopes'],
  ])('refuses %j naming %s and writes nothing', async (input, field) => {
    const p = await makeProject(h);
    const before = await snapshot(h.redis);
    const r = await h.gql(CREATE, { p: p.id, input });
    expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(r.data).toBeNull();
    expect(await snapshot(h.redis)).toEqual(before);
  });

  it('refuses a duplicate slug (ALREADY_EXISTS) and a missing project (NOT_FOUND), writing nothing', async () => {
    const p = await makeProject(h);
    const first = await makeService(h, p.id, { slug: 'dup' });
    const before = await snapshot(h.redis);
    const dup = await h.gql(CREATE, { p: p.id, input: { slug: 'dup', name: 'Again', scopes: ['STRING'] } });
    expect(dup.errors?.[0]?.extensions).toMatchObject({ code: 'ALREADY_EXISTS', id: `service:${p.slug}/dup` });
    const missing = await h.gql(CREATE, { p: 'project:nope', input: { slug: 'svc', name: 'x', scopes: ['STRING'] } });
    expect(missing.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(await snapshot(h.redis)).toEqual(before);
    // The first token is untouched by the refused duplicate.
    expect(await agentStatus(first.token)).toBe(200);
  });
});

describe('updateService', () => {
  it('updates name and scopes partially and bumps the version', async () => {
    const p = await makeProject(h);
    const s = await makeService(h, p.id, { name: 'Old', scopes: ['STRING', 'HASH'] });
    const a = await h.ok(UPDATE, { id: s.id, input: { name: 'New' } });
    expect(a.updateService).toEqual({ id: s.id, name: 'New', scopes: ['STRING', 'HASH'], version: 2 });
    const b = await h.ok(UPDATE, { id: s.id, input: { scopes: ['LIST'] }, v: 2 });
    expect(b.updateService).toEqual({ id: s.id, name: 'New', scopes: ['LIST'], version: 3 });
    const events = await h.redis.xrange(`mm:{${p.slug}}:events`, '-', '+');
    expect(events.filter(([, f]) => f.includes('SERVICE_UPDATED'))).toHaveLength(2);
    // The token still works after an update.
    expect(await agentStatus(s.token)).toBe(200);
  });

  it('refuses a stale expectedVersion with CONFLICT and writes nothing', async () => {
    const p = await makeProject(h);
    const s = await makeService(h, p.id);
    await h.ok(UPDATE, { id: s.id, input: { name: 'One' }, v: 1 });
    const before = await snapshot(h.redis);
    const r = await h.gql(UPDATE, { id: s.id, input: { name: 'Two' }, v: 1 });
    expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', expectedVersion: 1, actualVersion: 2 });
    expect(await snapshot(h.redis)).toEqual(before);
  });

  it.each([
    [{ name: '   ' }, 'input.name'],
    [{ scopes: [] }, 'input.scopes'],
    [{ scopes: null }, 'input.scopes'],
  ])('refuses %j naming %s and writes nothing', async (input, field) => {
    const p = await makeProject(h);
    const s = await makeService(h, p.id);
    const before = await snapshot(h.redis);
    const r = await h.gql(UPDATE, { id: s.id, input });
    expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(await snapshot(h.redis)).toEqual(before);
  });

  it('refuses to narrow scopes below a binding, and NOT_FOUND for a missing service', async () => {
    const p = await makeProject(h);
    const ns = await makeNamespace(h, p.id);
    const s = await makeService(h, p.id, { scopes: ['STRING', 'HASH'] });
    await bind(h, ns.id, s.id, { scopes: ['HASH'] });
    const before = await snapshot(h.redis);
    const r = await h.gql(UPDATE, { id: s.id, input: { scopes: ['STRING'] } });
    expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.scopes' });
    expect(await snapshot(h.redis)).toEqual(before);
    expect((await h.gql(UPDATE, { id: `service:${p.slug}/nope`, input: { name: 'x' } })).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});

describe('deleteService', () => {
  it('removes the service, its bindings and both index sides, leaving no mention of it', async () => {
    const p = await makeProject(h, { slug: 'shop' });
    const orders = await makeNamespace(h, p.id, { slug: 'orders' });
    const carts = await makeNamespace(h, p.id, { slug: 'carts' });
    const billing = await makeService(h, p.id, { slug: 'billing' });
    const other = await makeService(h, p.id, { slug: 'other' });
    await bind(h, orders.id, billing.id);
    await bind(h, carts.id, billing.id);
    await bind(h, orders.id, other.id);

    expect((await h.ok(DELETE, { id: billing.id })).deleteService).toBe('service:shop/billing');

    const keys = (await allKeys(h.redis)).filter((k) => k.startsWith('mm:{shop}'));
    expect(keys.filter((k) => k.includes('billing'))).toEqual([]);
    expect(keys).toContain('mm:{shop}:svc:other');
    const idx = await h.redis.hgetall('mm:{shop}:idx');
    expect(Object.keys(idx).filter((f) => f.includes('billing'))).toEqual([]);
    expect(Object.values(idx).filter((v) => v.split(',').includes('billing'))).toEqual([]);
    // What is not the deleted service's stays.
    expect(idx).toMatchObject({ svc: 'other', 'nsbind:orders': 'other', 'svcbind:other': 'orders' });
    expect(await h.redis.exists('mm:{shop}:bind:orders:other')).toBe(1);

    const q = await h.ok(`{ project(slug: "shop") { service(slug: "billing") { id } namespace(slug: "orders") { bindings { id } } } node(id: "binding:shop/carts/billing") { id } }`);
    expect(q).toEqual({ project: { service: null, namespace: { bindings: [{ id: 'binding:shop/orders/other' }] } }, node: null });

    const [last] = await h.redis.xrevrange('mm:{shop}:events', '+', '-', 'COUNT', 1);
    const fields = last![1];
    expect(fields[fields.indexOf('type') + 1]).toBe('SERVICE_DELETED');
    const data = JSON.parse(fields[fields.indexOf('data') + 1]!);
    expect(data).toMatchObject({ serviceId: 'service:shop/billing' });
    expect([...data.before.removedBindings].sort()).toEqual(['binding:shop/carts/billing', 'binding:shop/orders/billing']);

    expect(await agentError(billing.token)).toEqual({ status: 401, code: 'UNAUTHENTICATED' });
  });

  it('answers NOT_FOUND for a missing service and writes nothing', async () => {
    const p = await makeProject(h);
    const before = await snapshot(h.redis);
    expect((await h.gql(DELETE, { id: `service:${p.slug}/ghost` })).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await h.gql(DELETE, { id: 'nonsense' })).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
    expect(await snapshot(h.redis)).toEqual(before);
  });
});

describe('rotateServiceToken', () => {
  it('with graceSeconds 0 refuses the old token at once and accepts the new one', async () => {
    const p = await makeProject(h);
    const s = await makeService(h, p.id);
    const d = await h.ok(ROTATE, { id: s.id, g: 0 });
    const { token, service } = d.rotateServiceToken;
    expect(token).toMatch(new RegExp(`^mms_${p.slug}_${s.slug}_[A-Za-z0-9_-]{43}$`));
    expect(token).not.toBe(s.token);
    expect(service.tokenPreview).toBe(`mms_${p.slug}_${s.slug}_…${token.slice(-4)}`);
    expect(service.version).toBe(2);
    expect(Date.parse(service.tokenRotatedAt)).toBeGreaterThan(Date.now() - 60_000);
    expect(await agentError(s.token)).toEqual({ status: 401, code: 'UNAUTHENTICATED' });
    expect(await agentStatus(token)).toBe(200);
  });

  it('defaults graceSeconds to 0', async () => {
    const p = await makeProject(h);
    const s = await makeService(h, p.id);
    const d = await h.ok(`mutation($id: ID!) { rotateServiceToken(id: $id) { token } }`, { id: s.id });
    expect(await agentStatus(s.token)).toBe(401);
    expect(await agentStatus(d.rotateServiceToken.token)).toBe(200);
  });

  it('with graceSeconds 2 keeps the old token working inside the window, then refuses it', async () => {
    const p = await makeProject(h);
    const s = await makeService(h, p.id);
    const d = await h.ok(ROTATE, { id: s.id, g: 2 });
    const fresh = d.rotateServiceToken.token;
    expect(await agentStatus(s.token)).toBe(200);
    expect(await agentStatus(fresh)).toBe(200);
    await new Promise((r) => setTimeout(r, 2200));
    expect(await agentError(s.token)).toEqual({ status: 401, code: 'UNAUTHENTICATED' });
    expect(await agentStatus(fresh)).toBe(200);
  });

  it('keeps at most one old token: a second rotation kills the first old token at once', async () => {
    const p = await makeProject(h);
    const s = await makeService(h, p.id);
    const second = (await h.ok(ROTATE, { id: s.id, g: 3600 })).rotateServiceToken.token;
    expect(await agentStatus(s.token)).toBe(200);
    const third = (await h.ok(ROTATE, { id: s.id, g: 3600 })).rotateServiceToken.token;
    expect(await agentStatus(s.token)).toBe(401);
    expect(await agentStatus(second)).toBe(200);
    expect(await agentStatus(third)).toBe(200);
    // And a rotation without grace kills the remaining old one too.
    const fourth = (await h.ok(ROTATE, { id: s.id, g: 0 })).rotateServiceToken.token;
    expect(await agentStatus(second)).toBe(401);
    expect(await agentStatus(third)).toBe(401);
    expect(await agentStatus(fourth)).toBe(200);
  });

  it.each([-1, 604801])('refuses graceSeconds %i naming graceSeconds and writes nothing', async (g) => {
    const p = await makeProject(h);
    const s = await makeService(h, p.id);
    const before = await snapshot(h.redis);
    const r = await h.gql(ROTATE, { id: s.id, g });
    expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'graceSeconds' });
    expect(await snapshot(h.redis)).toEqual(before);
    expect(await agentStatus(s.token)).toBe(200);
  });

  it('accepts the bounds 604800 and answers NOT_FOUND for a missing service', async () => {
    const p = await makeProject(h);
    const s = await makeService(h, p.id);
    await h.ok(ROTATE, { id: s.id, g: 604800 });
    expect(await agentStatus(s.token)).toBe(200);
    const before = await snapshot(h.redis);
    expect((await h.gql(ROTATE, { id: `service:${p.slug}/ghost`, g: 0 })).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(await snapshot(h.redis)).toEqual(before);
  });
});

describe('a bad argument in a mutation payload', () => {
  // Guards a bug: the write happened, the response said BAD_USER_INPUT, and the token was lost.
  const deep = (args: string) => `token service { project { ${args} } }`;
  it.each([
    ['overview { recentEvents(limit: 0) { type } }', 'limit'],
    ['overview { topNamespaces(limit: 51) { slug } }', 'limit'],
    ['namespaces(first: -1) { totalCount }', 'first'],
    ['services(first: 501) { totalCount }', 'first'],
    ['namespace(slug: "Not A Slug") { id }', 'slug'],
    ['... on Project { ...P }', 'limit'],
  ])('refuses %s before rotating or creating: nothing written, the old token still works', async (selection, field) => {
    const p = await makeProject(h);
    const s = await makeService(h, p.id);
    const fragment = 'fragment P on Project { overview { recentEvents(limit: 1000) { type } } }';
    const before = await snapshot(h.redis);
    const rotate = await h.gql(`mutation($id: ID!) { rotateServiceToken(id: $id) { ${deep(selection)} } } ${selection.includes('...P') ? fragment : ''}`, { id: s.id });
    expect(rotate.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    const create = await h.gql(
      `mutation($p: ID!) { createService(projectId: $p, input: { slug: "lost", name: "L", scopes: [STRING] }) { ${deep(selection)} } } ${selection.includes('...P') ? fragment : ''}`,
      { p: p.id },
    );
    expect(create.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(await snapshot(h.redis)).toEqual(before);
    expect(await agentStatus(s.token)).toBe(200);
  });

  it('checks arguments given as variables too', async () => {
    const p = await makeProject(h);
    const s = await makeService(h, p.id);
    const before = await snapshot(h.redis);
    const r = await h.gql(`mutation($id: ID!, $n: Int) { rotateServiceToken(id: $id) { token service { project { overview { recentEvents(limit: $n) { type } } } } } }`, { id: s.id, n: 0 });
    expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'limit' });
    expect(r.status).toBe(400);
    expect(await snapshot(h.redis)).toEqual(before);
    const ok = await h.ok(`mutation($id: ID!, $n: Int) { rotateServiceToken(id: $id) { token service { project { overview { recentEvents(limit: $n) { type } } } } } }`, { id: s.id, n: 2 });
    expect(ok.rotateServiceToken.service.project.overview.recentEvents).toHaveLength(2);
  });
});
