// Enforcement for real: a control redis-server and a separate data one; the tests connect to the
// data Redis AS the service, with the credentials from its agent config, and try things.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Redis } from 'ioredis';
import { startHarness, type Harness } from '../../test/harness.js';
import { bind, makeNamespace, makeProject, makeService } from '../../test/factories.js';
import { keys } from '../redis/keys.js';
import { digestHex } from '../auth/tokens.js';
import { canonicalAclLine } from './enforcer.js';
import { startReplica } from '../../test/ws-client.js';

let h: Harness;
const open: Redis[] = [];
beforeAll(async () => {
  h = await startHarness({
    separateData: true,
    // The loops only run once a test calls h.app.start() (the last describe); until then every
    // change must come from the mutation path itself.
    env: { MM_RECONCILE_INTERVAL_MS: '200', MM_ACL_LOG_INTERVAL_MS: '200', MM_DEFAULT_TTL_MAX_PER_PASS: '5' },
  });
});
afterAll(async () => {
  for (const r of open) r.disconnect();
  await h.close();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls `check` until it passes or `ms` runs out (then fails with its last error). */
async function within<T>(ms: number, check: () => Promise<T>): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    try {
      return await check();
    } catch (err) {
      if (Date.now() > end) throw err;
      await sleep(25);
    }
  }
}

async function agentConfig(token: string) {
  const res = await fetch(`${h.url}/v1/agent/config`, { headers: { authorization: `Bearer ${token}` } });
  expect(res.status).toBe(200);
  return (await res.json()) as { redis: { host: string; port: number; username: string; password: string }; namespaces: any[] };
}

/**
 * Logs in with AUTH and fails if Redis refuses (a failed AUTH would otherwise leave the connection
 * on the server's default user).
 */
async function connect(opts: { host: string; port: number; username: string; password: string }): Promise<Redis> {
  const r = new Redis({ host: opts.host, port: opts.port, lazyConnect: true, enableReadyCheck: false, maxRetriesPerRequest: 0, retryStrategy: () => null });
  r.on('error', () => {});
  open.push(r);
  await r.connect();
  await r.call('AUTH', opts.username, opts.password);
  return r;
}

/** Connects to the data Redis as the service, exactly as an agent would. */
async function connectAs(token: string): Promise<Redis> {
  return connect((await agentConfig(token)).redis);
}

const denied = (p: Promise<unknown>) => expect(p).rejects.toThrow(/NOPERM/);

const EVENTS = `query($p: ID!, $types: [EventType!]) {
  events(projectId: $p, filter: { types: $types }, first: 100) { edges { node { type actor { kind id } namespaceId serviceId after } } }
}`;
async function events(projectId: string, types: string[]) {
  const d = await h.ok(EVENTS, { p: projectId, types });
  // Newest first in the feed; oldest first here.
  return (d.events.edges as { node: any }[]).map((e) => e.node).reverse();
}

async function users(): Promise<Map<string, string>> {
  const lines = (await h.data.call('ACL', 'LIST')) as string[];
  return new Map(lines.map((l) => [l.split(' ')[1]!, l]));
}

const gql = {
  freeze: `mutation($id: ID!) { freezeNamespace(id: $id) { status } }`,
  unfreeze: `mutation($id: ID!) { unfreezeNamespace(id: $id) { status } }`,
  updateBinding: `mutation($id: ID!, $input: BindingPatch!) { updateBinding(id: $id, input: $input) { version } }`,
  unbind: `mutation($id: ID!) { unbindService(id: $id) }`,
  rotate: `mutation($id: ID!, $g: Int) { rotateServiceToken(id: $id, graceSeconds: $g) { token } }`,
  deleteService: `mutation($id: ID!) { deleteService(id: $id) }`,
  deleteNamespace: `mutation($id: ID!) { deleteNamespace(id: $id) }`,
  deleteProject: `mutation($id: ID!) { deleteProject(id: $id, force: true) }`,
  policy: `mutation($id: ID!, $policy: NamespacePolicyInput!) { updateNamespacePolicy(id: $id, policy: $policy) { version } }`,
  refresh: `mutation($p: ID!) { refreshUsage(projectId: $p) { id } }`,
};

