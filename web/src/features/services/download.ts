// "Download config": the service's agent config as a JSON file, built from what an admin can read.
// It has no secrets: no token and no Redis password (agents fetch those with their own token).
import type { Client } from 'urql';
import { ServiceConfigQuery } from './services.operations';

export async function downloadAgentConfig(client: Client, serviceId: string): Promise<{ ok: true } | { ok: false; error: import('urql').CombinedError | null }> {
  const res = await client.query(ServiceConfigQuery, { id: serviceId }, { requestPolicy: 'network-only' }).toPromise();
  const node = res.data?.node;
  if (res.error || !node || !('bindings' in node)) return { ok: false, error: res.error ?? null };
  const config = {
    project: node.project.slug,
    service: node.slug,
    generatedAt: new Date().toISOString(),
    note: 'Agents fetch the live version, with Redis connection details and credentials, from GET /v1/agent/config using the service token.',
    namespaces: node.bindings.map((b) => ({
      id: b.namespace.id,
      slug: b.namespace.slug,
      keyPrefix: b.namespace.keyPrefix,
      status: b.namespace.status,
      permissions: b.permissions,
      patterns: b.patterns.map((p) => b.namespace.keyPrefix + p),
      scopes: b.scopes,
      rate: b.rate,
      policy: b.namespace.policy,
    })),
  };
  const blob = new Blob([`${JSON.stringify(config, stripTypename, 2)}\n`], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = `${node.project.slug}-${node.slug}.agent-config.json`;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
  return { ok: true };
}

function stripTypename(key: string, value: unknown) {
  return key === '__typename' ? undefined : value;
}
