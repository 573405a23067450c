import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../../test/harness.js';
import { bind, makeNamespace, makeProject, makeService } from '../../test/factories.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

const REINDEX = `mutation($drop: Boolean) { reindex(drop: $drop) { projects namespaces services bindings fixed fixes } }`;
const PROJECT = `query($s: String!) { project(slug: $s) {
  overview { namespaceCount serviceCount bindingCount }
  namespaces { edges { node { slug bindings { id } } } }
  services { edges { node { slug namespaces { slug } bindings { id } } } }
} }`;

/** Everything the lists say about a project, in a comparable shape. */
async function lists(slug: string) {
  const p = (await h.ok(PROJECT, { s: slug })).project;
  return {
    overview: p.overview,
    namespaces: p.namespaces.edges.map((e: any) => [e.node.slug, e.node.bindings.map((b: any) => b.id)]),
    services: p.services.edges.map((e: any) => [e.node.slug, e.node.namespaces.map((n: any) => n.slug), e.node.bindings.map((b: any) => b.id)]),
  };
}
const projectList = async () => (await h.ok(`{ projects { totalCount edges { node { slug } } } }`)).projects;

describe('reindex', () => {
  const healthy: Record<string, Awaited<ReturnType<typeof lists>>> = {};

  beforeAll(async () => {
    // alpha: 2 namespaces, 2 services, 3 bindings. beta: 1, 2, 2. gamma: 2 namespaces with quotas, 1 service, 1 binding.
    const alpha = await makeProject(h, { slug: 'alpha' });
    const [a1, a2] = [await makeNamespace(h, alpha.id, { slug: 'orders' }), await makeNamespace(h, alpha.id, { slug: 'cache' })];
    const [s1, s2] = [await makeService(h, alpha.id, { slug: 'billing' }), await makeService(h, alpha.id, { slug: 'web' })];
    await bind(h, a1.id, s1.id);
    await bind(h, a1.id, s2.id);
    await bind(h, a2.id, s2.id);

    const beta = await makeProject(h, { slug: 'beta' });
    const b1 = await makeNamespace(h, beta.id, { slug: 'events' });
    const [t1, t2] = [await makeService(h, beta.id, { slug: 'ingest' }), await makeService(h, beta.id, { slug: 'report' })];
    await bind(h, b1.id, t1.id);
    await bind(h, b1.id, t2.id, { permissions: ['READ'] });

    const gamma = await makeProject(h, { slug: 'gamma', quotaBytes: 1000 });
    const g1 = await makeNamespace(h, gamma.id, { slug: 'big', policy: { quotaBytes: 600 } });
    await makeNamespace(h, gamma.id, { slug: 'small', policy: { quotaBytes: 300 } });
    const u1 = await makeService(h, gamma.id, { slug: 'tps' });
    await bind(h, g1.id, u1.id);

    for (const slug of ['alpha', 'beta', 'gamma']) healthy[slug] = await lists(slug);
    expect(healthy.alpha!.overview).toEqual({ namespaceCount: 2, serviceCount: 2, bindingCount: 3 });
  });

  it('repairs hand-corrupted indexes, removes an orphan binding and says what it fixed', async () => {
    await h.redis.del('mm:projects');
    await h.redis.del('mm:{alpha}:idx');
    await h.redis.hdel('mm:{beta}:idx', 'svcbind:report');
    const orphan = { project: 'beta', namespace: 'ghost', service: 'ingest', permissions: ['READ'], patterns: ['*'], scopes: ['STRING'], version: 1 };
    await h.redis.set('mm:{beta}:bind:ghost:ingest', JSON.stringify(orphan));
    await h.redis.hset('mm:{gamma}:quotas', 'big', '0');

    // The damage is visible before the repair.
    expect((await projectList()).totalCount).toBe(0);
    expect((await lists('alpha')).overview).toEqual({ namespaceCount: 0, serviceCount: 0, bindingCount: 0 });
    expect((await lists('beta')).services).toEqual([
      ['ingest', ['events'], ['binding:beta/events/ingest']],
      ['report', [], []],
    ]);

    const r = (await h.ok(REINDEX)).reindex;
    expect(r.fixes).toEqual([
      'added project:alpha to the project list',
      'added project:beta to the project list',
      'added project:gamma to the project list',
      'rebuilt the index of project:alpha',
      'removed binding binding:beta/ghost/ingest: its namespace is gone',
      'rebuilt the index of project:beta',
      'rebuilt the quota table of project:gamma',
    ]);
    expect(r).toMatchObject({ projects: 3, namespaces: 5, services: 5, bindings: 6, fixed: 7 });

    expect((await projectList()).edges.map((e: any) => e.node.slug)).toEqual(['alpha', 'beta', 'gamma']);
    for (const slug of ['alpha', 'beta', 'gamma']) expect(await lists(slug)).toEqual(healthy[slug]);
    expect(await h.redis.exists('mm:{beta}:bind:ghost:ingest')).toBe(0);
    expect(await h.redis.hgetall('mm:{gamma}:quotas')).toEqual({ big: '600', small: '300' });

    // The rebuilt quota table is enforced again: 600 + 300 + 200 > 1000.
    const over = await h.gql(
      `mutation { createNamespace(projectId: "project:gamma", input: { slug: "extra", name: "Extra", policy: { quotaBytes: 200 } }) { id } }`,
    );
    expect(over.errors?.[0]?.extensions?.code).toBe('QUOTA_EXCEEDED');
  });

  it('reports nothing to fix on a second run', async () => {
    const r = (await h.ok(REINDEX)).reindex;
    expect(r).toEqual({ projects: 3, namespaces: 5, services: 5, bindings: 6, fixed: 0, fixes: [] });
  });

  it('rebuilds a healthy store with drop: true and keeps everything working', async () => {
    const r = (await h.ok(REINDEX, { drop: true })).reindex;
    expect(r).toEqual({ projects: 3, namespaces: 5, services: 5, bindings: 6, fixed: 0, fixes: [] });
    expect((await projectList()).edges.map((e: any) => e.node.slug)).toEqual(['alpha', 'beta', 'gamma']);
    for (const slug of ['alpha', 'beta', 'gamma']) expect(await lists(slug)).toEqual(healthy[slug]);

    // Writes still go through the rebuilt indexes.
    const ns = await makeNamespace(h, 'project:alpha', { slug: 'later' });
    await bind(h, ns.id, 'service:alpha/web');
    expect((await lists('alpha')).overview).toEqual({ namespaceCount: 3, serviceCount: 2, bindingCount: 4 });
    expect((await h.ok(REINDEX)).reindex.fixed).toBe(0);
  });
});
