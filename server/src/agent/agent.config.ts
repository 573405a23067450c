// The agent config: the fast path agents poll. One script call (one round trip) reads the service
// and everything bound to it; the token is checked against that document in constant time.
// Admins read the same config, minus the password, through `Service.agentConfig`.
import { createHash } from 'node:crypto';
import type { AppDeps } from '../context.js';
import { forbidden, notFound, unauthenticated } from '../errors.js';
import { indexField, keyPrefix, keys } from '../redis/keys.js';
import { namespaceId, serviceId } from '../common/ids.js';
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

/** What the agent-config script read for one service, parsed: the documents the config is made of. */
interface AgentDocs {
  service: ServiceDoc;
  namespaces: AgentConfig['namespaces'];
  /** The script stored this token's password hash just now (the agent path only). */
  learned: boolean;
}

/**
 * One script call reads the service and everything bound to it. `presented` (the agent path only)
 * lets the script learn the token's password hash; without it the script only reads.
 */
async function readAgentDocs(
  app: AppDeps,
  p: string,
  svc: string,
  presented?: { digest: string; passwordHash: string },
): Promise<AgentDocs | null> {
  const reply = (await app.redis.mmAgentConfig(
    keys.service(p, svc),
    keys.index(p),
    indexField.svcBindings(svc),
    ...around((ns) => keys.binding(p, ns, svc)),
    ...around((ns) => keys.namespace(p, ns)),
    keys.project(p),
    ...(presented ? [keys.passwords(p), presented.digest, presented.passwordHash] : []),
  )) as (string | number | null)[];
  if (!reply.length) return null;
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
  }) as unknown as AgentConfig['namespaces'];
  namespaces.sort((a, b) => a.slug.localeCompare(b.slug));
  return { service: JSON.parse(String(reply[0])) as ServiceDoc, namespaces, learned: Number(reply[3 + 3 * n]) === 1 };
}

/** The config an agent gets; the revision covers everything in it, the password included. */
function answer(app: AppDeps, p: string, svc: string, namespaces: AgentConfig['namespaces'], password: string | null): AgentAnswer {
  const body = { project: p, service: svc, redis: { ...agentEndpoint(app), username: redisUsername(p, svc), password }, namespaces };
  const revision = createHash('sha256').update(JSON.stringify(body)).digest('base64url').slice(0, 27);
  const config = { ...body, revision, issuedAt: new Date().toISOString() } as unknown as AgentConfig;
  return { config, etag: `"${revision}"` };
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
  const docs = await readAgentDocs(app, p, svc, { digest: d.toString('hex'), passwordHash: passwordHash(password) });
  if (!docs || !serviceTokenMatches(docs.service, d)) throw unauthenticated();
  // A service older than Redis users just had its password hash learned: give it its user now.
  if (docs.learned) await app.enforcer.afterCommit(p);
  return answer(app, p, svc, docs.namespaces, password);
}

/**
 * The same config for an admin (the console's download): built from the same documents by the same
 * code, but with no secret (the password is null) and without any token, so nothing is learned or
 * written. Its revision is of this password-less config, so it differs from the agent's own.
 */
export async function adminAgentConfig(app: AppDeps, p: string, svc: string): Promise<AgentConfig> {
  const docs = await readAgentDocs(app, p, svc);
  if (!docs) throw notFound('Service', serviceId(p, svc));
  return answer(app, p, svc, docs.namespaces, null).config;
}
