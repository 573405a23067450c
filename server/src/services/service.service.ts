// Service rules: tokens issued once and stored as digests, rotation with a grace window, scopes as
// the ceiling of every binding, and the cascade on delete.
import type { Ctx } from '../context.js';
import { event } from '../context.js';
import { alreadyExists, badInput, conflict, notFound } from '../errors.js';
import { indexField, keys } from '../redis/keys.js';
import { loadIndex } from '../redis/project-index.js';
import { bindingId, projectId, serviceId } from '../common/ids.js';
import { loadDoc, loadDocs, now, readRevision, requireDoc, revise } from '../common/docs.js';
import { mutate, unchanged } from '../common/mutate.js';
import * as v from '../common/validate.js';
import { digestHex, newServiceToken, tokenPreview } from '../auth/tokens.js';
import { passwordHashOfToken } from '../enforcement/credentials.js';
import type { BindingDoc } from '../bindings/binding.record.js';
import type { ServiceDoc } from './service.record.js';
import type { ScopeName } from './service.type.js';
import type { CreateServiceInput, UpdateServiceInput } from './service.input.js';

export const MAX_GRACE_SECONDS = 7 * 24 * 3600;

export const requireService = (ctx: Ctx, p: string, svc: string) =>
  requireDoc<ServiceDoc>(ctx, keys.service(p, svc), 'service', serviceId(p, svc));

export const getService = (ctx: Ctx, p: string, svc: string) => loadDoc<ServiceDoc>(ctx, keys.service(p, svc));

const scopes = (field: string, values: ScopeName[]) => v.nonEmptySet(field, values, 'scope');

export async function createService(ctx: Ctx, p: string, input: CreateServiceInput): Promise<{ doc: ServiceDoc; token: string }> {
  const slug = v.slug('input.slug', input.slug);
  const token = newServiceToken(p, slug);
  const doc: ServiceDoc = {
    project: p,
    slug,
    name: v.name('input.name', input.name),
    scopes: scopes('input.scopes', input.scopes as ScopeName[]),
    tokenPreview: tokenPreview(token),
    tokenRotatedAt: null,
    auth: { digest: digestHex(token), previousDigest: null, previousExpiresAt: null },
    createdAt: now(),
    updatedAt: now(),
    version: 1,
  };
  const id = serviceId(p, slug);
  await mutate(ctx, p, async (tx) => {
    tx.exists(keys.project(p), () => notFound('project', projectId(p)))
      .absent(keys.service(p, slug), () => alreadyExists('service', id))
      .set(keys.service(p, slug), doc)
      .hset(keys.passwords(p), doc.auth.digest, passwordHashOfToken(token))
      .listAdd(keys.index(p), indexField.services, slug)
      .emit(event(ctx, 'SERVICE_CREATED', { project: p, service: id }, null, doc));
  });
  return { doc, token };
}

export async function updateService(
  ctx: Ctx,
  p: string,
  svc: string,
  input: UpdateServiceInput,
  expectedVersion: number | null | undefined,
): Promise<ServiceDoc> {
  const id = serviceId(p, svc);
  const name = input.name == null ? undefined : v.name('input.name', input.name);
  if (input.scopes === null) throw badInput('input.scopes', 'must be a list of scopes');
  const nextScopes = input.scopes === undefined ? undefined : scopes('input.scopes', input.scopes as ScopeName[]);
  return mutate(ctx, p, async (tx) => {
    const before = await requireService(ctx, p, svc);
    if (expectedVersion != null && expectedVersion !== before.version) throw conflict(id, expectedVersion, before.version);
    if (nextScopes) {
      // Narrowing the ceiling must not leave a binding above it.
      const revision = await readRevision(ctx, keys.revision(p));
      const namespaces = (await loadIndex(ctx, p)).svcBindings(svc);
      const bindings = await loadDocs<BindingDoc>(ctx, namespaces.map((ns) => keys.binding(p, ns, svc)));
      for (const b of bindings) {
        const outside = b?.scopes.filter((s) => !nextScopes.includes(s)) ?? [];
        if (b && outside.length) {
          throw badInput('input.scopes', `binding ${bindingId(p, b.namespace, svc)} uses ${outside.join(', ')}; narrow or remove it first`);
        }
      }
      tx.revision(revision);
    }
    const after = revise(before, { name: name ?? before.name, scopes: nextScopes ?? before.scopes });
    if (!after) return unchanged(tx, before);
    tx.version(keys.service(p, svc), id, before.version, expectedVersion, () => notFound('service', id))
      .set(keys.service(p, svc), after)
      .emit(event(ctx, 'SERVICE_UPDATED', { project: p, service: id }, before, after));
    return after;
  });
}

export async function rotateServiceToken(ctx: Ctx, p: string, svc: string, graceSeconds: number) {
  if (!Number.isInteger(graceSeconds) || graceSeconds < 0 || graceSeconds > MAX_GRACE_SECONDS) {
    throw badInput('graceSeconds', `must be between 0 and ${MAX_GRACE_SECONDS} seconds`);
  }
  const id = serviceId(p, svc);
  const token = newServiceToken(p, svc);
  const doc = await mutate(ctx, p, async (tx) => {
    const before = await requireService(ctx, p, svc);
    const at = new Date();
    // Only the token being replaced may live on: any older one stops working now.
    const after: ServiceDoc = {
      ...before,
      tokenPreview: tokenPreview(token),
      tokenRotatedAt: at.toISOString(),
      auth: {
        digest: digestHex(token),
        previousDigest: graceSeconds > 0 ? before.auth.digest : null,
        previousExpiresAt: graceSeconds > 0 ? new Date(at.getTime() + graceSeconds * 1000).toISOString() : null,
      },
      updatedAt: at.toISOString(),
      version: before.version + 1,
    };
    tx.version(keys.service(p, svc), id, before.version, null, () => notFound('service', id))
      .set(keys.service(p, svc), after)
      .hset(keys.passwords(p), after.auth.digest, passwordHashOfToken(token));
    // The Redis password of every token that stops working now goes with it.
    for (const gone of [before.auth.previousDigest, graceSeconds > 0 ? null : before.auth.digest]) {
      if (gone) tx.hdel(keys.passwords(p), gone);
    }
    tx.emit(event(ctx, 'SERVICE_TOKEN_ROTATED', { project: p, service: id }, before, { ...after, graceSeconds }));
    return after;
  });
  return { doc, token };
}

export async function deleteService(ctx: Ctx, p: string, svc: string): Promise<void> {
  const id = serviceId(p, svc);
  await mutate(ctx, p, async (tx) => {
    const before = await requireService(ctx, p, svc);
    const revision = await readRevision(ctx, keys.revision(p));
    const namespaces = (await loadIndex(ctx, p)).svcBindings(svc);
    tx.revision(revision)
      .del(keys.service(p, svc))
      .hdel(keys.passwords(p), before.auth.digest)
      .listRemove(keys.index(p), indexField.services, svc)
      .hdel(keys.index(p), indexField.svcBindings(svc));
    for (const ns of namespaces) {
      tx.del(keys.binding(p, ns, svc)).listRemove(keys.index(p), indexField.nsBindings(ns), svc);
    }
    if (before.auth.previousDigest) tx.hdel(keys.passwords(p), before.auth.previousDigest);
    const removedBindings = namespaces.map((ns) => bindingId(p, ns, svc));
    tx.emit(event(ctx, 'SERVICE_DELETED', { project: p, service: id }, { ...before, removedBindings }, null));
  });
}
