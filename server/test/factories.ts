// Factories: create entities through the API with sensible defaults.
import type { Harness } from './harness.js';

let seq = 0;
const unique = (base: string) => `${base}-${++seq}-${Math.random().toString(36).slice(2, 6)}`;

export async function makeProject(h: Harness, input: Partial<{ slug: string; name: string; quotaBytes: number }> = {}) {
  const slug = input.slug ?? unique('p');
  const d = await h.ok(
    `mutation($input: CreateProjectInput!) { createProject(input: $input) { id slug name quotaBytes version } }`,
    { input: { slug, name: input.name ?? `Project ${slug}`, quotaBytes: input.quotaBytes ?? 0 } },
  );
  return d.createProject as { id: string; slug: string; name: string; quotaBytes: number; version: number };
}

export async function makeNamespace(
  h: Harness,
  projectId: string,
  input: Partial<{ slug: string; name: string; policy: Record<string, unknown> }> = {},
) {
  const slug = input.slug ?? unique('ns');
  const d = await h.ok(
    `mutation($projectId: ID!, $input: CreateNamespaceInput!) {
      createNamespace(projectId: $projectId, input: $input) { id slug keyPrefix status version policy { quotaBytes defaultTtlSeconds eviction } }
    }`,
    { projectId, input: { slug, name: input.name ?? `Namespace ${slug}`, policy: input.policy } },
  );
  return d.createNamespace as { id: string; slug: string; keyPrefix: string; status: string; version: number; policy: any };
}

export async function makeService(h: Harness, projectId: string, input: Partial<{ slug: string; name: string; scopes: string[] }> = {}) {
  const slug = input.slug ?? unique('svc');
  const d = await h.ok(
    `mutation($projectId: ID!, $input: CreateServiceInput!) {
      createService(projectId: $projectId, input: $input) { token service { id slug scopes version tokenPreview } }
    }`,
    { projectId, input: { slug, name: input.name ?? `Service ${slug}`, scopes: input.scopes ?? ['STRING', 'HASH'] } },
  );
  return { ...(d.createService.service as { id: string; slug: string; scopes: string[]; version: number; tokenPreview: string }), token: d.createService.token as string };
}

export async function bind(
  h: Harness,
  namespaceId: string,
  serviceId: string,
  input: Partial<{ permissions: string[]; patterns: string[]; scopes: string[]; rate: Record<string, number | null> }> = {},
) {
  const d = await h.ok(
    `mutation($n: ID!, $s: ID!, $input: BindingInput!) {
      bindService(namespaceId: $n, serviceId: $s, input: $input) { id version permissions patterns scopes rate { readRps writeRps } }
    }`,
    {
      n: namespaceId,
      s: serviceId,
      input: { permissions: input.permissions ?? ['READ', 'WRITE'], patterns: input.patterns ?? ['*'], scopes: input.scopes ?? ['STRING'], rate: input.rate },
    },
  );
  return d.bindService as { id: string; version: number; permissions: string[]; patterns: string[]; scopes: string[]; rate: any };
}
