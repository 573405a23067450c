// The agent config: the fast path agents poll. One script call (one round trip) reads the service
// and everything bound to it; the token is checked against that document in constant time.
import { createHash } from 'node:crypto';
import type { AppDeps } from '../context.js';
import { forbidden, unauthenticated } from '../errors.js';
import { indexField, keyPrefix, keys } from '../redis/keys.js';
import { namespaceId } from '../common/ids.js';
import { bearer, serviceTokenMatches } from '../auth/authenticate.js';
import { digest, parseServiceToken } from '../auth/tokens.js';
import { passwordHash, redisPassword, redisUsername } from '../enforcement/credentials.js';
import type { ServiceDoc } from '../services/service.record.js';
import type { BindingDoc } from '../bindings/binding.record.js';
import type { NamespaceDoc } from '../namespaces/namespace.record.js';
import type { AgentConfig } from './agent.type.js';

/** Splits a key shape around a placeholder so the Lua script can rebuild it for each namespace. */
function around(shape: (hole: string) => string): [string, string] {
  const hole = '\u0000';
  const [before, after] = shape(hole).split(hole) as [string, string];
  return [before, after];
}

export function agentEndpoint(app: AppDeps): { host: string; port: number; tls: boolean } {
  const url = new URL(app.config.dataRedisPublicUrl ?? app.config.dataRedisUrl);
  return { host: url.hostname.replace(/^\[|\]$/g, ''), port: Number(url.port || 6379), tls: url.protocol === 'rediss:' };
}

export interface AgentAnswer {
  config: AgentConfig;
  etag: string;
}

/** Resolves a bearer header to the agent config, or throws UNAUTHENTICATED / FORBIDDEN. */
export async function agentConfigFor(app: AppDeps, header: string | undefined | null): Promise<AgentAnswer> {
  const token = bearer(header);
  if (!token || token.length > 512) throw unauthenticated();
  const d = digest(token);
  const ref = parseServiceToken(token);
  if (!ref) {
    if (app.admin.digests.some((a) => a.equals(d))) throw forbidden('The agent config is read with a service token, not an admin token');
    throw unauthenticated();
  }
  const { project: p, service: svc } = ref;
  const password = redisPassword(token);
  const reply = (await app.redis.mmAgentConfig(
    keys.service(p, svc),
    keys.index(p),
    indexField.svcBindings(svc),
    ...around((ns) => keys.binding(p, ns, svc)),
    ...around((ns) => keys.namespace(p, ns)),
    keys.project(p),
    keys.passwords(p),
    d.toString('hex'),
    passwordHash(password),
  )) as (string | number | null)[];
  if (!reply.length) throw unauthenticated();
  const service = JSON.parse(String(reply[0])) as ServiceDoc;
  if (!serviceTokenMatches(service, d)) throw unauthenticated();

  const n = Number(reply[2]);
  const names = reply.slice(3, 3 + n).map(String);
  const bindings = reply.slice(3 + n, 3 + 2 * n);
  const nsDocs = reply.slice(3 + 2 * n, 3 + 3 * n);
  const namespaces = names.flatMap((ns, i) => {
    if (!bindings[i] || !nsDocs[i]) return [];
    const b = JSON.parse(String(bindings[i])) as BindingDoc;
    const doc = JSON.parse(String(nsDocs[i])) as NamespaceDoc;
    const prefix = keyPrefix(p, ns);
    return [
      {
        id: namespaceId(p, ns),
        slug: ns,
        keyPrefix: prefix,
        status: doc.status,
        permissions: b.permissions,
        patterns: b.patterns.map((pattern) => prefix + pattern),
        scopes: b.scopes,
        rate: b.rate,
        policy: doc.policy,
      },
    ];
  });
  namespaces.sort((a, b) => a.slug.localeCompare(b.slug));
  // A service older than Redis users just had its password hash learned: give it its user now.
  if (Number(reply[3 + 3 * n]) === 1) await app.enforcer.afterCommit(p);
  const body = { project: p, service: svc, redis: { ...agentEndpoint(app), username: redisUsername(p, svc), password }, namespaces };
  const revision = createHash('sha256').update(JSON.stringify(body)).digest('base64url').slice(0, 27);
  const config = { ...body, revision, issuedAt: new Date().toISOString() } as unknown as AgentConfig;
  return { config, etag: `"${revision}"` };
}
