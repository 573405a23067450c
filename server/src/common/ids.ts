// Global IDs: readable and stable (`namespace:acme/orders`). Clients treat them as opaque.
import { badInput, notFound } from '../errors.js';

export type IdKind = 'project' | 'namespace' | 'service' | 'binding';

export interface ParsedId {
  kind: IdKind;
  project: string;
  namespace?: string;
  service?: string;
}

const PARTS: Record<IdKind, number> = { project: 1, namespace: 2, service: 2, binding: 3 };
const SLUG = /^[a-z0-9][a-z0-9-]{0,38}$/;

export const projectId = (p: string) => `project:${p}`;
export const namespaceId = (p: string, ns: string) => `namespace:${p}/${ns}`;
export const serviceId = (p: string, svc: string) => `service:${p}/${svc}`;
export const bindingId = (p: string, ns: string, svc: string) => `binding:${p}/${ns}/${svc}`;

export function parseAnyId(id: string): ParsedId | null {
  const colon = id.indexOf(':');
  if (colon < 0) return null;
  const kind = id.slice(0, colon) as IdKind;
  if (!(kind in PARTS)) return null;
  const parts = id.slice(colon + 1).split('/');
  if (parts.length !== PARTS[kind] || !parts.every((s) => SLUG.test(s))) return null;
  if (kind === 'project') return { kind, project: parts[0]! };
  if (kind === 'namespace') return { kind, project: parts[0]!, namespace: parts[1]! };
  if (kind === 'service') return { kind, project: parts[0]!, service: parts[1]! };
  return { kind, project: parts[0]!, namespace: parts[1]!, service: parts[2]! };
}

/** Parses an ID that must be of `kind`; a malformed one names the argument, a wrong kind is NOT_FOUND. */
export function parseId<K extends IdKind>(id: string, kind: K, field = 'id'): ParsedId & { kind: K } {
  const parsed = parseAnyId(id);
  if (!parsed) {
    if (id.startsWith(`${kind}:`)) throw badInput(field, `"${id}" is not a valid ${kind} ID`);
    throw badInput(field, `expected a ${kind} ID like ${example[kind]}`);
  }
  if (parsed.kind !== kind) throw notFound(kind, id);
  return parsed as ParsedId & { kind: K };
}

const example: Record<IdKind, string> = {
  project: 'project:acme',
  namespace: 'namespace:acme/orders',
  service: 'service:acme/billing',
  binding: 'binding:acme/orders/billing',
};
