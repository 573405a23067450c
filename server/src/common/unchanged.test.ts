// An update that changes nothing writes nothing: no version bump, no event, no revision, so other
// holders of the version do not get a spurious CONFLICT (a bug found by trying it).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, snapshot, type Harness } from '../../test/harness.js';
import { bind, makeNamespace, makeProject, makeService } from '../../test/factories.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

describe('updates that change nothing', () => {
  it.each([
    ['updateProject', `mutation($id: ID!, $v: Int) { updateProject(id: $id, input: { name: null }, expectedVersion: $v) { version } }`, 'project'],
    ['updateProject (same values)', `mutation($id: ID!, $v: Int) { updateProject(id: $id, input: { name: "Same", quotaBytes: 0 }, expectedVersion: $v) { version } }`, 'project'],
    ['updateNamespacePolicy', `mutation($id: ID!, $v: Int) { updateNamespacePolicy(id: $id, policy: {}, expectedVersion: $v) { version } }`, 'namespace'],
    ['updateNamespacePolicy (same values)', `mutation($id: ID!, $v: Int) { updateNamespacePolicy(id: $id, policy: { quotaBytes: 100, eviction: NOEVICTION }, expectedVersion: $v) { version } }`, 'namespace'],
    ['updateService', `mutation($id: ID!, $v: Int) { updateService(id: $id, input: { name: null }, expectedVersion: $v) { version } }`, 'service'],
    ['updateService (same values)', `mutation($id: ID!, $v: Int) { updateService(id: $id, input: { name: "Same", scopes: [STRING, HASH] }, expectedVersion: $v) { version } }`, 'service'],
    ['updateBinding', `mutation($id: ID!, $v: Int) { updateBinding(id: $id, input: {}, expectedVersion: $v) { version } }`, 'binding'],
    ['updateBinding (same values)', `mutation($id: ID!, $v: Int) { updateBinding(id: $id, input: { patterns: ["*"], rate: { readRps: 5 } }, expectedVersion: $v) { version } }`, 'binding'],
  ])('%s returns version 1 and writes nothing', async (_name, mutation, kind) => {
    const p = await makeProject(h, { name: 'Same' });
    const ns = await makeNamespace(h, p.id, { policy: { quotaBytes: 100, eviction: 'NOEVICTION' } });
    const svc = await makeService(h, p.id, { name: 'Same' });
    const b = await bind(h, ns.id, svc.id, { rate: { readRps: 5 } });
    const id = { project: p.id, namespace: ns.id, service: svc.id, binding: b.id }[kind]!;
    const before = await snapshot(h.redis);
    const d = await h.ok(mutation, { id, v: 1 });
    expect(Object.values(d)[0]).toEqual({ version: 1 });
    expect(await snapshot(h.redis)).toEqual(before);
  });

  it('still records a real change', async () => {
    const p = await makeProject(h, { name: 'Before' });
    const d = await h.ok(`mutation($id: ID!) { updateProject(id: $id, input: { name: "After" }, expectedVersion: 1) { name version } }`, { id: p.id });
    expect(d.updateProject).toEqual({ name: 'After', version: 2 });
  });
});
