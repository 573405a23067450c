import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Redis } from 'ioredis';
import { getNamedType, isAbstractType, isObjectType, isInterfaceType, type GraphQLNamedType } from 'graphql';
import { ADMIN_TOKEN, snapshot, startHarness, type Harness } from '../../test/harness.js';
import { bind, makeNamespace, makeProject, makeService } from '../../test/factories.js';
import { redisPassword } from '../enforcement/credentials.js';
import { keys } from '../redis/keys.js';
import { getSchema } from '../schema.js';
import { adminAgentConfig } from './agent.config.js';
import { authorize } from '../auth/authorize.js';
import type { Ctx } from '../context.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

async function agent(token: string, headers: Record<string, string> = {}) {
  const res = await fetch(`${h.url}/v1/agent/config`, { headers: { authorization: `Bearer ${token}`, ...headers } });
  const text = await res.text();
  return { status: res.status, text, etag: res.headers.get('etag'), json: text ? JSON.parse(text) : null };
}

const CONFIG_FIELDS = `
  project service revision issuedAt
  redis { host port tls username password }
  namespaces { id slug keyPrefix status permissions patterns scopes rate { readRps writeRps } policy { quotaBytes defaultTtlSeconds eviction } }`;
const AGENT_QUERY = `{ agentConfig { ${CONFIG_FIELDS} } }`;
const ADMIN_QUERY = `query($id: ID!) { node(id: $id) { ... on Service { agentConfig { ${CONFIG_FIELDS} } } } }`;

/** A small world: project `shop`, namespaces orders and carts, service billing bound to both. */
async function world(slug: string) {
  const p = await makeProject(h, { slug });
  const orders = await makeNamespace(h, p.id, { slug: 'orders', policy: { quotaBytes: 1048576, defaultTtlSeconds: 3600, eviction: 'ALLKEYS_LRU' } });
  const carts = await makeNamespace(h, p.id, { slug: 'carts' });
  const unbound = await makeNamespace(h, p.id, { slug: 'secret' });
  const svc = await makeService(h, p.id, { slug: 'billing', scopes: ['STRING', 'HASH', 'STREAM'] });
  const other = await makeService(h, p.id, { slug: 'other' });
  const ob = await bind(h, orders.id, svc.id, { permissions: ['READ', 'WRITE'], patterns: ['orders:*', 'invoice:?'], scopes: ['STRING', 'HASH'], rate: { readRps: 100, writeRps: 10 } });
  const cb = await bind(h, carts.id, svc.id, { permissions: ['READ'], patterns: ['*'], scopes: ['STREAM'] });
  await bind(h, unbound.id, other.id);
  return { p, orders, carts, unbound, svc, other, ob, cb };
}