/** Project `slug` with namespaces orders (bound read-write on orders:*) and carts (not bound). */
async function world(slug: string, scopes = ['STRING', 'HASH']) {
  const p = await makeProject(h, { slug });
  const orders = await makeNamespace(h, p.id, { slug: 'orders' });
  const carts = await makeNamespace(h, p.id, { slug: 'carts' });
  const svc = await makeService(h, p.id, { slug: 'billing', scopes });
  const b = await bind(h, orders.id, svc.id, { permissions: ['READ', 'WRITE'], patterns: ['orders:*'], scopes: ['STRING'] });
  return { p, orders, carts, svc, b };
}

describe('a service on the data Redis', () => {
  it('gets its user in the agent config and can do exactly what its binding says', async () => {
    const w = await world('exact');
    const cfg = await agentConfig(w.svc.token);
    expect(cfg.redis.username).toBe('mm:exact:billing');
    expect(cfg.redis.password).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // Only the password's SHA-256 is on the data Redis; the password itself is stored nowhere.
    const line = (await users()).get('mm:exact:billing')!;
    expect(line).toMatch(/ on /);
    expect(line).not.toContain(cfg.redis.password);
    for (const v of Object.values(await h.redis.hgetall(keys.passwords('exact')))) expect(v).not.toContain(cfg.redis.password);

    const r = await connect(cfg.redis);
    expect(await r.call('ACL', 'WHOAMI').catch((e) => String(e))).toMatch(/NOPERM/);
    expect(await r.set('exact:orders:orders:1', 'paid')).toBe('OK');
    expect(await r.get('exact:orders:orders:1')).toBe('paid');
    expect(await r.del('exact:orders:orders:1')).toBe(1);

    await denied(r.set('exact:orders:other', 'x')); // outside the pattern
    await denied(r.get('exact:carts:orders:1')); // another namespace
    await denied(r.get('other:orders:orders:1')); // another project
    await denied(r.keys('*'));
    await denied(r.scan('0'));
    await denied(r.randomkey());
    await denied(r.flushdb());
    await denied(r.flushall());
    await denied(r.config('GET', 'maxmemory'));
    await denied(r.call('ACL', 'LIST'));
    await denied(r.eval('return 1', 0));
    await denied(r.select(1));
    await denied(r.hset('exact:orders:orders:2', 'f', 'v')); // HASH is the service's, not the binding's
    expect(await h.data.exists('exact:orders:other', 'exact:orders:orders:2')).toBe(0);
  });

  it('freeze takes writes away at once (reads still work), unfreeze gives them back, on an open connection', async () => {
    const w = await world('freeze');
    const r = await connectAs(w.svc.token);
    await r.set('freeze:orders:orders:1', 'v1');
    await h.ok(gql.freeze, { id: w.orders.id });
    // The mutation answers after the data Redis changed: no waiting needed, the connection stays open.
    await denied(r.set('freeze:orders:orders:1', 'v2'));
    await denied(r.del('freeze:orders:orders:1'));
    expect(await r.get('freeze:orders:orders:1')).toBe('v1');
    await h.ok(gql.unfreeze, { id: w.orders.id });
    expect(await r.set('freeze:orders:orders:1', 'v3')).toBe('OK');
  });

  it('a replica that read the records before another replica changed them does not undo the change', async () => {
    // Guards a race: replica A read the records, replica B froze the namespace and applied it, then
    // A's write (made from the older records) gave the service its writes back until the next
    // reconcile.
    const w = await world('race');
    const r = await connectAs(w.svc.token);
    const b = await startReplica(h);
    const hooks = h.app.deps.enforcer.hooks;
    try {
      let holding!: () => void;
      let release!: () => void;
      const held = new Promise<void>((resolve) => (holding = resolve));
      const gate = new Promise<void>((resolve) => (release = resolve));
      let first = true;
      hooks.beforeWrite = async () => {
        if (!first) return;
        first = false;
        holding();
        await gate;
      };
      // A: a change whose enforcement has read the records and waits before writing them.
      const slow = h.ok(gql.updateBinding, { id: w.b.id, input: { rate: { readRps: 5 } } });
      await held;
      await b.ok(gql.freeze, { id: w.orders.id });
      await denied(r.set('race:orders:orders:1', 'x'));
      release();
      await slow;
      await denied(r.set('race:orders:orders:1', 'x'));
    } finally {
      hooks.beforeWrite = undefined;
      await b.close();
    }
  });

  it('a READ-only binding refuses writes; unbinding refuses reads too', async () => {
    const w = await world('readonly');
    const r = await connectAs(w.svc.token);
    await r.set('readonly:orders:orders:1', 'v');
    await h.ok(gql.updateBinding, { id: w.b.id, input: { permissions: ['READ'] } });
    await denied(r.set('readonly:orders:orders:1', 'w'));
    expect(await r.get('readonly:orders:orders:1')).toBe('v');
    await h.ok(gql.updateBinding, { id: w.b.id, input: { patterns: ['invoices:*'], permissions: ['READ', 'WRITE'] } });
    await denied(r.get('readonly:orders:orders:1'));
    expect(await r.set('readonly:orders:invoices:1', 'x')).toBe('OK');
    await h.ok(gql.unbind, { id: w.b.id });
    await denied(r.get('readonly:orders:invoices:1'));
    await denied(r.set('readonly:orders:invoices:1', 'y'));
  });

  it('rotation without grace: the old password fails and its connections are closed', async () => {
    const w = await world('rotate');
    const old = await agentConfig(w.svc.token);
    const r = await connect(old.redis);
    expect(await r.ping()).toBe('PONG');
    const { rotateServiceToken } = await h.ok(gql.rotate, { id: w.svc.id, g: 0 });
    await within(1000, async () => expect(r.status).not.toBe('ready'));
    await expect(connect(old.redis)).rejects.toThrow(/WRONGPASS/);
    const fresh = await connectAs(rotateServiceToken.token);
    expect(await fresh.set('rotate:orders:orders:1', 'v')).toBe('OK');
  });

  it('rotation with grace: both passwords work until the window ends, then only the new one', async () => {
    const w = await world('grace');
    const old = await agentConfig(w.svc.token);
    const { rotateServiceToken } = await h.ok(gql.rotate, { id: w.svc.id, g: 1 });
    const before = await connect(old.redis);
    expect(await before.ping()).toBe('PONG');
    const fresh = await agentConfig(rotateServiceToken.token);
    expect(fresh.redis.password).not.toBe(old.redis.password);
    expect(await (await connect(fresh.redis)).ping()).toBe('PONG');
    // The timer removes the old hash when the window ends and closes the old sessions.
    await within(2500, async () => {
      await expect(connect(old.redis)).rejects.toThrow(/WRONGPASS/);
    });
    expect(before.status).not.toBe('ready');
    expect(await (await connect(fresh.redis)).ping()).toBe('PONG');
  });

  it('a grace window that ended while no server ran is closed by the start-up sweep (reconcile)', async () => {
    const w = await world('sweep');
    const old = await agentConfig(w.svc.token);
    await h.ok(gql.rotate, { id: w.svc.id, g: 3600 });
    const r = await connect(old.redis);
    expect(await r.ping()).toBe('PONG');
    // Time passes with no server running: the window is over on record, both hashes still in Redis.
    const doc = JSON.parse((await h.redis.get(keys.service('sweep', 'billing')))!);
    doc.auth.previousExpiresAt = new Date(Date.now() - 1000).toISOString();
    await h.redis.set(keys.service('sweep', 'billing'), JSON.stringify(doc));
    expect(await h.app.deps.enforcer.reconcile()).toEqual([]); // expected change, not drift
    await expect(connect(old.redis)).rejects.toThrow(/WRONGPASS/);
    await within(1000, async () => expect(r.status).not.toBe('ready'));
  });

  it('deleting the service deletes its user and closes its connections', async () => {
    const w = await world('delsvc');
    const r = await connectAs(w.svc.token);
    expect(await r.ping()).toBe('PONG');
    await h.ok(gql.deleteService, { id: w.svc.id });
    expect((await users()).has('mm:delsvc:billing')).toBe(false);
    await within(1000, async () => expect(r.status).not.toBe('ready'));
  });

  it('deleting the namespace or the project takes its access away', async () => {
    const w = await world('delns');
    const r = await connectAs(w.svc.token);
    await r.set('delns:orders:orders:1', 'v');
    await h.ok(gql.deleteNamespace, { id: w.orders.id });
    await denied(r.set('delns:orders:orders:1', 'v'));
    expect((await users()).get('mm:delns:billing')).not.toContain('orders');
    await h.ok(gql.deleteProject, { id: w.p.id });
    expect((await users()).has('mm:delns:billing')).toBe(false);
  });

  it('concurrent mutations in one project all reach Redis (each answers after its own change is applied)', async () => {
    const p = await makeProject(h, { slug: 'burst' });
    const svc = await makeService(h, p.id, { slug: 'api', scopes: ['STRING'] });
    const spaces = await Promise.all([...Array(6).keys()].map((i) => makeNamespace(h, p.id, { slug: `n${i}` })));
    const r = await connectAs(svc.token);
    await Promise.all(
      spaces.map(async (ns, i) => {
        await bind(h, ns.id, svc.id, { permissions: ['READ', 'WRITE'], patterns: ['*'], scopes: ['STRING'] });
        // Right when this binding's mutation answers, its namespace is writable.
        expect(await r.set(`burst:n${i}:k`, 'v')).toBe('OK');
      }),
    );
    const line = (await users()).get('mm:burst:api')!;
    for (let i = 0; i < 6; i++) expect(line).toContain(`~burst:n${i}:*`);
  });

  it('a service made before Redis users existed gets its password hash when its agent first asks', async () => {
    const w = await world('legacy');
    // What an older store looks like: no password hash for the token.
    await h.redis.del(keys.passwords('legacy'));
    await h.app.deps.enforcer.enforce('legacy');
    expect((await users()).get('mm:legacy:billing')).toMatch(/^user mm:legacy:billing off /);
    const r = await connectAs(w.svc.token); // the agent config learns the hash and applies it
    expect(await r.set('legacy:orders:orders:1', 'v')).toBe('OK');
    expect(Object.keys(await h.redis.hgetall(keys.passwords('legacy')))).toEqual([digestHex(w.svc.token)]);
  });

  it('a pattern with quotes (which ACL SETUSER would unquote or refuse) is refused, and one stored earlier cannot stop enforcement', async () => {
    const w = await world('quoted');
    const r = await connectAs(w.svc.token);
    const BIND = `mutation($n: ID!, $s: ID!, $input: BindingInput!) { bindService(namespaceId: $n, serviceId: $s, input: $input) { id } }`;
    for (const pattern of ['"\\x20"', "it's:*", 'a"b"']) {
      const res = await h.gql(BIND, { n: w.carts.id, s: w.svc.id, input: { permissions: ['READ'], patterns: ['ok:*', pattern], scopes: ['STRING'] } });
      expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.patterns[1]' });
    }
    // A binding recorded before that rule: its bad pattern is dropped, the rest of the user still applies.
    const b = await bind(h, w.carts.id, w.svc.id, { permissions: ['READ'], patterns: ['ok:*'], scopes: ['STRING'] });
    const doc = JSON.parse((await h.redis.get(keys.binding('quoted', 'carts', 'billing')))!);
    doc.patterns = ['"\\x20"', 'ok:*'];
    await h.redis.set(keys.binding('quoted', 'carts', 'billing'), JSON.stringify(doc));
    await h.ok(gql.freeze, { id: w.orders.id });
    await denied(r.set('quoted:orders:orders:1', 'v'));
    expect(await r.get('quoted:carts:ok:1')).toBeNull();
    expect((await users()).get('mm:quoted:billing')).not.toContain('"');
    expect(b.id).toBe('binding:quoted/carts/billing');
  });

  it('a wrong token never plants a password hash', async () => {
    const w = await world('planted');
    await h.redis.del(keys.passwords('planted'));
    const res = await fetch(`${h.url}/v1/agent/config`, { headers: { authorization: `Bearer mms_planted_billing_${'A'.repeat(43)}` } });
    expect(res.status).toBe(401);
    expect(await h.redis.exists(keys.passwords('planted'))).toBe(0);
    expect(w.svc.token).toBeTruthy();
  });
});

