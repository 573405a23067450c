import { getIntrospectionQuery, parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, commandCount, startHarness, type Harness } from '../../test/harness.js';
import { makeNamespace, makeProject } from '../../test/factories.js';
import { getSchema } from '../schema.js';
import { loadConfig } from '../config.js';
import { checkQueryLimits, checkTokens, countTokens } from './limits.js';

const limits = loadConfig({}).limits;

/** A valid query exactly `levels` deep (leaves count): project → namespaces → edges → node → project … */
function deep(levels: number): string {
  const at = (r: number): string =>
    r === 1 ? 'id'
    : r === 2 ? 'namespaces(first: 1) { totalCount }'
    : r === 3 ? 'namespaces(first: 1) { edges { cursor } }'
    : r === 4 ? 'namespaces(first: 1) { edges { node { id } } }'
    : `namespaces(first: 1) { edges { node { project { ${at(r - 4)} } } } }`;
  return `{ project(slug: "lim") { ${at(levels - 1)} } }`;
}

async function measure(doc: string) {
  return checkQueryLimits(await getSchema(), parse(doc), {}, limits);
}

describe('checkQueryLimits (the one check HTTP and WebSocket share)', () => {
  it('measures depth with leaves, and names the limit, its maximum and the value', async () => {
    expect(await measure(deep(10))).toBeNull();
    expect((await measure(deep(11)))?.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'depth', max: 10, value: 11 });
  });

  it('weighs lists by first/limit (or their default), counts what is under them per item', async () => {
    // 500 projects, each with 1 namespace: 500 + 500.
    expect(await measure(`{ projects(first: 500) { edges { node { namespaces(first: 1) { edges { node { id } } } } } } }`)).toBeNull();
    const e = await measure(`{ projects(first: 500) { edges { node { namespaces(first: 2) { edges { node { id } } } } } } }`);
    expect(e?.extensions).toMatchObject({ limit: 'cost', max: 1000, value: 1500 });
    // Defaults count: projects' first defaults to 50, namespaces' to 50: 50 + 2500.
    expect((await measure(`{ projects { edges { node { namespaces { edges { node { id } } } } } } }`))?.extensions).toMatchObject({ value: 2550 });
    // The README's example.
    expect(await measure(`{ projects(first: 50) { edges { node { namespaces(first: 10) { edges { node { id } } } } } } }`)).toBeNull();
    expect((await measure(`{ projects(first: 50) { edges { node { namespaces(first: 20) { edges { node { id } } } } } } }`))?.extensions).toMatchObject({ value: 1050 });
    // Variables count too.
    const doc = parse(`query($n: Int) { projects(first: $n) { edges { node { id } } } }`);
    expect(checkQueryLimits(await getSchema(), doc, { n: 1001 }, limits)?.extensions).toMatchObject({ limit: 'cost', value: 1001 });
    expect(checkQueryLimits(await getSchema(), doc, { n: 1000 }, limits)).toBeNull();
  });

  it('counts an explicit null first/limit as the default the resolvers then use, not as 5', async () => {
    // The resolvers read null as "the default" (50 here): 50 + 50 × 50 items.
    const e = await measure(`{ projects(first: null) { edges { node { namespaces(first: null) { edges { node { id } } } } } } }`);
    expect(e?.extensions).toMatchObject({ limit: 'cost', value: 2550 });
    const doc = parse(`query($n: Int) { projects(first: $n) { edges { node { namespaces(first: $n) { edges { node { id } } } } } } }`);
    expect(checkQueryLimits(await getSchema(), doc, { n: null }, limits)?.extensions).toMatchObject({ limit: 'cost', value: 2550 });
  });

  it('counts aliases, also inside fragments', async () => {
    const fields = (n: number) => Array.from({ length: n }, (_, i) => `a${i}: viewer { id }`).join(' ');
    expect(await measure(`{ ${fields(15)} }`)).toBeNull();
    expect((await measure(`{ ${fields(16)} }`))?.extensions).toMatchObject({ limit: 'aliases', max: 15, value: 16 });
    expect((await measure(`{ ...F ...F } fragment F on Query { ${fields(8)} }`))?.extensions).toMatchObject({ limit: 'aliases', value: 16 });
  });

  it('checks a document of fragments spreading fragments in linear time (no exponential walk)', async () => {
    // F0 spreads F1 twice, F1 spreads F2 twice, ...: 2^40 leaf visits if expanded naively.
    const frags = Array.from({ length: 40 }, (_, i) => `fragment F${i} on Query { ...F${i + 1} ...F${i + 1} }`).join('\n');
    const doc = `{ ...F0 }\n${frags}\nfragment F40 on Query { projects(first: 1) { totalCount } }`;
    // 2^40 projects fields: cost far past the limit, found without expanding them.
    expect((await measure(doc))?.extensions).toMatchObject({ limit: 'cost' });
  });

  it('lets the standard introspection query through (its ofType chain is not depth)', async () => {
    expect(await measure(getIntrospectionQuery())).toBeNull();
    const nested = `{ __schema { types { fields { type { fields { type { fields { type { fields { type { name } } } } } } } } } } }`;
    expect((await measure(nested))?.extensions).toMatchObject({ limit: 'depth' });
  });

  it('counts tokens, comments excluded', () => {
    expect(countTokens('{ viewer { id } } # a comment')).toBe(6);
  });

  it('refuses a long document by its tokens, naming the limit and the count', () => {
    expect(checkTokens(`{ viewer { id } }`, limits)).toBeNull();
    expect(checkTokens(`{ viewer { ${'id '.repeat(3000)} } }`, limits)?.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'tokens', max: 2000, value: 3005 });
  });
});

