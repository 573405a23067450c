// Builds one call of commit-N.lua: preconditions, writes, revision bump and the audit event of one
// mutation in one project, applied all or nothing. Failures map to the error module.
import { writeDeadline, type ControlRedis } from './client.js';
import { keys } from './keys.js';
import { AppError, conflict, quotaExceeded, unavailable } from '../errors.js';
import type { EventRecord } from '../events/event.record.js';

type Check =
  | { t: 'absent'; k: number }
  | { t: 'exists'; k: number }
  | { t: 'version'; k: number; v: number }
  | { t: 'rev'; k: number; v: number }
  | { t: 'quota'; q: number; p: number; f: string; v: number; limit?: number };

type Write =
  | { t: 'set'; k: number; v: string }
  | { t: 'del'; k: number }
  | { t: 'hset'; k: number; f: string; v: string }
  | { t: 'hdel'; k: number; f: string }
  | { t: 'ladd' | 'lrem'; k: number; f: string; m: string };

/** Thrown when a read this mutation relied on changed before the write: the caller retries. */
export class StaleRead extends Error {
  constructor() {
    super('stale read');
  }
}

type OnFail = (detail: string[]) => Error;

export class Tx {
  private readonly keyList: string[] = [];
  private readonly keyIndex = new Map<string, number>();
  private readonly checks: Check[] = [];
  private readonly failures: OnFail[] = [];
  private readonly writes: Write[] = [];
  private event: EventRecord | null = null;
  private bumpRevision = true;

  constructor(
    readonly project: string,
    private readonly eventsMaxLen: number,
  ) {}

  private k(key: string): number {
    let i = this.keyIndex.get(key);
    if (i === undefined) {
      this.keyList.push(key);
      i = this.keyList.length;
      this.keyIndex.set(key, i);
    }
    return i;
  }

  private check(c: Check, onFail: OnFail): this {
    this.checks.push(c);
    this.failures.push(onFail);
    return this;
  }

  absent(key: string, onExists: () => Error): this {
    return this.check({ t: 'absent', k: this.k(key) }, onExists);
  }

  exists(key: string, onMissing: () => Error): this {
    return this.check({ t: 'exists', k: this.k(key) }, onMissing);
  }

  /**
   * The document must still be at `read` (the version this mutation read). If the caller asked for
   * a version explicitly, a mismatch is a CONFLICT; otherwise it is a stale read and is retried.
   */
  version(key: string, id: string, read: number, expected: number | null | undefined, onMissing: () => AppError): this {
    return this.check({ t: 'version', k: this.k(key), v: read }, ([reason, actual]) => {
      if (reason === 'MISSING') return onMissing();
      if (expected != null) return conflict(id, expected, Number(actual));
      return new StaleRead();
    });
  }

  /** Nothing in the project changed since `read` (cascades that enumerate indexes rely on this). */
  revision(read: number): this {
    return this.check({ t: 'rev', k: this.k(keys.revision(this.project)), v: read }, () => new StaleRead());
  }

  /**
   * The project's namespace quotas, with `namespace` set to `quota` (-1: removed), fit the project's
   * quota (or `projectLimit`, when the project quota itself is changing). `field` is the input the
   * error names.
   */
  quota(namespace: string, quota: number, field: string, projectLimit?: number): this {
    const c: Check = {
      t: 'quota',
      q: this.k(keys.quotas(this.project)),
      p: this.k(keys.project(this.project)),
      f: namespace,
      v: quota,
    };
    if (projectLimit !== undefined) c.limit = projectLimit;
    return this.check(c, ([, sum, limit]) =>
      quotaExceeded(
        `The namespaces' quotas would total ${sum} bytes, more than the project's quota of ${limit} bytes`,
        { field, total: Number(sum), limit: Number(limit) },
      ),
    );
  }

  set(key: string, doc: unknown): this {
    this.writes.push({ t: 'set', k: this.k(key), v: JSON.stringify(doc) });
    return this;
  }

  del(key: string): this {
    this.writes.push({ t: 'del', k: this.k(key) });
    return this;
  }

  hset(key: string, field: string, value: string): this {
    this.writes.push({ t: 'hset', k: this.k(key), f: field, v: value });
    return this;
  }

  hdel(key: string, field: string): this {
    this.writes.push({ t: 'hdel', k: this.k(key), f: field });
    return this;
  }

  listAdd(key: string, field: string, member: string): this {
    this.writes.push({ t: 'ladd', k: this.k(key), f: field, m: member });
    return this;
  }

  listRemove(key: string, field: string, member: string): this {
    this.writes.push({ t: 'lrem', k: this.k(key), f: field, m: member });
    return this;
  }

  /** Deleting a whole project removes its revision key and stream too: nothing may recreate them. */
  withoutRevision(): this {
    this.bumpRevision = false;
    return this;
  }

  emit(event: EventRecord): this {
    this.event = event;
    return this;
  }

  /** Runs the script; returns the event id ('' when none), or throws the mapped failure. */
  async commit(redis: ControlRedis): Promise<string> {
    if (!this.writes.length && !this.event && !this.bumpRevision) return '';
    const plan: Record<string, unknown> = { checks: this.checks, writes: this.writes };
    if (this.bumpRevision) plan.rev = this.k(keys.revision(this.project));
    if (this.event) {
      const { type, ...data } = this.event;
      plan.event = { k: this.k(keys.events(this.project)), maxlen: this.eventsMaxLen, type, data: JSON.stringify(data) };
    }
    const deadline = writeDeadline(redis);
    if (deadline !== null) plan.deadline = deadline;
    const reply = await redis.mmCommit(this.keyList.length, ...this.keyList, JSON.stringify(plan));
    if (reply[0] === 'OK') return String(reply[1] ?? '');
    if (reply[0] === 'LATE') throw unavailable();
    const index = Number(reply[1]) - 1;
    throw this.failures[index]!(reply.slice(2).map(String));
  }
}

/** Re-runs read-then-commit when a concurrent write made the read stale. */
export async function withRetry<T>(attempt: () => Promise<T>, tries = 8): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await attempt();
    } catch (err) {
      if (!(err instanceof StaleRead) || i >= tries) {
        if (err instanceof StaleRead) throw new AppError('CONFLICT', 'Too many concurrent changes; retry');
        throw err;
      }
      await new Promise((r) => setTimeout(r, Math.random() * 5 * i));
    }
  }
}