describe('the namespace page', () => {
  it('shows what each bound service may do and the data Redis eviction policy', async () => {
    const w = await world('facts');
    await h.ok(gql.freeze, { id: w.orders.id });
    const d = await h.ok(`query { project(slug: "facts") { namespace(slug: "orders") {
      dataRedisEvictionPolicy access { serviceId username writable writeBlockedBy keyPatterns channels commandsAllowed commandsDenied } } } }`);
    const ns = d.project.namespace;
    expect(ns.dataRedisEvictionPolicy).toBe(await h.data.config('GET', 'maxmemory-policy').then((r) => (r as string[])[1]));
    expect(ns.access).toEqual([
      {
        serviceId: 'service:facts/billing',
        username: 'mm:facts:billing',
        writable: false,
        writeBlockedBy: 'FROZEN',
        keyPatterns: ['%R~facts:orders:orders:*'],
        channels: [],
        commandsAllowed: expect.arrayContaining(['+@string', '+del', '+expire']),
        commandsDenied: expect.arrayContaining(['-@admin', '-@dangerous', '-keys', '-scan', '-flushdb', '-select']),
      },
    ]);
  });
});

describe('quotas', () => {
  it('records 80%, 90% and 100% once each; a hard quota refuses writes until usage drops', async () => {
    const w = await world('quota');
    const r = await connectAs(w.svc.token);
    await r.set('quota:orders:orders:1', 'x'.repeat(1000));
    await h.ok(gql.refresh, { p: w.p.id });
    const used = (await h.ok(`query { project(slug: "quota") { namespace(slug: "orders") { usage { usedBytes } } } }`)).project.namespace.usage.usedBytes as number;
    expect(used).toBeGreaterThan(1000);

    const setQuota = (quotaBytes: number) => h.ok(gql.policy, { id: w.orders.id, policy: { quotaBytes, eviction: 'NOEVICTION' } });
    await setQuota(Math.ceil(used / 0.85)); // 85%
    await h.ok(gql.refresh, { p: w.p.id });
    await h.ok(gql.refresh, { p: w.p.id }); // no new crossing, no new event
    await setQuota(Math.ceil(used / 0.95)); // 95%
    await h.ok(gql.refresh, { p: w.p.id });
    await setQuota(used); // 100%: full, and NOEVICTION makes it hard
    // Writes stop as soon as the policy makes the namespace full (measured usage ≥ quota) ...
    await denied(r.set('quota:orders:orders:2', 'y'));
    expect(await r.get('quota:orders:orders:1')).toHaveLength(1000);
    await h.ok(gql.refresh, { p: w.p.id });
    let seen = await events(w.p.id, ['QUOTA_WARNING', 'QUOTA_EXCEEDED']);
    expect(seen.map((e) => [e.type, e.after.level, e.namespaceId])).toEqual([
      ['QUOTA_WARNING', 80, w.orders.id],
      ['QUOTA_WARNING', 90, w.orders.id],
      ['QUOTA_EXCEEDED', 100, w.orders.id],
    ]);
    expect(seen[2].after).toMatchObject({ usedBytes: used, quotaBytes: used, writeAccess: 'REMOVED' });
    expect(seen.every((e) => e.actor.kind === 'SYSTEM')).toBe(true);

    // ... and come back once usage falls under the quota again.
    await h.data.del('quota:orders:orders:1');
    await h.ok(gql.refresh, { p: w.p.id });
    expect(await r.set('quota:orders:orders:2', 'y')).toBe('OK');
    seen = await events(w.p.id, ['QUOTA_WARNING', 'QUOTA_EXCEEDED']);
    expect(seen).toHaveLength(4);
    expect(seen[3]).toMatchObject({ type: 'QUOTA_WARNING', namespaceId: w.orders.id, after: { level: 0, writeAccess: 'RESTORED' } });
  });

  it('a soft quota (an eviction policy) records the crossing but keeps writes', async () => {
    const w = await world('soft');
    const r = await connectAs(w.svc.token);
    await r.set('soft:orders:orders:1', 'x'.repeat(500));
    await h.ok(gql.policy, { id: w.orders.id, policy: { quotaBytes: 100, eviction: 'ALLKEYS_LRU' } });
    await h.ok(gql.refresh, { p: w.p.id });
    expect(await r.set('soft:orders:orders:2', 'y')).toBe('OK');
    const seen = await events(w.p.id, ['QUOTA_EXCEEDED']);
    expect(seen).toHaveLength(1);
    expect(seen[0].after.writeAccess).toBeUndefined();
  });

  it('a project over its quota refuses writes in its hard namespaces', async () => {
    const w = await world('projquota');
    const r = await connectAs(w.svc.token);
    await r.set('projquota:orders:orders:1', 'x'.repeat(500));
    await h.ok(`mutation($id: ID!) { updateProject(id: $id, input: { quotaBytes: 100 }) { id } }`, { id: w.p.id });
    await h.ok(gql.refresh, { p: w.p.id });
    await denied(r.set('projquota:orders:orders:2', 'y'));
    const seen = await events(w.p.id, ['QUOTA_EXCEEDED']);
    expect(seen).toEqual([expect.objectContaining({ namespaceId: null, after: expect.objectContaining({ quotaBytes: 100, writeAccess: 'REMOVED' }) })]);
  });
});