describe('GET /v1/agent/config', () => {
  it('returns the service config with absolute patterns, policies, status and its Redis user', async () => {
    const w = await world('shop');
    const r = await agent(w.svc.token);
    expect(r.status).toBe(200);
    const port = Number(new URL(h.config.dataRedisUrl).port);
    expect(r.json).toEqual({
      project: 'shop',
      service: 'billing',
      revision: expect.stringMatching(/^[A-Za-z0-9_-]{10,}$/),
      issuedAt: expect.any(String),
      redis: { host: '127.0.0.1', port, tls: false, username: 'mm:shop:billing', password: redisPassword(w.svc.token) },
      namespaces: [
        {
          id: 'namespace:shop/carts',
          slug: 'carts',
          keyPrefix: 'shop:carts:',
          status: 'ACTIVE',
          permissions: ['READ'],
          patterns: ['shop:carts:*'],
          scopes: ['STREAM'],
          rate: { readRps: null, writeRps: null },
          policy: { quotaBytes: 0, defaultTtlSeconds: null, eviction: 'NOEVICTION' },
        },
        {
          id: 'namespace:shop/orders',
          slug: 'orders',
          keyPrefix: 'shop:orders:',
          status: 'ACTIVE',
          permissions: ['READ', 'WRITE'],
          patterns: ['shop:orders:orders:*', 'shop:orders:invoice:?'],
          scopes: ['STRING', 'HASH'],
          rate: { readRps: 100, writeRps: 10 },
          policy: { quotaBytes: 1048576, defaultTtlSeconds: 3600, eviction: 'ALLKEYS_LRU' },
        },
      ],
    });
    expect(Math.abs(Date.parse(r.json.issuedAt) - Date.now())).toBeLessThan(60_000);
    // Nothing it must never carry: the admin token, any Redis URL, its own token, other namespaces.
    expect(r.text).not.toContain(ADMIN_TOKEN);
    expect(r.text).not.toMatch(/rediss?:\/\//);
    expect(r.text).not.toContain(w.svc.token.slice(-43));
    expect(r.text).not.toContain('secret');
    expect(r.text).not.toMatch(/digest|auth/i);
  });

  it('gives an unbound service an empty namespace list', async () => {
    const p = await makeProject(h);
    const s = await makeService(h, p.id);
    const r = await agent(s.token);
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ project: p.slug, service: s.slug, namespaces: [] });
  });

  it('sends the revision as ETag and answers a matching If-None-Match with an empty 304', async () => {
    const w = await world('etag');
    const first = await agent(w.svc.token);
    expect(first.etag).toBe(`"${first.json.revision}"`);

    const again = await agent(w.svc.token);
    expect(again.etag).toBe(first.etag);

    const cached = await agent(w.svc.token, { 'if-none-match': first.etag! });
    expect(cached.status).toBe(304);
    expect(cached.text).toBe('');
    expect(cached.etag).toBe(first.etag);
    expect((await agent(w.svc.token, { 'if-none-match': `"other", W/${first.etag}` })).status).toBe(304);
    expect((await agent(w.svc.token, { 'if-none-match': '"stale"' })).status).toBe(200);

    // A wrong token never gets a 304, even with the right ETag.
    const wrong = await agent(`mms_etag_billing_${'B'.repeat(43)}`, { 'if-none-match': first.etag! });
    expect(wrong.status).toBe(401);
  });

  it('changes the ETag when the config changes: freeze, binding update, policy update, unbind', async () => {
    const w = await world('changes');
    const seen = new Set<string>();
    const etag = async () => {
      const r = await agent(w.svc.token);
      expect(r.etag).toBe(`"${r.json.revision}"`);
      return r;
    };
    const base = await etag();
    seen.add(base.etag!);

    await h.ok(`mutation($id: ID!) { freezeNamespace(id: $id) { status } }`, { id: w.orders.id });
    const frozen = await etag();
    expect(frozen.json.namespaces.find((n: any) => n.slug === 'orders').status).toBe('FROZEN');
    expect(seen.has(frozen.etag!)).toBe(false);
    seen.add(frozen.etag!);
    expect((await agent(w.svc.token, { 'if-none-match': base.etag! })).status).toBe(200);

    await h.ok(`mutation($id: ID!) { updateBinding(id: $id, input: { patterns: ["orders:*"] }) { id } }`, { id: w.ob.id });
    const rebound = await etag();
    expect(rebound.json.namespaces.find((n: any) => n.slug === 'orders').patterns).toEqual(['changes:orders:orders:*']);
    expect(seen.has(rebound.etag!)).toBe(false);
    seen.add(rebound.etag!);

    await h.ok(`mutation($id: ID!) { updateNamespacePolicy(id: $id, policy: { quotaBytes: 2048 }) { id } }`, { id: w.carts.id });
    const policy = await etag();
    expect(policy.json.namespaces.find((n: any) => n.slug === 'carts').policy.quotaBytes).toBe(2048);
    expect(seen.has(policy.etag!)).toBe(false);
    seen.add(policy.etag!);

    await h.ok(`mutation($id: ID!) { unbindService(id: $id) }`, { id: w.cb.id });
    const unbound = await etag();
    expect(unbound.json.namespaces.map((n: any) => n.slug)).toEqual(['orders']);
    expect(seen.has(unbound.etag!)).toBe(false);

    // A change elsewhere in the project (another service's binding) leaves it alone.
    await h.ok(`mutation($id: ID!) { updateBinding(id: $id, input: { permissions: [READ] }) { id } }`, { id: `binding:changes/secret/other` });
    expect((await etag()).etag).toBe(unbound.etag);
  });

  it('answers the GraphQL agentConfig query with the same data', async () => {
    const w = await world('same');
    const rest = await agent(w.svc.token);
    const d = await h.ok(AGENT_QUERY, {}, w.svc.token);
    const { issuedAt: restIssued, ...restRest } = rest.json;
    const { issuedAt, ...gqlRest } = d.agentConfig;
    expect(gqlRest).toEqual(restRest);
    expect(Number.isNaN(Date.parse(issuedAt))).toBe(false);
    expect(Number.isNaN(Date.parse(restIssued))).toBe(false);
  });
});

