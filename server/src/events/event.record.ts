// The audit event as stored in a project's stream (fields `type` and `data`).
export const EVENT_TYPES = [
  'PROJECT_CREATED',
  'PROJECT_UPDATED',
  'PROJECT_DELETED',
  'NAMESPACE_CREATED',
  'NAMESPACE_POLICY_UPDATED',
  'NAMESPACE_FROZEN',
  'NAMESPACE_UNFROZEN',
  'NAMESPACE_DELETED',
  'SERVICE_CREATED',
  'SERVICE_UPDATED',
  'SERVICE_DELETED',
  'SERVICE_TOKEN_ROTATED',
  'BINDING_CREATED',
  'BINDING_UPDATED',
  'BINDING_DELETED',
  'QUOTA_WARNING',
  'QUOTA_EXCEEDED',
  'ACCESS_DENIED',
  'ACL_DRIFT_REPAIRED',
] as const;
export type EventTypeName = (typeof EVENT_TYPES)[number];

export type ActorKind = 'ADMIN' | 'SERVICE' | 'SYSTEM';

export interface EventRecord {
  type: EventTypeName;
  at: string;
  actor: { kind: ActorKind; id: string };
  /** Global IDs of the objects the event is about. */
  projectId: string;
  namespaceId: string | null;
  serviceId: string | null;
  bindingId: string | null;
  /** Documents before and after the change, secrets removed (see redact). */
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  requestId: string | null;
}

/** Documents may carry credential digests; events never do. */
export function redact<T extends object>(doc: T | null): Record<string, unknown> | null {
  if (!doc) return null;
  const { auth: _auth, ...rest } = doc as Record<string, unknown>;
  return rest;
}