describe('default TTL', () => {
  it('gives keys without a TTL the namespace default, a bounded number per pass, and leaves the rest alone', async () => {
    const w = await world('ttl');
    await h.ok(gql.policy, { id: w.orders.id, policy: { defaultTtlSeconds: 3600 } });
    for (let i = 0; i < 8; i++) await h.data.set(`ttl:orders:k${i}`, 'v');
    await h.data.set('ttl:orders:own', 'v', 'EX', 100);
    await h.data.set('ttl:carts:k', 'v');
    const ttls = async () => Promise.all([...Array(8).keys()].map((i) => h.data.ttl(`ttl:orders:k${i}`)));
    await h.ok(gql.refresh, { p: w.p.id });
    // MM_DEFAULT_TTL_MAX_PER_PASS=5 in this file: the first pass does five keys, the next the rest.
    expect((await ttls()).filter((t) => t > 3500 && t <= 3600).length).toBe(5);
    expect((await ttls()).filter((t) => t === -1).length).toBe(3);
    await h.ok(gql.refresh, { p: w.p.id });
    expect((await ttls()).every((t) => t > 3500 && t <= 3600)).toBe(true);
    expect(await h.data.ttl('ttl:orders:own')).toBeLessThanOrEqual(100);
    expect(await h.data.ttl('ttl:carts:k')).toBe(-1);
    expect((await agentConfig(w.svc.token)).namespaces[0].policy.defaultTtlSeconds).toBe(3600);
  });
});

