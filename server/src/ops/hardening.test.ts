// Hardening with NODE_ENV unset (Apollo and express are most talkative then): no leaks, CSRF,
// introspection and suggestions for authenticated callers only, throttling, security headers.
import { getIntrospectionQuery } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, snapshot, startHarness, type Harness } from '../../test/harness.js';
import { makeProject, makeService } from '../../test/factories.js';
import { keys } from '../redis/keys.js';
import { AuthThrottle, throttleKeys } from './throttle.js';
import { contentSecurityPolicy } from './headers.js';

const LEAK = /stack|stacktrace|SyntaxError|Unexpected token|JSON\.parse|WRONGTYPE|ReplyError|ioredis|mm:\{|mm:projects|\/work|\/home|\/app\/|\.ts:|\.js:|node_modules|Context creation/i;

let h: Harness;
const savedEnv = process.env.NODE_ENV;
beforeAll(async () => {
  delete process.env.NODE_ENV;
  h = await startHarness({ env: { MM_AUTH_FAIL_LIMIT: '3', MM_AUTH_FAIL_WINDOW_SECONDS: '60', MM_TRUST_PROXY_HOPS: '1' } });
});
afterAll(async () => {
  await h.close();
  process.env.NODE_ENV = savedEnv;
});

/** Each test speaks from its own client address (X-Forwarded-For, trusted for one hop here). */
let nextAddress = 1;
const newAddress = () => `10.0.0.${nextAddress++}`;

async function send(init: { method?: string; body?: string; headers?: Record<string, string>; path?: string; from?: string }) {
  const headers = Object.entries({
    'content-type': 'application/json',
    authorization: `Bearer ${ADMIN_TOKEN}`,
    'x-forwarded-for': init.from ?? newAddress(),
    ...init.headers,
  }).filter(([, v]) => v !== ''); // '' leaves a header out
  const res = await fetch(`${h.url}${init.path ?? '/graphql'}`, { method: init.method ?? 'POST', headers, body: init.body });
  return { status: res.status, text: await res.text(), headers: res.headers };
}

describe('no leaks with NODE_ENV unset', () => {
  it('runs with NODE_ENV unset', () => {
    expect(process.env.NODE_ENV).toBeUndefined();
  });

  it.each([
    ['an empty body', ''],
    ['truncated JSON', '{"query": "{ viewer { id '],
    ['JSON that is not an object', '"just a string"'],
    ['a query that is not a string', '{"query": 42}'],
    ['a syntax error', '{"query": "{ viewer { "}'],
  ])('answers %s with a 400 JSON error and nothing internal', async (_name, body) => {
    const r = await send({ body });
    expect(r.status).toBe(400);
    expect(r.headers.get('content-type')).toMatch(/application\/json/);
    expect(JSON.parse(r.text).errors[0].extensions.code).toMatch(/^(BAD_REQUEST|GRAPHQL_PARSE_FAILED)$/);
    expect(r.text).not.toMatch(LEAK);
  });

  it('masks an internal error (a corrupt document) and a raw Redis error (a key of the wrong type)', async () => {
    await h.redis.zadd(keys.projects, 0, 'broken');
    await h.redis.set(keys.project('broken'), '{bad');
    try {
      const corrupt = await send({ body: JSON.stringify({ query: `{ project(slug: "broken") { id name } }` }) });
      expect(JSON.parse(corrupt.text).errors[0].extensions.code).toBe('INTERNAL_SERVER_ERROR');
      expect(corrupt.text).not.toMatch(LEAK);
    } finally {
      await h.redis.zrem(keys.projects, 'broken');
      await h.redis.del(keys.project('broken'));
    }
    const saved = await h.redis.dump(keys.projects);
    await h.redis.del(keys.projects);
    await h.redis.set(keys.projects, 'not a sorted set');
    try {
      const wrongType = await send({ body: JSON.stringify({ query: `{ projects { totalCount } }` }) });
      const body = JSON.parse(wrongType.text);
      expect(body.errors[0]).toMatchObject({ extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: wrongType.headers.get('x-request-id') } });
      expect(wrongType.text).not.toMatch(LEAK);
    } finally {
      await h.redis.del(keys.projects);
      if (saved) await h.redis.restore(keys.projects, 0, saved);
    }
  });

  it('answers persisted-query extensions as a client error, not an internal one (no APQ: nothing uses it)', async () => {
    for (const hash of ['abc', 'f'.repeat(64)]) {
      const withQuery = await send({ body: JSON.stringify({ query: '{ viewer { id } }', extensions: { persistedQuery: { version: 1, sha256Hash: hash } } }) });
      expect(JSON.parse(withQuery.text).errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_SUPPORTED');
      const hashOnly = await send({ body: JSON.stringify({ extensions: { persistedQuery: { version: 1, sha256Hash: hash } } }) });
      expect(JSON.parse(hashOnly.text).errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_SUPPORTED');
    }
  });

  it('answers an unknown route and a bad method with JSON, not an HTML page with a stack', async () => {
    const missing = await send({ path: '/nope', method: 'GET' });
    expect(missing.status).toBe(404);
    expect(missing.text).not.toMatch(LEAK);
    const put = await send({ method: 'PUT', body: '{}' });
    expect(put.text).not.toMatch(LEAK);
    expect(put.text).not.toMatch(/<html|<pre/i);
  });
});

describe('CSRF prevention', () => {
  const mutation = `mutation { createProject(input: { slug: "csrf", name: "x", quotaBytes: 0 }) { id } }`;

  it('refuses a text/plain mutation (400) and a mutation over GET (405), writing nothing', async () => {
    const before = await snapshot(h.redis);
    const plain = await send({ body: JSON.stringify({ query: mutation }), headers: { 'content-type': 'text/plain' } });
    expect(plain.status).toBe(400);
    expect(plain.text).not.toMatch(LEAK);

    const url = `/graphql?query=${encodeURIComponent(mutation)}`;
    const simpleGet = await send({ path: url, method: 'GET', headers: { 'content-type': '' } });
    expect(simpleGet.status).toBe(400); // a GET without a preflight-forcing header is refused first
    const get = await send({ path: url, method: 'GET', headers: { 'apollo-require-preflight': 'true' } });
    expect(get.status).toBe(405);
    expect(get.headers.get('allow')).toBe('POST');
    expect(await snapshot(h.redis)).toEqual(before);
  });

  it('still serves a query over GET with the preflight header', async () => {
    const r = await send({ path: `/graphql?query=${encodeURIComponent('{ viewer { kind } }')}`, method: 'GET', headers: { 'apollo-require-preflight': 'true' } });
    expect(r.status).toBe(200);
    expect(JSON.parse(r.text).data.viewer.kind).toBe('ADMIN');
  });
});

describe('introspection and field suggestions', () => {
  it('are refused to callers without a valid token', async () => {
    for (const authorization of ['', 'Bearer wrong-token']) {
      const intro = await send({ body: JSON.stringify({ query: `{ __schema { types { name } } }` }), headers: { authorization } });
      expect(intro.status).toBe(401);
      expect(intro.text).not.toContain('Project');
      const typo = await send({ body: JSON.stringify({ query: `{ projectz { totalCount } }` }), headers: { authorization } });
      expect(typo.status).toBe(401);
      expect(typo.text).not.toMatch(/did you mean|projects/i);
    }
  });

  it('work for an authenticated caller: the full introspection query fits the limits', async () => {
    const intro = await send({ body: JSON.stringify({ query: getIntrospectionQuery() }) });
    expect(intro.status).toBe(200);
    expect(JSON.parse(intro.text).data.__schema.types.map((t: { name: string }) => t.name)).toContain('Project');
    const typo = await send({ body: JSON.stringify({ query: `{ projectz { totalCount } }` }) });
    expect(JSON.parse(typo.text).errors[0].message).toMatch(/Did you mean .*"projects"/);
  });
});

describe('failed-authentication throttling', () => {
  it('counts failures in a window per key and reopens when the window ends', () => {
    let now = 1_000_000;
    const t = new AuthThrottle(3, 60_000, () => now);
    const k = throttleKeys('1.2.3.4', 'Bearer x');
    expect(k[1]).not.toContain('x'); // a digest, never the credential
    t.fail(k);
    t.fail(k);
    expect(t.blockedFor(k)).toBe(0);
    t.fail(k);
    expect(t.blockedFor(k)).toBe(60_000);
    expect(t.blockedFor(throttleKeys('1.2.3.4', null))).toBe(60_000); // the address alone is blocked
    expect(t.blockedFor(throttleKeys('5.6.7.8', 'Bearer x'))).toBe(60_000); // so is the token elsewhere
    expect(t.blockedFor(throttleKeys('5.6.7.8', 'Bearer y'))).toBe(0);
    now += 59_000;
    expect(t.blockedFor(k)).toBe(1_000);
    now += 1_000;
    expect(t.blockedFor(k)).toBe(0);
  });

  it('answers 429 with Retry-After per client address', async () => {
    const from = newAddress();
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await send({ from, body: '{"query":"{ viewer { id } }"}', headers: { authorization: `Bearer bad-${i}` } })).status);
    expect(statuses).toEqual([401, 401, 401]);
    const blocked = await send({ from, body: '{"query":"{ viewer { id } }"}', headers: { authorization: '' } });
    expect(blocked.status).toBe(429);
    const retryAfter = Number(blocked.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(JSON.parse(blocked.text).errors[0].extensions).toEqual({ code: 'TOO_MANY_REQUESTS', retryAfterSeconds: retryAfter });
    // The agent route shares the budget; another address is not affected.
    expect((await send({ from, path: '/v1/agent/config', method: 'GET', headers: { authorization: 'Bearer bad-x' } })).status).toBe(429);
    expect((await send({ body: '{"query":"{ viewer { id } }"}' })).status).toBe(200);
  });

  it('still serves a token that has authenticated recently from an address others got blocked', async () => {
    // One misconfigured agent behind a shared address (a NAT, or a balancer with
    // MM_TRUST_PROXY_HOPS unset) must not lock every other agent and admin out.
    const p = await makeProject(h, { slug: 'shared-nat' });
    const s = await makeService(h, p.id, { slug: 'good' });
    const from = newAddress();
    const agent = (token: string) => send({ from, path: '/v1/agent/config', method: 'GET', headers: { authorization: `Bearer ${token}` } });
    expect((await agent(s.token)).status).toBe(200);
    for (let i = 0; i < 3; i++) expect((await agent(`stale-${i}`)).status).toBe(401);
    expect((await agent('stale-3')).status).toBe(429);
    expect((await agent(s.token)).status).toBe(200);
    expect((await send({ from, body: '{"query":"{ viewer { kind } }"}', headers: { authorization: `Bearer ${s.token}` } })).status).toBe(200);
    // A valid token never seen before from anywhere waits like any other caller from there.
    const fresh = await makeService(h, p.id, { slug: 'fresh' });
    expect((await agent(fresh.token)).status).toBe(429);
  });

  it('answers 429 per token, from any address, on GraphQL and the agent route', async () => {
    const p = await makeProject(h, { slug: 'throttled' });
    const s = await makeService(h, p.id, { slug: 'agent' });
    const wrong = `${s.token.slice(0, -4)}AAAA`;
    for (let i = 0; i < 3; i++) {
      expect((await send({ path: '/v1/agent/config', method: 'GET', headers: { authorization: `Bearer ${wrong}` } })).status).toBe(401);
    }
    const again = await send({ body: '{"query":"{ viewer { id } }"}', headers: { authorization: `Bearer ${wrong}` } });
    expect(again.status).toBe(429);
    expect(again.headers.get('retry-after')).toMatch(/^\d+$/);
    // The right token is a different key: it still works.
    expect((await send({ path: '/v1/agent/config', method: 'GET', headers: { authorization: `Bearer ${s.token}` } })).status).toBe(200);
  });
});

describe('security headers', () => {
  it('sends a CSP that allows only this origin (and its WebSocket), plus the usual headers', async () => {
    const r = await send({ path: '/', method: 'GET' });
    const csp = r.headers.get('content-security-policy') ?? '';
    const host = new URL(h.url).host;
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain(`connect-src 'self' ws://${host} wss://${host}`);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toMatch(/https?:|\*|unsafe-eval/);
    expect(r.headers.get('x-content-type-options')).toBe('nosniff');
    expect(r.headers.get('x-frame-options')).toBe('DENY');
    expect(r.headers.get('referrer-policy')).toBe('no-referrer');
    expect(r.headers.get('x-powered-by')).toBeNull();
  });

  it('leaves a malformed Host out of the policy', () => {
    expect(contentSecurityPolicy('evil; script-src *')).toContain("connect-src 'self';");
  });
});