/** Commands the app's own control connection sends at top level (script-internal ones excluded). */
async function topLevelCommands<T>(run: () => Promise<T>): Promise<{ result: T; commands: string[]; inScript: number }> {
  const list = await h.redis.client('LIST');
  const addr = String(list)
    .split('\n')
    .find((line) => / name=memmouse /.test(line))
    ?.match(/ addr=(\S+) /)?.[1];
  expect(addr).toBeTruthy();
  const monitor: Redis = await h.redis.duplicate().monitor();
  const seen: { source: string; args: string[] }[] = [];
  monitor.on('monitor', (_time: string, args: string[], source: string) => seen.push({ source, args }));
  try {
    const result = await run();
    // MONITOR reports in execution order: once our marker shows up, everything before it has too.
    const marker = `marker-${Math.random()}`;
    await h.redis.echo(marker);
    for (let i = 0; i < 200 && !seen.some((s) => s.args.includes(marker)); i++) await new Promise((r) => setTimeout(r, 10));
    expect(seen.some((s) => s.args.includes(marker))).toBe(true);
    const commands = seen.filter((s) => s.source === addr).map((s) => s.args[0]!.toLowerCase());
    // The script's own reads show up with source "lua"; they are not round trips.
    return { result, commands, inScript: seen.filter((s) => s.source === 'lua').length };
  } finally {
    monitor.disconnect();
  }
}

describe('agent config round trips', () => {
  it('costs at most 2 top-level Redis commands for a full answer and exactly 1 for a 304', async () => {
    const p = await makeProject(h, { slug: 'rt' });
    const s = await makeService(h, p.id, { scopes: ['STRING'] });
    for (let i = 0; i < 12; i++) {
      const ns = await makeNamespace(h, p.id, { slug: `ns-${i}` });
      await bind(h, ns.id, s.id);
    }
    const warm = await agent(s.token); // loads the script once, as any long-running server has
    expect(warm.json.namespaces).toHaveLength(12);

    const full = await topLevelCommands(() => agent(s.token));
    expect(full.result.status).toBe(200);
    expect(full.result.json.namespaces).toHaveLength(12);
    expect(full.commands.length).toBeGreaterThanOrEqual(1);
    expect(full.commands.length).toBeLessThanOrEqual(2);
    expect(full.commands).toContain('evalsha');
    expect(full.inScript).toBeGreaterThan(12); // the reads happened, inside the one script call

    const cached = await topLevelCommands(() => agent(s.token, { 'if-none-match': warm.etag! }));
    expect(cached.result.status).toBe(304);
    expect(cached.commands).toEqual(['evalsha']);
  });

  it('does not grow with the number of bindings', async () => {
    const p = await makeProject(h);
    const s = await makeService(h, p.id);
    const ns = await makeNamespace(h, p.id);
    await bind(h, ns.id, s.id);
    await agent(s.token);
    const one = await topLevelCommands(() => agent(s.token));
    for (let i = 0; i < 20; i++) await bind(h, (await makeNamespace(h, p.id)).id, s.id);
    const many = await topLevelCommands(() => agent(s.token));
    expect(many.result.json.namespaces).toHaveLength(21);
    expect(many.commands).toEqual(one.commands);
  });
});

