import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commandCount, startHarness, type Harness } from '../../test/harness.js';
import { bind, makeNamespace, makeProject, makeService } from '../../test/factories.js';

// Separate data Redis: commandCount(h.redis) then counts only what the control plane reads.
let h: Harness;
beforeAll(async () => {
  h = await startHarness({ separateData: true });
});
afterAll(() => h.close());

const QUERY = `query($s: String!) { project(slug: $s) {
  overview { usedBytes namespaceCount serviceCount bindingCount topNamespaces { slug } recentEvents { id type } }
  namespaces(first: 100) { edges { node { slug usage { usedBytes } bindings { id permissions service { slug scopes } } } } }
} }`;

const BINDINGS_PER_NAMESPACE = 4;
const pad = (i: number) => String(i).padStart(2, '0');

/** A project with `nsCount` namespaces, `svcCount` services and 4 bindings per namespace, measured. */
async function build(slug: string, nsCount: number, svcCount: number) {
  const p = await makeProject(h, { slug });
  const ns = [];
  for (let i = 0; i < nsCount; i++) ns.push(await makeNamespace(h, p.id, { slug: `ns-${pad(i)}` }));
  const svc = [];
  for (let i = 0; i < svcCount; i++) svc.push(await makeService(h, p.id, { slug: `svc-${pad(i)}` }));
  for (let i = 0; i < nsCount; i++) {
    for (let k = 0; k < BINDINGS_PER_NAMESPACE; k++) {
      await bind(h, ns[i]!.id, svc[(i + k * 5) % svcCount]!.id, { permissions: k % 2 ? ['READ'] : ['READ', 'WRITE'] });
    }
    // Uneven usage, so topNamespaces has an order to show: namespace i holds i + 1 keys.
    for (let j = 0; j <= i; j++) await h.data.set(`${slug}:ns-${pad(i)}:k${j}`, 'v'.repeat(100));
  }
  await h.ok(`mutation($p: ID!) { refreshUsage(projectId: $p) { id } }`, { p: p.id });
}

/** Runs QUERY and returns its data and how many commands the control Redis executed for it. */
async function measured(slug: string) {
  const before = await commandCount(h.redis);
  const data = await h.ok(QUERY, { s: slug });
  return { data, commands: (await commandCount(h.redis)) - before };
}

describe('project overview with nested namespaces → bindings → service', () => {
  beforeAll(async () => {
    await build('large', 50, 20);
    await build('small', 5, 20);
  }, 120_000);

  it('answers with the right data', async () => {
    const { data } = await measured('large');
    const project = data.project;
    expect(project.overview).toMatchObject({ namespaceCount: 50, serviceCount: 20, bindingCount: 200 });
    expect(project.overview.topNamespaces.map((n: any) => n.slug)).toEqual(['ns-49', 'ns-48', 'ns-47', 'ns-46', 'ns-45']);
    expect(project.overview.recentEvents).toHaveLength(10);
    expect(project.overview.recentEvents[0].type).toBe('BINDING_CREATED');

    const nodes = project.namespaces.edges.map((e: any) => e.node);
    expect(nodes).toHaveLength(50);
    expect(nodes.flatMap((n: any) => n.bindings)).toHaveLength(200);
    const ns7 = nodes.find((n: any) => n.slug === 'ns-07');
    expect(ns7.bindings.map((b: any) => b.id)).toEqual([
      'binding:large/ns-07/svc-02',
      'binding:large/ns-07/svc-07',
      'binding:large/ns-07/svc-12',
      'binding:large/ns-07/svc-17',
    ]);
    expect(ns7.bindings[0]).toMatchObject({ service: { slug: 'svc-02', scopes: ['STRING', 'HASH'] } });
    expect(ns7.usage.usedBytes).toBeGreaterThan(0);
    // The overview's total is the sum of the namespaces' usage.
    expect(project.overview.usedBytes).toBe(nodes.reduce((sum: number, n: any) => sum + n.usage.usedBytes, 0));

    const small = (await measured('small')).data.project;
    expect(small.overview).toMatchObject({ namespaceCount: 5, serviceCount: 20, bindingCount: 20 });
    expect(small.namespaces.edges).toHaveLength(5);
  });

  it('costs no more Redis commands for 50 namespaces and 200 bindings than for 5 and 20, plus 3', async () => {
    const small = await measured('small');
    const large = await measured('large');
    expect(small.commands).toBeGreaterThan(0);
    expect(large.commands).toBeLessThanOrEqual(small.commands + 3);
    // Stable from one run to the next.
    expect((await measured('large')).commands).toBe(large.commands);
  });
});
