// Denials made visible: poll the data Redis's ACL LOG and record ACCESS_DENIED for entries about
// users MemMouse owns. Redis groups repeats of one denial into one entry (count, last time), and
// 7.0 gives entries no id, so what was already recorded is remembered per entry signature in the
// control Redis (keys.deniedSeen), written with each event: no duplicates across polls or replicas.
import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { Config } from '../config.js';
import type { ControlRedis } from '../redis/client.js';
import { keys } from '../redis/keys.js';
import { LockedLoop } from '../common/locked-loop.js';
import { namespaceId, serviceId } from '../common/ids.js';
import { parseUsername } from './credentials.js';
import { recordSystemEvent } from './record.js';
import { AppError } from '../errors.js';

const ENTRIES = 128;
/** Clock slack between two readings of one entry's age. */
const SLACK_MS = 1000;

export interface AclLogEntry {
  count: number;
  reason: string;
  context: string;
  object: string;
  username: string;
  /** When Redis last updated the entry (ms since the epoch, from its age). */
  lastAt: number;
}

export function parseAclLog(reply: unknown[], now: number): AclLogEntry[] {
  return reply.map((raw) => {
    const flat = raw as (string | number)[];
    const f: Record<string, string | number> = {};
    for (let i = 0; i + 1 < flat.length; i += 2) f[String(flat[i])] = flat[i + 1]!;
    return {
      count: Number(f.count ?? 1),
      reason: String(f.reason ?? ''),
      context: String(f.context ?? ''),
      object: String(f.object ?? ''),
      username: String(f.username ?? ''),
      lastAt: Math.round(now - Number(f['age-seconds'] ?? 0) * 1000),
    };
  });
}

const signature = (e: AclLogEntry) =>
  createHash('sha256').update(JSON.stringify([e.username, e.reason, e.context, e.object])).digest('base64url').slice(0, 22);

/**
 * How many denials in `e` are new, given what was recorded for its signature (`count:lastAt`).
 * The same entry grows its count; an entry with a count not above the recorded one but a later
 * time is a new entry (the old one aged out of the log or out of Redis's grouping window).
 */
export function newDenials(e: AclLogEntry, recorded: string | undefined): number {
  if (!recorded) return e.count;
  const [count, at] = recorded.split(':').map(Number) as [number, number];
  if (e.count > count && e.lastAt >= at - SLACK_MS) return e.count - count;
  if (e.lastAt > at + SLACK_MS) return e.count;
  return 0;
}

export class AclLogPoller {
  private readonly loop: LockedLoop;

  constructor(
    private readonly control: ControlRedis,
    private readonly data: Redis,
    log: Logger,
    private readonly config: Config,
  ) {
    this.loop = new LockedLoop({
      control,
      lockKey: keys.aclLogLock,
      intervalMs: config.aclLogIntervalMs,
      run: () => this.poll(),
      onError: (err) => log.warn({ err }, 'ACL LOG poll failed'),
    });
  }

  start(): void {
    this.loop.start();
  }

  stop(): Promise<void> {
    return this.loop.stop();
  }

  /** Reads the ACL LOG once and records what is new; returns the number of events recorded. */
  async poll(): Promise<number> {
    const reply = (await this.data.call('ACL', 'LOG', String(ENTRIES))) as unknown[];
    // Oldest first, so events come in the order the denials happened.
    const entries = parseAclLog(reply, Date.now()).reverse();
    const byProject = new Map<string, AclLogEntry[]>();
    for (const e of entries) {
      const owner = parseUsername(e.username);
      if (!owner) continue; // someone else's user: not ours to report
      byProject.set(owner.project, [...(byProject.get(owner.project) ?? []), e]);
    }
    let recorded = 0;
    for (const [p, list] of byProject) {
      const seen = await this.control.hgetall(keys.deniedSeen(p));
      const live = new Set(list.map(signature));
      // An entry that left the log cannot be seen again, only a new one with a later time.
      const gone = Object.keys(seen).filter((sig) => !live.has(sig));
      if (gone.length) await this.control.hdel(keys.deniedSeen(p), ...gone);
      for (const e of list) {
        const sig = signature(e);
        const fresh = newDenials(e, seen[sig]);
        if (!fresh) continue;
        const { service } = parseUsername(e.username)!;
        // A key or channel names its namespace by its prefix `<project>:<namespace>:`.
        const ns = e.reason === 'key' || e.reason === 'channel' ? /^([a-z0-9][a-z0-9-]{0,38}):([a-z0-9][a-z0-9-]{0,38}):/.exec(e.object) : null;
        const ok = await recordSystemEvent(
          this.control,
          this.config.eventsMaxLen,
          p,
          {
            type: 'ACCESS_DENIED',
            serviceId: serviceId(p, service),
            namespaceId: ns && ns[1] === p ? namespaceId(p, ns[2]!) : null,
            after: { username: e.username, reason: e.reason, context: e.context, object: e.object, count: fresh, at: new Date(e.lastAt).toISOString() },
          },
          // Anyone who reaches the data Redis may try AUTH with any mm: name: a name with no service
          // behind it must not fill the project's stream (and push its real history out).
          (tx) => tx.exists(keys.service(p, service), () => new AppError('NOT_FOUND', 'no such service')).hset(keys.deniedSeen(p), sig, `${e.count}:${e.lastAt}`),
        );
        seen[sig] = `${e.count}:${e.lastAt}`;
        if (ok) recorded++;
      }
    }
    return recorded;
  }
}