describe('reconcile', () => {
  it('repairs a user changed, deleted or added by hand, records it, and never touches users it does not own', async () => {
    const w = await world('drift');
    await h.data.call('ACL', 'SETUSER', 'alice', 'on', '>alice-pass', '~*', '+@all');
    await h.data.call('ACL', 'SETUSER', 'mmx', 'on', 'nopass', '~x:*', '+get');
    const mine = new Map([...(await users())].filter(([n]) => n === 'alice' || n === 'mmx'));
    const good = (await users()).get('mm:drift:billing');

    await h.data.call('ACL', 'SETUSER', 'mm:drift:billing', '~*', '+@all');
    await h.data.call('ACL', 'SETUSER', 'mm:drift:ghost', 'on', 'nopass', '~*', '+@all');
    const changes = await h.app.deps.enforcer.reconcile();
    expect(changes).toEqual(
      expect.arrayContaining([
        { name: 'mm:drift:billing', kind: 'CHANGED' },
        { name: 'mm:drift:ghost', kind: 'UNKNOWN_USER' },
      ]),
    );
    const after = await users();
    expect(after.get('mm:drift:billing')).toBe(good);
    expect(after.has('mm:drift:ghost')).toBe(false);
    for (const [name, line] of mine) expect(after.get(name)).toBe(line);

    await h.data.call('ACL', 'DELUSER', 'mm:drift:billing'); // as after a data-Redis restart
    expect(await h.app.deps.enforcer.reconcile()).toEqual([{ name: 'mm:drift:billing', kind: 'MISSING' }]);
    expect((await users()).get('mm:drift:billing')).toBe(good);
    expect(await h.app.deps.enforcer.reconcile()).toEqual([]); // nothing left to repair

    const seen = await events(w.p.id, ['ACL_DRIFT_REPAIRED']);
    expect(seen.map((e) => e.after)).toEqual([
      { username: 'mm:drift:billing', drift: 'CHANGED' },
      { username: 'mm:drift:ghost', drift: 'UNKNOWN_USER' },
      { username: 'mm:drift:billing', drift: 'MISSING' },
    ]);
    expect(seen.every((e) => e.actor.kind === 'SYSTEM')).toBe(true);
    await h.data.call('ACL', 'DELUSER', 'alice', 'mmx');
  });
});

