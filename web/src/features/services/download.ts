// "Download config": the service's agent config as a JSON file, exactly as the server builds it for
// the service's agents (one builder: Service.agentConfig), but with no secrets: no token, and the
// Redis password is null (agents fetch theirs from GET /v1/agent/config with their own token).
import type { Client, CombinedError } from 'urql';
import { ServiceAgentConfigQuery } from './services.operations';

export async function downloadAgentConfig(client: Client, serviceId: string): Promise<{ ok: true } | { ok: false; error: CombinedError | null }> {
  const res = await client.query(ServiceAgentConfigQuery, { id: serviceId }, { requestPolicy: 'network-only' }).toPromise();
  const node = res.data?.node;
  if (res.error || !node || !('agentConfig' in node)) return { ok: false, error: res.error ?? null };
  const config = node.agentConfig;
  const blob = new Blob([`${JSON.stringify(config, stripTypename, 2)}\n`], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = `${config.project}-${config.service}.agent-config.json`;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
  return { ok: true };
}

function stripTypename(key: string, value: unknown) {
  return key === '__typename' ? undefined : value;
}
