import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Redis } from 'ioredis';
import { snapshot, startHarness, type Harness } from '../../test/harness.js';
import { makeProject } from '../../test/factories.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ separateData: true });
});
afterAll(() => h.close());

const SEED = `mutation($force: Boolean, $drop: Boolean) { seedDemoData(force: $force, drop: $drop) {
  projects { slug } namespaceCount serviceCount bindingCount keyCount
  serviceTokens { token service { id slug } }
} }`;
const PROJECT = `query($s: String!) { project(slug: $s) {
  overview { namespaceCount serviceCount bindingCount usedBytes }
  namespaces { edges { node { slug keyPrefix usage { usedBytes keyCount sampledAt } } } }
} }`;
const DEMO = ['acme', 'globex', 'initech'];

async function scanCount(r: Redis, match: string): Promise<number> {
  const found = new Set<string>();
  let cursor = '0';
  do {
    const [next, batch] = await r.scan(cursor, 'MATCH', match, 'COUNT', 1000);
    cursor = next;
    for (const k of batch) found.add(k);
  } while (cursor !== '0');
  return found.size;
}

const agentConfig = (token: string) => fetch(`${h.url}/v1/agent/config`, { headers: { authorization: `Bearer ${token}` } });

async function projectSlugs(): Promise<string[]> {
  const d = await h.ok(`{ projects { edges { node { slug } } } }`);
  return d.projects.edges.map((e: any) => e.node.slug);
}

describe('seedDemoData', () => {
  let first: any;

  it('seeds an empty store with the three demo projects, counted as SeedResult says', async () => {
    first = (await h.ok(SEED)).seedDemoData;
    expect(first.projects.map((p: any) => p.slug)).toEqual(DEMO);
    expect(first).toMatchObject({ namespaceCount: 6, serviceCount: 6, bindingCount: 10, keyCount: 467 });
    expect(await projectSlugs()).toEqual(DEMO);

    const totals = { namespaceCount: 0, serviceCount: 0, bindingCount: 0 };
    for (const slug of DEMO) {
      const o = (await h.ok(PROJECT, { s: slug })).project.overview;
      totals.namespaceCount += o.namespaceCount;
      totals.serviceCount += o.serviceCount;
      totals.bindingCount += o.bindingCount;
    }
    expect(totals).toEqual({ namespaceCount: first.namespaceCount, serviceCount: first.serviceCount, bindingCount: first.bindingCount });
    expect(first.serviceTokens).toHaveLength(first.serviceCount);
  });

  it("writes real sample keys under each namespace's prefix, measured exactly in usage", async () => {
    let keys = 0;
    for (const slug of DEMO) {
      const project = (await h.ok(PROJECT, { s: slug })).project;
      let used = 0;
      for (const { node } of project.namespaces.edges) {
        const onData = await scanCount(h.data, `${node.keyPrefix}*`);
        expect(onData).toBeGreaterThan(0);
        expect(node.usage.keyCount).toBe(onData);
        expect(node.usage.usedBytes).toBeGreaterThan(0);
        expect(node.usage.sampledAt).not.toBeNull();
        used += node.usage.usedBytes;
        keys += onData;
      }
      expect(project.overview.usedBytes).toBe(used);
    }
    expect(keys).toBe(first.keyCount);
    expect(await h.data.dbsize()).toBe(first.keyCount);
  });

  it('hands out service tokens that the agent route accepts', async () => {
    for (const { token, service } of first.serviceTokens) {
      const res = await agentConfig(token);
      expect(res.status).toBe(200);
      const body = (await res.json()) as any;
      const [project, slug] = service.id.slice('service:'.length).split('/');
      expect(body).toMatchObject({ project, service: slug });
      expect(body.namespaces.length).toBeGreaterThan(0);
    }
  });

  it('refuses a second seed with ALREADY_EXISTS and writes nothing', async () => {
    const [control, data] = [await snapshot(h.redis), await h.data.dbsize()];
    const r = await h.gql(SEED);
    expect(r.errors?.[0]?.extensions?.code).toBe('ALREADY_EXISTS');
    expect(await snapshot(h.redis)).toEqual(control);
    expect(await h.data.dbsize()).toBe(data);
  });

  it('replaces the demo with drop: true: fresh tokens, the old ones refused', async () => {
    const again = (await h.ok(SEED, { drop: true })).seedDemoData;
    expect(again).toMatchObject({ namespaceCount: 6, serviceCount: 6, bindingCount: 10, keyCount: 467 });
    expect(await projectSlugs()).toEqual(DEMO);
    expect(await h.data.dbsize()).toBe(467);

    const oldTokens = new Set(first.serviceTokens.map((t: any) => t.token));
    for (const { token } of again.serviceTokens) {
      expect(oldTokens.has(token)).toBe(false);
      expect((await agentConfig(token)).status).toBe(200);
    }
    for (const token of oldTokens) expect((await agentConfig(token as string)).status).toBe(401);

    // A service token may not seed (nor reindex).
    const serviceToken = again.serviceTokens[0].token;
    expect((await h.gql(SEED, { drop: true }, serviceToken)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await h.gql(`mutation { reindex { fixed } }`, {}, serviceToken)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    // One PROJECT_CREATED per project in the fresh stream: the old history went with the old projects.
    const events = await h.ok(`{ events(projectId: "project:acme", filter: { types: [PROJECT_CREATED] }) { totalCount edges { node { type } } } }`);
    expect(events.events.edges).toHaveLength(1);
  });

  it('refuses a store holding another project with CONFLICT unless force, then seeds beside it', async () => {
    for (const slug of DEMO) await h.ok(`mutation($id: ID!) { deleteProject(id: $id, force: true) }`, { id: `project:${slug}` });
    expect(await h.data.dbsize()).toBe(0);
    await makeProject(h, { slug: 'mine' });

    const before = await snapshot(h.redis);
    const refused = await h.gql(SEED);
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'force' });
    expect(await snapshot(h.redis)).toEqual(before);
    expect(await h.data.dbsize()).toBe(0);

    const seeded = (await h.ok(SEED, { force: true })).seedDemoData;
    expect(seeded.projects.map((p: any) => p.slug)).toEqual(DEMO);
    expect(await projectSlugs()).toEqual(['acme', 'globex', 'initech', 'mine']);
    expect(await h.data.dbsize()).toBe(467);
  });
});