describe('reconcile without drift', () => {
  it('records nothing when Redis only lists the same rules in another order', async () => {
    // PUBSUB's subcommands sit in a hash table that Redis rehashes as it looks them up, and ACL LIST
    // walks that table: the same rules applied again may come back in another order.
    const w = await world('reorder', ['STRING', 'PUBSUB']);
    await h.ok(gql.updateBinding, { id: w.b.id, input: { scopes: ['STRING', 'PUBSUB'] } });
    for (let i = 0; i < 20; i++) for (const sub of ['CHANNELS', 'NUMSUB', 'NUMPAT', 'SHARDCHANNELS', 'SHARDNUMSUB']) await h.data.call('PUBSUB', sub);
    expect(await h.app.deps.enforcer.reconcile()).toEqual([]);
    expect(await events(w.p.id, ['ACL_DRIFT_REPAIRED'])).toEqual([]);
  });

  it('compares ACL LIST lines part by part, whatever order each part lists its rules in', () => {
    // Two lines one Redis 7.0 gave for the same ACL SETUSER, before and after such lookups.
    const head = 'user u on nopass sanitize-payload resetchannels -@all (~x:* resetchannels &x:* -@all +@string +@pubsub';
    const a = `${head} -pubsub|numpat -pubsub|numsub -pubsub|shardnumsub -pubsub|shardchannels -pubsub|channels)`;
    const b = `${head} -pubsub|shardnumsub -pubsub|shardchannels -pubsub|numsub -pubsub|channels -pubsub|numpat)`;
    expect(a).not.toBe(b);
    expect(canonicalAclLine(a)).toBe(canonicalAclLine(b));
    // Rules moved between selectors, or from a selector to the root, are a change.
    expect(canonicalAclLine('user u on (~a:* +get) (~b:* +set)')).not.toBe(canonicalAclLine('user u on (~a:* +set) (~b:* +get)'));
    expect(canonicalAclLine('user u on +get (~a:*)')).not.toBe(canonicalAclLine('user u on (~a:* +get)'));
  });
});

