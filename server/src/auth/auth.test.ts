import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, allKeys, startHarness, type Harness } from '../../test/harness.js';
import { bind, makeNamespace, makeProject, makeService } from '../../test/factories.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const secretOf = (token: string) => token.slice(-43);
const ROTATE = `mutation($id: ID!, $g: Int) { rotateServiceToken(id: $id, graceSeconds: $g) { token } }`;

async function post(body: string, headers: Record<string, string> = {}) {
  const res = await fetch(`${h.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN_TOKEN}`, ...headers },
    body,
  });
  return { status: res.status, text: await res.text(), headers: res.headers };
}

describe('authentication', () => {
  it('gives no header, garbage, a wrong admin token and a wrong service token the same UNAUTHENTICATED answer', async () => {
    const p = await makeProject(h, { slug: 'acme' });
    const s = await makeService(h, p.id, { slug: 'billing' });
    const wrongSecret = `mms_acme_billing_${'A'.repeat(43)}`;
    const unknownService = `mms_acme_nobody_${secretOf(s.token)}`;
    expect(wrongSecret).toHaveLength(s.token.length);

    const answers = [];
    for (const token of [null, 'garbage', `${ADMIN_TOKEN}x`, wrongSecret, unknownService]) {
      const r = await h.gql(`{ viewer { kind id } }`, {}, token);
      answers.push({ status: r.status, data: r.data ?? null, errors: r.errors?.map((e) => ({ message: e.message, code: e.extensions?.code })) });
    }
    expect(answers[0]).toEqual({ status: 401, data: null, errors: [{ message: expect.any(String), code: 'UNAUTHENTICATED' }] });
    for (const a of answers) expect(a).toEqual(answers[0]);

    // A malformed Authorization header (not Bearer) is the same answer too.
    const basic = await fetch(`${h.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Basic ${Buffer.from('a:b').toString('base64')}` },
      body: JSON.stringify({ query: '{ viewer { kind } }' }),
    });
    expect(basic.status).toBe(401);
    expect(((await basic.json()) as any).errors[0]).toMatchObject({ message: answers[0]!.errors![0]!.message, extensions: { code: 'UNAUTHENTICATED' } });

    // And on the agent route: the same message, HTTP 401.
    const agent = [];
    for (const token of [null, 'garbage', `${ADMIN_TOKEN}x`, wrongSecret, unknownService]) {
      const res = await fetch(`${h.url}/v1/agent/config`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
      agent.push({ status: res.status, body: await res.json() });
    }
    for (const a of agent) {
      expect(a).toEqual({ status: 401, body: { errors: [{ message: answers[0]!.errors![0]!.message, extensions: { code: 'UNAUTHENTICATED' } }] } });
    }
  });

  it('lets the admin token and a service token read viewer', async () => {
    const p = await makeProject(h);
    const s = await makeService(h, p.id);
    expect(await h.ok(`{ viewer { kind id } }`)).toEqual({ viewer: { kind: 'ADMIN', id: 'admin' } });
    expect(await h.ok(`{ viewer { kind id } }`, {}, s.token)).toEqual({ viewer: { kind: 'SERVICE', id: s.id } });
  });
});