describe('query limits over HTTP', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
    const p = await makeProject(h, { slug: 'lim' });
    await makeNamespace(h, p.id, { slug: 'orders' });
  });
  afterAll(() => h.close());

  /** Posts `body` and returns the answer and how many commands Redis ran meanwhile. */
  async function post(body: unknown, raw = false) {
    const before = await commandCount(h.redis);
    const res = await fetch(`${h.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN_TOKEN}` },
      body: raw ? (body as string) : JSON.stringify(body),
    });
    const json = (await res.json()) as { data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[] };
    return { status: res.status, json, commands: (await commandCount(h.redis)) - before };
  }

  it('runs a query within the limits (it does reach Redis)', async () => {
    const r = await post({ query: deep(10) });
    expect(r.json.errors).toBeUndefined();
    expect(r.commands).toBeGreaterThan(0);
  });

  it.each([
    ['depth', { query: deep(11) }],
    ['cost', { query: `{ projects(first: 500) { edges { node { namespaces(first: 2) { edges { node { id } } } } } } }` }],
    ['aliases', { query: `{ ${Array.from({ length: 16 }, (_, i) => `a${i}: project(slug: "lim") { id }`).join(' ')} }` }],
    ['tokens', { query: `{ project(slug: "lim") { ${'id '.repeat(2100)} } }` }],
  ])('refuses a document over the %s limit with 400, no data and no resolver run', async (limit, body) => {
    const r = await post(body);
    expect(r.status).toBe(400);
    expect(r.json).not.toHaveProperty('data');
    expect(r.json.errors).toHaveLength(1);
    expect(r.json.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit });
    expect(r.commands).toBe(0);
  });

  it('refuses the same on a mutation: nothing is written', async () => {
    const aliases = Array.from({ length: 16 }, (_, i) => `m${i}: createProject(input: { slug: "al-${i}", name: "x", quotaBytes: 0 }) { id }`);
    const r = await post({ query: `mutation { ${aliases.join(' ')} }` });
    expect(r.json.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'aliases' });
    expect(r.commands).toBe(0);
  });

  it('refuses a body over 100 kB with 413, and batched requests with 400', async () => {
    const big = await post({ query: `{ viewer { id } }`, variables: { pad: 'x'.repeat(101 * 1024) } });
    expect(big.status).toBe(413);
    expect(big.json.errors?.[0]?.extensions?.code).toBe('PAYLOAD_TOO_LARGE');
    const batch = await post([{ query: `{ viewer { id } }` }, { query: `{ viewer { id } }` }]);
    expect(batch.status).toBe(400);
    expect(batch.json).not.toHaveProperty('data');
    expect(batch.commands).toBe(0);
  });
});

describe('query limits are settings', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ env: { MM_QUERY_MAX_DEPTH: '3', MM_QUERY_MAX_COST: '20', MM_QUERY_MAX_ALIASES: '1', MM_QUERY_MAX_TOKENS: '100' } });
  });
  afterAll(() => h.close());

  it('applies the configured maxima', async () => {
    const code = async (q: string) => (await h.gql(q)).errors?.[0]?.extensions;
    expect(await code(`{ projects(first: 1) { edges { node { id } } } }`)).toMatchObject({ limit: 'depth', max: 3, value: 4 });
    expect(await code(`{ projects(first: 21) { totalCount } }`)).toMatchObject({ limit: 'cost', max: 20, value: 21 });
    expect(await code(`{ a: viewer { id } b: viewer { id } }`)).toMatchObject({ limit: 'aliases', max: 1, value: 2 });
    expect(await code(`{ viewer { ${'id '.repeat(100)} } }`)).toMatchObject({ limit: 'tokens', max: 100 });
    expect((await h.gql(`{ projects(first: 20) { totalCount } }`)).errors).toBeUndefined();
  });
});