describe('ACL LOG', () => {
  it('records each denial of a MemMouse user once, as ACCESS_DENIED', async () => {
    const w = await world('denials');
    const r = await connectAs(w.svc.token);
    await h.data.call('ACL', 'LOG', 'RESET'); // this file's own server: start from a clean log
    await denied(r.get('denials:carts:secret'));
    await denied(r.keys('*'));
    expect(await h.app.deps.enforcer.pollAclLog()).toBe(2);
    expect(await h.app.deps.enforcer.pollAclLog()).toBe(0); // nothing new: no duplicates
    await denied(r.get('denials:carts:secret')); // the same denial again: Redis groups it
    expect(await h.app.deps.enforcer.pollAclLog()).toBe(1);
    const seen = await events(w.p.id, ['ACCESS_DENIED']);
    expect(seen).toEqual([
      expect.objectContaining({ serviceId: w.svc.id, namespaceId: w.carts.id, after: expect.objectContaining({ reason: 'key', object: 'denials:carts:secret', count: 1 }) }),
      expect.objectContaining({ serviceId: w.svc.id, namespaceId: null, after: expect.objectContaining({ reason: 'command', object: 'keys', count: 1 }) }),
      expect.objectContaining({ serviceId: w.svc.id, after: expect.objectContaining({ object: 'denials:carts:secret', count: 1 }) }),
    ]);
  });

  it('records no failed login for a user name that no service stands behind (anyone may try AUTH with any name)', async () => {
    const w = await world('spoofed');
    await h.data.call('ACL', 'LOG', 'RESET');
    const r = new Redis({ port: h.data.options.port, lazyConnect: true, enableReadyCheck: false, maxRetriesPerRequest: 0, retryStrategy: () => null });
    r.on('error', () => {});
    open.push(r);
    await r.connect();
    for (let i = 0; i < 5; i++) await expect(r.call('AUTH', `mm:spoofed:made-up-${i}`, 'x')).rejects.toThrow(/WRONGPASS/);
    await expect(r.call('AUTH', 'mm:spoofed:billing', 'x')).rejects.toThrow(/WRONGPASS/); // a real service: recorded
    expect(await h.app.deps.enforcer.pollAclLog()).toBe(1);
    expect(await h.app.deps.enforcer.pollAclLog()).toBe(0);
    const seen = await events(w.p.id, ['ACCESS_DENIED']);
    expect(seen).toEqual([expect.objectContaining({ serviceId: w.svc.id, after: expect.objectContaining({ reason: 'auth', username: 'mm:spoofed:billing' }) })]);
  });
});

