// Namespace rules: policy validation, the project quota, freeze, and the cascade on delete.
import type { Ctx } from '../context.js';
import { event } from '../context.js';
import { alreadyExists, badInput, conflict, notFound } from '../errors.js';
import { indexField, keyPrefix, keys } from '../redis/keys.js';
import { loadIndex } from '../redis/project-index.js';
import { bindingId, namespaceId, projectId } from '../common/ids.js';
import { loadDoc, now, readRevision, requireDoc, revise } from '../common/docs.js';
import { mutate, unchanged } from '../common/mutate.js';
import * as v from '../common/validate.js';
import { purgeKeys } from '../usage/purge.js';
import type { NamespaceDoc } from './namespace.record.js';
import type { CreateNamespaceInput, NamespacePolicyInput } from './namespace.input.js';

export const requireNamespace = (ctx: Ctx, p: string, ns: string) =>
  requireDoc<NamespaceDoc>(ctx, keys.namespace(p, ns), 'namespace', namespaceId(p, ns));

export const getNamespace = (ctx: Ctx, p: string, ns: string) => loadDoc<NamespaceDoc>(ctx, keys.namespace(p, ns));

/** Applies a partial policy; omitted fields keep `base`, an explicit null TTL clears it. */
function mergePolicy(base: NamespaceDoc['policy'], input: NamespacePolicyInput | null | undefined, field: string): NamespaceDoc['policy'] {
  if (!input) return base;
  if (input.quotaBytes === null) throw badInput(`${field}.quotaBytes`, 'must be a number of bytes (0 = no quota)');
  if (input.eviction === null) throw badInput(`${field}.eviction`, 'must be an eviction policy');
  return {
    quotaBytes: input.quotaBytes === undefined ? base.quotaBytes : v.bytes(`${field}.quotaBytes`, input.quotaBytes),
    defaultTtlSeconds:
      input.defaultTtlSeconds === undefined ? base.defaultTtlSeconds : v.ttl(`${field}.defaultTtlSeconds`, input.defaultTtlSeconds),
    eviction: input.eviction === undefined ? base.eviction : input.eviction,
  };
}

const DEFAULT_POLICY: NamespaceDoc['policy'] = { quotaBytes: 0, defaultTtlSeconds: null, eviction: 'NOEVICTION' };

export async function createNamespace(ctx: Ctx, p: string, input: CreateNamespaceInput): Promise<NamespaceDoc> {
  const slug = v.slug('input.slug', input.slug);
  const doc: NamespaceDoc = {
    project: p,
    slug,
    name: v.name('input.name', input.name),
    status: 'ACTIVE',
    policy: mergePolicy(DEFAULT_POLICY, input.policy, 'input.policy'),
    createdAt: now(),
    updatedAt: now(),
    version: 1,
  };
  const id = namespaceId(p, slug);
  await mutate(ctx, p, async (tx) => {
    tx.exists(keys.project(p), () => notFound('project', projectId(p)))
      .absent(keys.namespace(p, slug), () => alreadyExists('namespace', id))
      .quota(slug, doc.policy.quotaBytes, 'input.policy.quotaBytes')
      .set(keys.namespace(p, slug), doc)
      .listAdd(keys.index(p), indexField.namespaces, slug)
      .hset(keys.quotas(p), slug, String(doc.policy.quotaBytes))
      .emit(event(ctx, 'NAMESPACE_CREATED', { project: p, namespace: id }, null, doc));
  });
  return doc;
}

/** Read-modify-write of one namespace document with the version check and its event. */
async function changeNamespace(
  ctx: Ctx,
  p: string,
  ns: string,
  expectedVersion: number | null | undefined,
  change: (before: NamespaceDoc) => { after: NamespaceDoc; type: 'NAMESPACE_POLICY_UPDATED' | 'NAMESPACE_FROZEN' | 'NAMESPACE_UNFROZEN' } | null,
): Promise<NamespaceDoc> {
  const id = namespaceId(p, ns);
  return mutate(ctx, p, async (tx) => {
    const before = await requireNamespace(ctx, p, ns);
    if (expectedVersion != null && expectedVersion !== before.version) throw conflict(id, expectedVersion, before.version);
    const next = change(before);
    // A no-op (freezing a frozen namespace, an empty policy patch) writes nothing.
    const after = next && revise(before, next.after);
    if (!next || !after) return unchanged(tx, before);
    tx.version(keys.namespace(p, ns), id, before.version, expectedVersion, () => notFound('namespace', id));
    if (after.policy.quotaBytes !== before.policy.quotaBytes) {
      tx.quota(ns, after.policy.quotaBytes, 'policy.quotaBytes').hset(keys.quotas(p), ns, String(after.policy.quotaBytes));
    }
    tx.set(keys.namespace(p, ns), after).emit(event(ctx, next.type, { project: p, namespace: id }, before, after));
    return after;
  });
}

export function updateNamespacePolicy(ctx: Ctx, p: string, ns: string, policy: NamespacePolicyInput, expectedVersion?: number | null) {
  return changeNamespace(ctx, p, ns, expectedVersion, (before) => ({
    after: { ...before, policy: mergePolicy(before.policy, policy, 'policy') },
    type: 'NAMESPACE_POLICY_UPDATED',
  }));
}

/** Freezing a frozen namespace (or unfreezing an active one) changes nothing and records nothing. */
export function setFrozen(ctx: Ctx, p: string, ns: string, frozen: boolean) {
  const status = frozen ? 'FROZEN' : 'ACTIVE';
  return changeNamespace(ctx, p, ns, null, (before) =>
    before.status === status ? null : { after: { ...before, status }, type: frozen ? 'NAMESPACE_FROZEN' : 'NAMESPACE_UNFROZEN' },
  );
}

export async function deleteNamespace(ctx: Ctx, p: string, ns: string, purge: boolean): Promise<void> {
  const id = namespaceId(p, ns);
  await mutate(ctx, p, async (tx) => {
    const before = await requireNamespace(ctx, p, ns);
    const revision = await readRevision(ctx, keys.revision(p));
    const services = (await loadIndex(ctx, p)).nsBindings(ns);
    tx.revision(revision)
      .del(keys.namespace(p, ns))
      .listRemove(keys.index(p), indexField.namespaces, ns)
      .hdel(keys.index(p), indexField.nsBindings(ns))
      .hdel(keys.quotas(p), ns)
      .hdel(keys.usage(p), ns)
      .hdel(keys.quotaLevels(p), ns);
    for (const svc of services) {
      tx.del(keys.binding(p, ns, svc)).listRemove(keys.index(p), indexField.svcBindings(svc), ns);
    }
    const removedBindings = services.map((svc) => bindingId(p, ns, svc));
    tx.emit(event(ctx, 'NAMESPACE_DELETED', { project: p, namespace: id }, { ...before, removedBindings }, null));
  });
  if (purge) await purgeKeys(ctx.app.data, keyPrefix(p, ns));
}
