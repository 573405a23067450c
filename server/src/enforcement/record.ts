// Findings of the enforcer (quota levels, ACL drift, denials) go into the project's stream through
// the same commit script as every mutation, with the system as actor, together with any state they
// change. A project that no longer exists gets nothing (its stream is gone with it).
import type { ControlRedis } from '../redis/client.js';
import { keys } from '../redis/keys.js';
import { Tx } from '../redis/tx.js';
import { AppError } from '../errors.js';
import { projectId } from '../common/ids.js';
import type { EventTypeName } from '../events/event.record.js';

export interface SystemEvent {
  type: EventTypeName;
  namespaceId?: string | null;
  serviceId?: string | null;
  after: Record<string, unknown>;
}

/** Commits `event` with the writes `build` adds; false when the project is gone. */
export async function recordSystemEvent(
  control: ControlRedis,
  eventsMaxLen: number,
  p: string,
  event: SystemEvent,
  build: (tx: Tx) => void = () => {},
): Promise<boolean> {
  // No revision bump: these writes never invalidate what a mutation read.
  const tx = new Tx(p, eventsMaxLen).withoutRevision();
  tx.exists(keys.project(p), () => new AppError('NOT_FOUND', 'project gone'));
  build(tx);
  tx.emit({
    type: event.type,
    at: new Date().toISOString(),
    actor: { kind: 'SYSTEM', id: 'enforcer' },
    projectId: projectId(p),
    namespaceId: event.namespaceId ?? null,
    serviceId: event.serviceId ?? null,
    bindingId: null,
    before: null,
    after: event.after,
    requestId: null,
  });
  try {
    await tx.commit(control);
    return true;
  } catch (err) {
    if (err instanceof AppError && err.code === 'NOT_FOUND') return false;
    throw err;
  }
}
