// Quota crossings: after each usage measurement, compare every namespace (and the project) with its
// quota and record QUOTA_WARNING at 80% and 90%, QUOTA_EXCEEDED at 100%, once per crossing. The last
// level recorded lives in the control Redis (keys.quotaLevels), written with its event, so replicas
// agree and a restart does not repeat an event.
import type { ControlRedis } from '../redis/client.js';
import { keys } from '../redis/keys.js';
import type { Tx } from '../redis/tx.js';
import { namespaceId } from '../common/ids.js';
import { loadProjectState } from './state.js';
import { recordSystemEvent } from './record.js';

/** The field of keys.quotaLevels that holds the project's own level. */
export const PROJECT_LEVEL = '*';

export function quotaLevel(usedBytes: number, quotaBytes: number): 0 | 80 | 90 | 100 {
  if (quotaBytes <= 0) return 0;
  if (usedBytes >= quotaBytes) return 100;
  if (usedBytes * 10 >= quotaBytes * 9) return 90;
  if (usedBytes * 10 >= quotaBytes * 8) return 80;
  return 0;
}

interface Subject {
  field: string;
  namespace: string | null;
  usedBytes: number;
  quotaBytes: number;
  /** Writes are withheld at 100% (a NOEVICTION namespace, or a project with one). */
  hard: boolean;
}

/**
 * Records the crossings of project `p` since the last check. Returns true when a level crossed
 * 100% in either direction, i.e. when write access may have to change.
 */
export async function checkQuotas(control: ControlRedis, eventsMaxLen: number, p: string): Promise<boolean> {
  const state = await loadProjectState(control, p);
  if (!state.doc) return false;
  const levels = await control.hgetall(keys.quotaLevels(p));
  const subjects: Subject[] = [];
  let projectUsed = 0;
  let anyHard = false;
  for (const ns of state.namespaces.values()) {
    const used = state.usage.get(ns.slug)?.usedBytes;
    if (used === undefined) continue; // not measured yet: no number, no event
    projectUsed += used;
    const hard = ns.policy.eviction === 'NOEVICTION';
    anyHard ||= hard;
    subjects.push({ field: ns.slug, namespace: ns.slug, usedBytes: used, quotaBytes: ns.policy.quotaBytes, hard });
  }
  subjects.push({ field: PROJECT_LEVEL, namespace: null, usedBytes: projectUsed, quotaBytes: state.doc.quotaBytes, hard: anyHard });

  let crossedFull = false;
  for (const s of subjects) {
    const level = quotaLevel(s.usedBytes, s.quotaBytes);
    const was = Number(levels[s.field] ?? 0);
    if (level === was) continue;
    const setLevel = (tx: Tx) =>
      level ? tx.hset(keys.quotaLevels(p), s.field, String(level)) : tx.hdel(keys.quotaLevels(p), s.field);
    const facts = { usedBytes: s.usedBytes, quotaBytes: s.quotaBytes, percent: Math.floor((s.usedBytes * 100) / s.quotaBytes || 0), level };
    const nsId = s.namespace ? namespaceId(p, s.namespace) : null;
    if (level > was) {
      const exceeded = level === 100;
      await recordSystemEvent(
        control,
        eventsMaxLen,
        p,
        {
          type: exceeded ? 'QUOTA_EXCEEDED' : 'QUOTA_WARNING',
          namespaceId: nsId,
          after: { ...facts, ...(exceeded && s.hard ? { writeAccess: 'REMOVED' } : {}) },
        },
        setLevel,
      );
      crossedFull ||= exceeded;
    } else if (was === 100) {
      // Back under the quota: say so, and that writes are back where they had been withheld.
      await recordSystemEvent(
        control,
        eventsMaxLen,
        p,
        { type: 'QUOTA_WARNING', namespaceId: nsId, after: { ...facts, ...(s.hard ? { writeAccess: 'RESTORED' } : { recovered: true }) } },
        setLevel,
      );
      crossedFull = true;
    } else {
      // Falling between warning levels is not news; remember it so the next rise is.
      if (level) await control.hset(keys.quotaLevels(p), s.field, String(level));
      else await control.hdel(keys.quotaLevels(p), s.field);
    }
  }
  return crossedFull;
}
