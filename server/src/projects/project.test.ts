import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, snapshot, type Harness } from '../../test/harness.js';
import { makeNamespace, makeProject, makeService } from '../../test/factories.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

const CREATE = `mutation($input: CreateProjectInput!) { createProject(input: $input) { id slug name quotaBytes version createdAt } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateProjectInput!, $v: Int) { updateProject(id: $id, input: $input, expectedVersion: $v) { id name quotaBytes version } }`;
const DELETE = `mutation($id: ID!, $force: Boolean) { deleteProject(id: $id, force: $force) }`;

describe('createProject', () => {
  it('creates a project, lists it and finds it by slug and node(id)', async () => {
    const d = await h.ok(CREATE, { input: { slug: 'acme', name: '  Acme  ', quotaBytes: 1024 } });
    expect(d.createProject).toMatchObject({ id: 'project:acme', slug: 'acme', name: 'Acme', quotaBytes: 1024, version: 1 });
    const q = await h.ok(`{ project(slug: "acme") { id name } node(id: "project:acme") { id ... on Project { slug } } projects { totalCount edges { cursor node { slug } } } }`);
    expect(q.project).toEqual({ id: 'project:acme', name: 'Acme' });
    expect(q.node).toEqual({ id: 'project:acme', slug: 'acme' });
    expect(q.projects.edges.map((e: any) => e.node.slug)).toContain('acme');
  });

  it('round-trips a 10 GiB quota exactly', async () => {
    const tenGiB = 10 * 1024 ** 3;
    expect(tenGiB).toBe(10737418240);
    await h.ok(CREATE, { input: { slug: 'big', name: 'Big', quotaBytes: tenGiB } });
    const q = await h.ok(`{ project(slug: "big") { quotaBytes } }`);
    expect(q.project.quotaBytes).toBe(10737418240);
  });

  it.each([
    [{ slug: 'Bad_Slug', name: 'x' }, 'input.slug'],
    [{ slug: '-lead', name: 'x' }, 'input.slug'],
    [{ slug: 'a'.repeat(40), name: 'x' }, 'input.slug'],
    [{ slug: 'mm', name: 'x' }, 'input.slug'],
    [{ slug: 'ok-slug', name: '   ' }, 'input.name'],
    [{ slug: 'ok-slug', name: 'x'.repeat(101) }, 'input.name'],
    [{ slug: 'ok-slug', name: 'x', quotaBytes: -1 }, 'input.quotaBytes'],
  ])('refuses %j naming %s and writes nothing', async (input, field) => {
    const before = await snapshot(h.redis);
    const r = await h.gql(CREATE, { input });
    expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(await snapshot(h.redis)).toEqual(before);
  });

  it('refuses a quota beyond 2^53 as a bad input', async () => {
    const r = await h.gql(CREATE, { input: { slug: 'huge', name: 'Huge', quotaBytes: 2 ** 53 + 2 } });
    expect(r.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(await h.redis.exists('mm:{huge}:project')).toBe(0);
  });

  it('refuses a duplicate slug with ALREADY_EXISTS and no second event', async () => {
    await makeProject(h, { slug: 'dup' });
    const events = await h.redis.xlen('mm:{dup}:events');
    const r = await h.gql(CREATE, { input: { slug: 'dup', name: 'Again' } });
    expect(r.errors?.[0]?.extensions?.code).toBe('ALREADY_EXISTS');
    expect(await h.redis.xlen('mm:{dup}:events')).toBe(events);
  });
});

describe('updateProject', () => {
  it('updates partially and bumps the version', async () => {
    const p = await makeProject(h, { quotaBytes: 500 });
    const d = await h.ok(UPDATE, { id: p.id, input: { name: 'Renamed' } });
    expect(d.updateProject).toMatchObject({ name: 'Renamed', quotaBytes: 500, version: 2 });
  });

  it('refuses a stale expectedVersion with CONFLICT', async () => {
    const p = await makeProject(h);
    await h.ok(UPDATE, { id: p.id, input: { name: 'One' }, v: 1 });
    const r = await h.gql(UPDATE, { id: p.id, input: { name: 'Two' }, v: 1 });
    expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', expectedVersion: 1, actualVersion: 2 });
  });

  it('lets exactly one of 20 concurrent edits on one version win', async () => {
    const p = await makeProject(h);
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => h.gql(UPDATE, { id: p.id, input: { name: `Edit ${i}` }, v: 1 })),
    );
    const won = results.filter((r) => !r.errors);
    const lost = results.filter((r) => r.errors?.[0]?.extensions?.code === 'CONFLICT');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(19);
    const q = await h.ok(`query($s: String!) { project(slug: $s) { name version } }`, { s: p.slug });
    expect(q.project).toEqual({ name: won[0]!.data.updateProject.name, version: 2 });
  });

  it('refuses a project quota below the sum of its namespace quotas (QUOTA_EXCEEDED)', async () => {
    const p = await makeProject(h, { quotaBytes: 1000 });
    await makeNamespace(h, p.id, { policy: { quotaBytes: 600 } });
    const r = await h.gql(UPDATE, { id: p.id, input: { quotaBytes: 500 } });
    expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'QUOTA_EXCEEDED', field: 'input.quotaBytes', total: 600, limit: 500 });
    const ok = await h.ok(UPDATE, { id: p.id, input: { quotaBytes: 600 } });
    expect(ok.updateProject.quotaBytes).toBe(600);
  });

  it('answers NOT_FOUND for a missing project and BAD_USER_INPUT for a malformed id', async () => {
    expect((await h.gql(UPDATE, { id: 'project:nope', input: { name: 'x' } })).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await h.gql(UPDATE, { id: 'garbage', input: { name: 'x' } })).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
  });
});

describe('deleteProject', () => {
  it('refuses a non-empty project unless force, then cascades leaving no key behind', async () => {
    const p = await makeProject(h, { slug: 'doomed' });
    const ns = await makeNamespace(h, p.id, { slug: 'orders' });
    const svc = await makeService(h, p.id, { slug: 'billing' });
    await h.ok(`mutation($n: ID!, $s: ID!) { bindService(namespaceId: $n, serviceId: $s, input: { permissions: [READ], patterns: ["*"], scopes: [STRING] }) { id } }`, { n: ns.id, s: svc.id });
    await h.data.set('doomed:orders:k1', 'v');

    const refused = await h.gql(DELETE, { id: p.id });
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'force' });
    expect(await h.redis.exists('mm:{doomed}:project')).toBe(1);

    const d = await h.ok(DELETE, { id: p.id, force: true });
    expect(d.deleteProject).toBe('project:doomed');
    expect(await h.redis.keys('mm:{doomed}*')).toEqual([]);
    expect(await h.redis.zscore('mm:projects', 'doomed')).toBeNull();
    expect(await h.data.keys('doomed:*')).toEqual([]);
    const audit = await h.redis.xrevrange('mm:audit', '+', '-', 'COUNT', 1);
    expect(audit[0]![1]).toContain('PROJECT_DELETED');
    expect(await h.ok(`{ project(slug: "doomed") { id } }`)).toEqual({ project: null });
  });

  it('deletes an empty project without force', async () => {
    const p = await makeProject(h);
    expect((await h.ok(DELETE, { id: p.id })).deleteProject).toBe(p.id);
  });
});