/** Calls per command so far (INFO commandstats; commands a script runs count too). */
async function commandStats(): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for (const m of (await h.redis.info('commandstats')).matchAll(/^cmdstat_([^:]+):calls=(\d+)/gm)) out.set(m[1]!, Number(m[2]));
  return out;
}
async function commandsDuring(run: () => Promise<unknown>): Promise<Record<string, number>> {
  const before = await commandStats();
  await run();
  const after = await commandStats();
  const delta: Record<string, number> = {};
  for (const [cmd, n] of after) if (cmd !== 'info' && n !== (before.get(cmd) ?? 0)) delta[cmd] = n - (before.get(cmd) ?? 0);
  return delta;
}

const users = async () => (await h.data.acl('LIST')) as string[];
const adminConfig = async (id: string) => (await h.ok(ADMIN_QUERY, { id })).node.agentConfig;

describe('Service.agentConfig (the admin read of the agent config)', () => {
  it("equals what the agent route gives the service, with the password null and a password-less revision", async () => {
    const w = await world('admin');
    const rest = await agent(w.svc.token);
    const mine = await adminConfig(w.svc.id);
    const { password, ...redis } = rest.json.redis;
    expect(password).toBe(redisPassword(w.svc.token));
    expect(mine).toEqual({ ...rest.json, redis: { ...redis, password: null }, revision: expect.any(String), issuedAt: expect.any(String) });
    expect(mine.redis.username).toBe('mm:admin:billing');
    expect(mine.namespaces.map((n: any) => n.slug)).toEqual(['carts', 'orders']);
    expect(Math.abs(Date.parse(mine.issuedAt) - Date.now())).toBeLessThan(60_000);
    // The agent's revision covers its password; this one is of the password-less config, and stable.
    expect(mine.revision).toMatch(/^[A-Za-z0-9_-]{27}$/);
    expect(mine.revision).not.toBe(rest.json.revision);
    expect((await adminConfig(w.svc.id)).revision).toBe(mine.revision);
    const text = JSON.stringify(mine);
    expect(text).not.toContain(w.svc.token.slice(-43));
    expect(text).not.toContain(password);

    // The same through project { service }, and it follows a change as the agent's does.
    await h.ok(`mutation($id: ID!) { freezeNamespace(id: $id) { id } }`, { id: w.orders.id });
    const d = await h.ok(`{ project(slug: "admin") { service(slug: "billing") { agentConfig { ${CONFIG_FIELDS} } } } }`);
    const after = await agent(w.svc.token);
    expect(d.project.service.agentConfig).toEqual({ ...after.json, redis: { ...after.json.redis, password: null }, revision: expect.any(String), issuedAt: expect.any(String) });
    expect(d.project.service.agentConfig.namespaces.find((n: any) => n.slug === 'orders').status).toBe('FROZEN');
    expect(d.project.service.agentConfig.revision).not.toBe(mine.revision);
  });

  it('gives an unbound service an empty namespace list', async () => {
    const p = await makeProject(h);
    const s = await makeService(h, p.id);
    expect(await adminConfig(s.id)).toMatchObject({ project: p.slug, service: s.slug, redis: { password: null }, namespaces: [] });
  });

  it('writes nothing: no password hash is learned and no Redis user changes (the agent path would)', async () => {
    const w = await world('quiet');
    // An older store: no password hash yet, so an agent's fetch would learn one and apply its user.
    await h.redis.del(keys.passwords('quiet'));
    await h.app.deps.enforcer.enforce('quiet');
    const stored = await snapshot(h.redis);
    const acl = await users();

    const delta = await commandsDuring(() => adminConfig(w.svc.id));
    expect(await snapshot(h.redis)).toEqual(stored);
    expect(await users()).toEqual(acl);
    expect(Object.keys(delta).sort()).toEqual(['evalsha', 'get', 'hget', 'mget']);

    // The check can fail: the agent path does write here.
    expect((await agent(w.svc.token)).status).toBe(200);
    expect(await snapshot(h.redis)).not.toEqual(stored);
    expect(await users()).not.toEqual(acl);
  });

  it('costs one script call however many bindings, and one per service in a list', async () => {
    const p = await makeProject(h, { slug: 'admin-rt' });
    const s = await makeService(h, p.id, { slug: 'api', scopes: ['STRING'] });
    await bind(h, (await makeNamespace(h, p.id, { slug: 'first' })).id, s.id);
    await adminConfig(s.id); // loads the script once, as any long-running server has
    const one = await commandsDuring(() => adminConfig(s.id));
    for (let i = 0; i < 12; i++) await bind(h, (await makeNamespace(h, p.id, { slug: `ns-${i}` })).id, s.id);
    let seen: any;
    const many = await commandsDuring(async () => (seen = await adminConfig(s.id)));
    expect(seen.namespaces).toHaveLength(13);
    // Top level: the node's MGET and one EVALSHA. Inside the script: the index HGET, then the
    // service, project, and each binding and namespace document (GET).
    expect(one).toEqual({ mget: 1, evalsha: 1, hget: 1, get: 2 + 2 * 1 });
    expect(many).toEqual({ mget: 1, evalsha: 1, hget: 1, get: 2 + 2 * 13 });

    await makeService(h, p.id, { slug: 'web' });
    await makeService(h, p.id, { slug: 'worker' });
    const list = await commandsDuring(() =>
      h.ok(`{ project(slug: "admin-rt") { services(first: 10) { edges { node { agentConfig { service namespaces { slug } } } } } } }`),
    );
    expect(list.evalsha).toBe(3);
    expect(list.hsetnx ?? 0).toBe(0);
  });

  it('refuses a service token: FORBIDDEN through node, unreachable from viewer and agentConfig', async () => {
    const w = await world('guarded');
    // Through node (an admin-only root field): refused at the root.
    const r = await h.gql(ADMIN_QUERY, { id: w.svc.id }, w.svc.token);
    expect(r.data?.node ?? null).toBeNull();
    expect(r.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
    expect(JSON.stringify(r)).not.toContain('namespaces');

    // The root fields a service token may call lead to no Service at all (so no query can even ask).
    const schema = await getSchema();
    const reachable = new Set<string>();
    const walk = (type: GraphQLNamedType) => {
      if (reachable.has(type.name)) return;
      reachable.add(type.name);
      if (isAbstractType(type)) for (const t of schema.getPossibleTypes(type)) walk(t);
      if (isObjectType(type) || isInterfaceType(type)) for (const f of Object.values(type.getFields())) walk(getNamedType(f.type));
    };
    for (const root of ['viewer', 'agentConfig']) walk(getNamedType(schema.getQueryType()!.getFields()[root]!.type));
    expect(reachable.has('AgentConfig')).toBe(true);
    expect(reachable.has('Service')).toBe(false);
    expect(reachable.has('Node')).toBe(false);
    const viaViewer = await h.gql(`{ viewer { ... on Service { agentConfig { service } } } }`, {}, w.svc.token);
    expect(viaViewer.errors?.map((e) => e.extensions?.code)).toEqual(['GRAPHQL_VALIDATION_FAILED']);

    // And should a path to it ever appear, the field itself refuses anyone but an admin.
    const reach = async (kind: 'ADMIN' | 'SERVICE' | 'SYSTEM') =>
      authorize(
        { info: { parentType: { name: 'Service' }, fieldName: 'agentConfig' }, context: { viewer: { kind, id: 'x' } } as Ctx } as any,
        async () => 'reached',
      );
    await expect(reach('SERVICE')).rejects.toMatchObject({ extensions: { code: 'FORBIDDEN' } });
    await expect(reach('SYSTEM')).rejects.toMatchObject({ extensions: { code: 'FORBIDDEN' } });
    await expect(reach('ADMIN')).resolves.toBe('reached');
  });

  it('answers NOT_FOUND, writing nothing, when the service is gone by the time its config is read', async () => {
    const p = await makeProject(h, { slug: 'gone' });
    await makeService(h, p.id, { slug: 'api' });
    // The Service object came from an earlier read; its document was removed since.
    await h.redis.del(keys.service('gone', 'api'));
    const stored = await snapshot(h.redis);
    await expect(adminAgentConfig(h.app.deps, 'gone', 'api')).rejects.toMatchObject({ extensions: { code: 'NOT_FOUND' } });
    expect(await snapshot(h.redis)).toEqual(stored);
  });
});
