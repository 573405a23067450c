// Binding rules: permissions, patterns that cannot leave their namespace, scopes within the
// service's, rates >= 0; both index sides written with the binding.
import type { Ctx } from '../context.js';
import { event } from '../context.js';
import { badInput, conflict, notFound } from '../errors.js';
import { indexField, keys } from '../redis/keys.js';
import { bindingId, namespaceId, serviceId } from '../common/ids.js';
import { loadDoc, now, requireDoc, revise } from '../common/docs.js';
import { mutate, unchanged } from '../common/mutate.js';
import { StaleRead, type Tx } from '../redis/tx.js';
import * as v from '../common/validate.js';
import { requireNamespace } from '../namespaces/namespace.service.js';
import { requireService } from '../services/service.service.js';
import type { ServiceDoc } from '../services/service.record.js';
import type { ScopeName } from '../services/service.type.js';
import type { AccessName, BindingDoc } from './binding.record.js';
import type { BindingInput, BindingPatch, RateLimitInput } from './binding.input.js';

export const getBinding = (ctx: Ctx, p: string, ns: string, svc: string) => loadDoc<BindingDoc>(ctx, keys.binding(p, ns, svc));

type Rules = Pick<BindingDoc, 'permissions' | 'patterns' | 'scopes' | 'rate'>;

function mergeRate(base: BindingDoc['rate'], input: RateLimitInput | null | undefined, field: string): BindingDoc['rate'] {
  if (!input) return base;
  return {
    readRps: input.readRps === undefined ? base.readRps : v.rate(`${field}.readRps`, input.readRps),
    writeRps: input.writeRps === undefined ? base.writeRps : v.rate(`${field}.writeRps`, input.writeRps),
  };
}

/** Validates a full or partial rule set against the service's ceiling. */
function rules(base: Rules, input: BindingInput | BindingPatch, service: ServiceDoc, field: string): Rules {
  for (const key of ['permissions', 'patterns', 'scopes'] as const) {
    if (input[key] === null) throw badInput(`${field}.${key}`, 'must be a list (omit it to keep the current value)');
  }
  const out: Rules = {
    permissions: input.permissions ? v.nonEmptySet(`${field}.permissions`, input.permissions as AccessName[], 'permission') : base.permissions,
    patterns: input.patterns ? v.patterns(`${field}.patterns`, input.patterns) : base.patterns,
    scopes: input.scopes ? v.nonEmptySet(`${field}.scopes`, input.scopes as ScopeName[], 'scope') : base.scopes,
    rate: mergeRate(base.rate, input.rate, `${field}.rate`),
  };
  v.subset(`${field}.scopes`, out.scopes, service.scopes, `the scopes of ${serviceId(service.project, service.slug)}`);
  return out;
}

const EMPTY: Rules = { permissions: [], patterns: [], scopes: [], rate: { readRps: null, writeRps: null } };

/** The namespace and service must exist, and the service's scopes must not change under us. */
function guardParents(tx: Tx, p: string, ns: string, svc: ServiceDoc) {
  const sid = serviceId(p, svc.slug);
  tx.exists(keys.namespace(p, ns), () => notFound('namespace', namespaceId(p, ns))).version(
    keys.service(p, svc.slug),
    sid,
    svc.version,
    null,
    () => notFound('service', sid),
  );
}

export async function bindService(ctx: Ctx, p: string, ns: string, svc: string, input: BindingInput): Promise<BindingDoc> {
  const id = bindingId(p, ns, svc);
  return mutate(ctx, p, async (tx) => {
    const [, service, existing] = await Promise.all([requireNamespace(ctx, p, ns), requireService(ctx, p, svc), getBinding(ctx, p, ns, svc)]);
    const at = now();
    const after: BindingDoc = {
      project: p,
      namespace: ns,
      service: svc,
      ...rules(EMPTY, input, service, 'input'),
      createdAt: existing?.createdAt ?? at,
      updatedAt: at,
      version: (existing?.version ?? 0) + 1,
    };
    guardParents(tx, p, ns, service);
    if (existing) tx.version(keys.binding(p, ns, svc), id, existing.version, null, () => notFound('binding', id));
    else tx.absent(keys.binding(p, ns, svc), () => new StaleRead()); // created meanwhile: retry as an update
    tx.set(keys.binding(p, ns, svc), after)
      .listAdd(keys.index(p), indexField.nsBindings(ns), svc)
      .listAdd(keys.index(p), indexField.svcBindings(svc), ns)
      .emit(
        event(
          ctx,
          existing ? 'BINDING_UPDATED' : 'BINDING_CREATED',
          { project: p, namespace: namespaceId(p, ns), service: serviceId(p, svc), binding: id },
          existing,
          after,
        ),
      );
    return after;
  });
}

export const requireBinding = (ctx: Ctx, p: string, ns: string, svc: string) =>
  requireDoc<BindingDoc>(ctx, keys.binding(p, ns, svc), 'binding', bindingId(p, ns, svc));

export async function updateBinding(
  ctx: Ctx,
  p: string,
  ns: string,
  svc: string,
  patch: BindingPatch,
  expectedVersion: number | null | undefined,
): Promise<BindingDoc> {
  const id = bindingId(p, ns, svc);
  return mutate(ctx, p, async (tx) => {
    const before = await requireBinding(ctx, p, ns, svc);
    if (expectedVersion != null && expectedVersion !== before.version) throw conflict(id, expectedVersion, before.version);
    const service = await requireService(ctx, p, svc);
    const after = revise(before, rules(before, patch, service, 'input'));
    if (!after) return unchanged(tx, before);
    guardParents(tx, p, ns, service);
    tx.version(keys.binding(p, ns, svc), id, before.version, expectedVersion, () => notFound('binding', id))
      .set(keys.binding(p, ns, svc), after)
      .emit(event(ctx, 'BINDING_UPDATED', { project: p, namespace: namespaceId(p, ns), service: serviceId(p, svc), binding: id }, before, after));
    return after;
  });
}

export async function unbindService(ctx: Ctx, p: string, ns: string, svc: string): Promise<void> {
  const id = bindingId(p, ns, svc);
  await mutate(ctx, p, async (tx) => {
    const before = await requireBinding(ctx, p, ns, svc);
    tx.version(keys.binding(p, ns, svc), id, before.version, null, () => notFound('binding', id))
      .del(keys.binding(p, ns, svc))
      .listRemove(keys.index(p), indexField.nsBindings(ns), svc)
      .listRemove(keys.index(p), indexField.svcBindings(svc), ns)
      .emit(event(ctx, 'BINDING_DELETED', { project: p, namespace: namespaceId(p, ns), service: serviceId(p, svc), binding: id }, before, null));
  });
}