describe('the data Redis configuration', () => {
  it('is never changed: no CONFIG SET reached the data Redis in this whole file', async () => {
    const stats = await h.data.info('commandstats');
    expect(stats).toMatch(/cmdstat_acl\|setuser:calls=[1-9]/); // the enforcer did work here ...
    expect(stats).not.toMatch(/cmdstat_config\|set:/); // ... and never this
  });
});

describe('background loops', () => {
  it('once started, reconcile restores a user lost with a data-Redis restart without any mutation', async () => {
    const w = await world('loop');
    h.app.start();
    await h.data.call('ACL', 'DELUSER', 'mm:loop:billing');
    await within(3000, async () => expect((await users()).has('mm:loop:billing')).toBe(true));
    const r = await connectAs(w.svc.token);
    expect(await r.set('loop:orders:orders:1', 'v')).toBe('OK');
    // The ACL LOG poller runs too: a denial shows up in the feed by itself.
    await denied(r.get('loop:carts:1'));
    await within(3000, async () => {
      expect((await events(w.p.id, ['ACCESS_DENIED'])).map((e) => e.after.object)).toEqual(['loop:carts:1']);
    });
    expect((await events(w.p.id, ['ACL_DRIFT_REPAIRED'])).map((e) => e.after.drift)).toEqual(['MISSING']);
  });
});
