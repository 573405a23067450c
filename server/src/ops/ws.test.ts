// The WebSocket path applies what HTTP applies: query limits (no resolver runs on a refusal),
// failed-authentication throttling, and the active-subscriptions gauge follows open feeds.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, commandCount, startHarness, type Harness } from '../../test/harness.js';
import { makeProject } from '../../test/factories.js';
import { eventually, WsClient } from '../../test/ws-client.js';

const gauge = async (url: string) => {
  const m = /^memmouse_subscriptions_active (\d+)$/m.exec(await (await fetch(`${url}/metrics`)).text());
  return m ? Number(m[1]) : null;
};

describe('query limits over WebSocket', () => {
  let h: Harness;
  let projectId: string;
  beforeAll(async () => {
    h = await startHarness();
    projectId = (await makeProject(h, { slug: 'wsl' })).id;
  });
  afterAll(() => h.close());

  const sub = (selection: string) => `subscription($p: ID!) { events(projectId: $p) { ${selection} } }`;

  it.each([
    ['depth', sub('namespace { project { namespaces(first: 1) { edges { node { project { namespaces(first: 1) { edges { node { id } } } } } } } } }')],
    ['cost', sub('namespace { project { namespaces(first: 1001) { totalCount } } }')],
    ['aliases', sub(Array.from({ length: 16 }, (_, i) => `a${i}: id`).join(' '))],
    ['tokens', sub('id '.repeat(2100))],
  ])('refuses a subscription over the %s limit with an error frame, running nothing', async (limit, query) => {
    const c = await WsClient.open(h.url);
    const before = await commandCount(h.redis);
    const id = c.subscribe(query, { p: projectId });
    await c.until(() => c.of(id).length > 0);
    const [frame] = c.of(id);
    expect(frame?.type).toBe('error');
    expect(frame?.payload[0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit });
    expect(await commandCount(h.redis)).toBe(before);
    expect(h.app.deps.events.subscribers).toBe(0);
    expect(c.closed).toBeNull(); // the socket stays usable
    c.close();
  });

  it('counts open subscriptions in memmouse_subscriptions_active', async () => {
    expect(await gauge(h.url)).toBe(0);
    const c = await WsClient.open(h.url);
    c.subscribe(sub('id'), { p: projectId });
    await eventually(async () => (await gauge(h.url)) === 1, 5_000, 'the gauge to count the subscription');
    c.close();
    await eventually(async () => (await gauge(h.url)) === 0, 5_000, 'the gauge to drop');
  });
});

describe('failed-authentication throttling over WebSocket', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ env: { MM_AUTH_FAIL_LIMIT: '2' } });
  });
  afterAll(() => h.close());

  it('closes with 4429 once the address has failed too often, even with a valid token', async () => {
    for (const token of ['bad-1', 'bad-2']) {
      expect((await (await WsClient.open(h.url, token)).closedPromise).code).toBe(4403);
    }
    const blocked = await WsClient.open(h.url, ADMIN_TOKEN);
    const closed = await blocked.closedPromise;
    expect(closed.code).toBe(4429);
    expect(closed.reason).toMatch(/retry in \d+ s/);
    expect(blocked.frames).toEqual([]);
    // HTTP shares the budget.
    expect((await h.gql(`{ viewer { id } }`)).status).toBe(429);
  });
});