describe('authorization', () => {
  it('lets a service token read viewer and agentConfig, and nothing else (FORBIDDEN)', async () => {
    const p = await makeProject(h);
    const ns = await makeNamespace(h, p.id);
    const s = await makeService(h, p.id);
    await bind(h, ns.id, s.id);

    const d = await h.ok(`{ viewer { kind } agentConfig { project service namespaces { slug } } }`, {}, s.token);
    expect(d).toEqual({ viewer: { kind: 'SERVICE' }, agentConfig: { project: p.slug, service: s.slug, namespaces: [{ slug: ns.slug }] } });

    const forbidden = [
      `{ projects { totalCount } }`,
      `{ project(slug: "${p.slug}") { id } }`,
      `{ node(id: "${s.id}") { id } }`,
      `{ events(projectId: "${p.id}") { totalCount } }`,
      `mutation { createProject(input: { slug: "sneaky", name: "x" }) { id } }`,
      `mutation { updateService(id: "${s.id}", input: { name: "Mine now" }) { id } }`,
      `mutation { rotateServiceToken(id: "${s.id}") { token } }`,
      `mutation { deleteService(id: "${s.id}") }`,
      `mutation { bindService(namespaceId: "${ns.id}", serviceId: "${s.id}", input: { permissions: [READ], patterns: ["*"], scopes: [STRING] }) { id } }`,
      `mutation { freezeNamespace(id: "${ns.id}") { id } }`,
      `mutation { seedDemoData { __typename } }`,
      `mutation { reindex { __typename } }`,
    ];
    const keysBefore = await allKeys(h.redis);
    for (const q of forbidden) {
      const r = await h.gql(q, {}, s.token);
      expect(r.errors?.[0]?.extensions?.code, q).toBe('FORBIDDEN');
    }
    expect(await allKeys(h.redis)).toEqual(keysBefore);
    expect((await h.ok(`{ node(id: "${s.id}") { ... on Service { name } } }`)).node.name).not.toBe('Mine now');
  });

  it('refuses the admin token on agentConfig (FORBIDDEN) and on /v1/agent/config (403)', async () => {
    const r = await h.gql(`{ agentConfig { project } }`);
    expect(r.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const res = await fetch(`${h.url}/v1/agent/config`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
    expect(res.status).toBe(403);
    expect(((await res.json()) as any).errors[0].extensions.code).toBe('FORBIDDEN');
  });
});

/** Every value stored on a Redis, as text: strings, hash fields and values, set/zset/list members, stream entries. */
async function everything(): Promise<{ key: string; text: string }[]> {
  const out: { key: string; text: string }[] = [];
  for (const key of await allKeys(h.redis)) {
    const type = await h.redis.type(key);
    let parts: string[];
    if (type === 'string') parts = [(await h.redis.get(key)) ?? ''];
    else if (type === 'hash') parts = Object.entries(await h.redis.hgetall(key)).flat();
    else if (type === 'set') parts = await h.redis.smembers(key);
    else if (type === 'zset') parts = await h.redis.zrange(key, 0, -1);
    else if (type === 'list') parts = await h.redis.lrange(key, 0, -1);
    else if (type === 'stream') parts = (await h.redis.xrange(key, '-', '+')).flatMap(([id, f]) => [id, ...f]);
    else throw new Error(`unexpected key type ${type} for ${key}`);
    out.push({ key, text: [key, ...parts].join('\n') });
  }
  return out;
}

describe('secrets at rest', () => {
  it('never stores a token or its secret in plain text, and events carry no auth or digests', async () => {
    const p = await makeProject(h, { slug: 'vault' });
    const ns = await makeNamespace(h, p.id, { slug: 'orders' });
    const a = await makeService(h, p.id, { slug: 'alpha' });
    const b = await makeService(h, p.id, { slug: 'beta' });
    await bind(h, ns.id, a.id);
    const a2 = (await h.ok(ROTATE, { id: a.id, g: 600 })).rotateServiceToken.token as string;
    const a3 = (await h.ok(ROTATE, { id: a.id, g: 600 })).rotateServiceToken.token as string;
    const b2 = (await h.ok(ROTATE, { id: b.id, g: 0 })).rotateServiceToken.token as string;
    await h.ok(`mutation($id: ID!) { updateService(id: $id, input: { name: "Alpha 2" }) { id } }`, { id: a.id });
    await h.ok(`mutation($id: ID!) { deleteService(id: $id) }`, { id: b.id });
    const tokens = [a.token, a2, a3, b.token, b2];

    const stored = await everything();
    expect(stored.some((s) => s.key === 'mm:{vault}:events')).toBe(true);
    for (const { key, text } of stored) {
      for (const t of [...tokens, ADMIN_TOKEN]) expect(text.includes(t), `${key} holds a token`).toBe(false);
      for (const t of tokens) expect(text.includes(secretOf(t)), `${key} holds a token secret`).toBe(false);
    }
    // What is stored instead: the digests, in the service document only.
    const doc = JSON.parse((await h.redis.get('mm:{vault}:svc:alpha'))!);
    expect(doc.auth).toEqual({ digest: sha256(a3), previousDigest: sha256(a2), previousExpiresAt: expect.any(String) });

    const digests = [...tokens, ADMIN_TOKEN].map(sha256);
    const events = await h.redis.xrange('mm:{vault}:events', '-', '+');
    const types = events.map(([, f]) => f[f.indexOf('type') + 1]);
    expect(types).toEqual(expect.arrayContaining(['SERVICE_CREATED', 'SERVICE_TOKEN_ROTATED', 'SERVICE_UPDATED', 'SERVICE_DELETED']));
    for (const [, fields] of events) {
      const data = JSON.parse(fields[fields.indexOf('data') + 1]!);
      for (const side of [data.before, data.after]) {
        if (side) expect(Object.keys(side)).not.toContain('auth');
      }
      const text = fields.join('\n');
      expect(text).not.toMatch(/"(digest|previousDigest)"/);
      for (const d of digests) expect(text.includes(d)).toBe(false);
    }

    // The GraphQL events API shows the same redacted documents.
    const q = await h.ok(`query($p: ID!) { events(projectId: $p, first: 100) { edges { node { type before after } } } }`, { p: p.id });
    const shown = JSON.stringify(q);
    expect(shown).not.toContain('"auth"');
    for (const d of digests) expect(shown).not.toContain(d);
    for (const t of tokens) expect(shown).not.toContain(secretOf(t));
  });
});

describe('request errors', () => {
  it('answers malformed JSON with 400 and a JSON body coded BAD_REQUEST', async () => {
    const r = await post('{"query": "{ viewer { kind } }"');
    expect(r.status).toBe(400);
    expect(r.headers.get('content-type')).toMatch(/application\/json/);
    const body = JSON.parse(r.text);
    expect(body.errors[0].extensions.code).toBe('BAD_REQUEST');
    expect(r.text).not.toMatch(/SyntaxError|at JSON\.parse|node_modules/);
  });

  it('masks an internal error: generic message, a requestId, no stack, paths or Redis text', async () => {
    await h.redis.zadd('mm:projects', 0, 'broken');
    await h.redis.set('mm:{broken}:project', '{bad');
    try {
      const r = await post(JSON.stringify({ query: `{ project(slug: "broken") { id name } }` }), { 'x-request-id': 'req-masked-1' });
      const body = JSON.parse(r.text);
      expect(body.errors).toHaveLength(1);
      expect(body.errors[0].extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR', requestId: 'req-masked-1' });
      expect(body.errors[0].message).toBe('Internal server error (request req-masked-1)');
      expect(r.headers.get('x-request-id')).toBe('req-masked-1');
      expect(r.text).not.toMatch(/stack|stacktrace|SyntaxError|JSON|Unexpected|\{bad|mm:\{|\/work|\.ts|node_modules|ERR |WRONGTYPE/i);

      // A list that reaches the same document is masked the same way, with a generated request id.
      const list = await post(JSON.stringify({ query: `{ projects(first: 100) { edges { node { name } } } }` }));
      const lb = JSON.parse(list.text);
      expect(lb.errors?.[0]?.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
      expect(lb.errors[0].extensions.requestId).toBe(list.headers.get('x-request-id'));
      expect(list.text).not.toMatch(/stack|SyntaxError|Unexpected|\{bad|mm:\{|\/work/i);
    } finally {
      await h.redis.zrem('mm:projects', 'broken');
      await h.redis.del('mm:{broken}:project');
    }
  });

  it('masks an internal error met while checking a service token, on GraphQL and on the agent route', async () => {
    await makeProject(h, { slug: 'corrupt' });
    await h.redis.set('mm:{corrupt}:svc:billing', '{bad');
    const token = `mms_corrupt_billing_${'C'.repeat(43)}`;
    const gql = await post(JSON.stringify({ query: '{ viewer { kind } }' }), { authorization: `Bearer ${token}`, 'x-request-id': 'req-ctx-1' });
    const gb = JSON.parse(gql.text);
    expect(gb.errors[0]).toMatchObject({ message: 'Internal server error (request req-ctx-1)', extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: 'req-ctx-1' } });
    expect(gql.text).not.toMatch(/stack|SyntaxError|Unexpected|\{bad|mm:\{|\/work|Context creation/i);

    const res = await fetch(`${h.url}/v1/agent/config`, { headers: { authorization: `Bearer ${token}`, 'x-request-id': 'req-agent-1' } });
    const text = await res.text();
    expect(res.status).toBe(500);
    expect(JSON.parse(text)).toEqual({
      errors: [{ message: 'Internal server error (request req-agent-1)', extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: 'req-agent-1' } }],
    });
  });
});
