// Measures usedBytes and keyCount per namespace on the data Redis: one incremental SCAN over the
// keyspace (never KEYS), keys bucketed by their namespace prefix, MEMORY USAGE pipelined per batch.
import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { ControlRedis } from '../redis/client.js';
import { indexField, keyPrefix, keys, splitList } from '../redis/keys.js';
import type { UsageSample } from '../namespaces/namespace.record.js';

const SCAN_COUNT = 1000;

export interface UsageTotals {
  [prefix: string]: { project: string; namespace: string; usedBytes: number; keyCount: number };
}

export class UsageCollector {
  private timer: NodeJS.Timeout | null = null;
  /** The timer's pass in flight (lock, measure, unlock), awaited by stop(). */
  private pass: Promise<void> | null = null;
  private stopped = false;

  constructor(
    private readonly control: ControlRedis,
    private readonly data: Redis,
    private readonly log: Logger,
    private readonly intervalMs: number,
    /** Told how each timer pass ended (metrics); skipped: another replica held the lock. */
    private readonly onPass: (outcome: 'ok' | 'error' | 'skipped') => void = () => {},
  ) {}

  /** Runs a pass now and then every intervalMs, on one replica at a time (a Redis lock). */
  start(): void {
    if (this.intervalMs <= 0) return;
    const tick = async () => {
      if (this.stopped) return;
      this.pass = this.collectLocked().then(
        (ran) => this.onPass(ran ? 'ok' : 'skipped'),
        (err) => {
          this.onPass('error');
          this.log.warn({ err }, 'usage pass failed');
        },
      );
      await this.pass;
      this.pass = null;
      if (!this.stopped) this.timer = setTimeout(tick, this.intervalMs);
    };
    void tick();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.pass;
  }

  private async collectLocked(): Promise<boolean> {
    const token = randomUUID();
    const ttl = Math.max(60_000, this.intervalMs * 2);
    if ((await this.control.set(keys.usageLock, token, 'PX', ttl, 'NX')) !== 'OK') return false;
    try {
      await this.collect();
      return true;
    } finally {
      await this.control.mmUnlock(keys.usageLock, token).catch(() => {});
    }
  }

  /** Measures every namespace (or only `project`'s) and stores the samples. */
  async collect(project?: string): Promise<void> {
    const projects = project ? [project] : await this.control.zrange(keys.projects, 0, -1);
    const pipe = this.control.pipeline();
    for (const p of projects) pipe.hget(keys.index(p), indexField.namespaces);
    const lists = (await pipe.exec()) ?? [];
    const totals: UsageTotals = {};
    projects.forEach((p, i) => {
      for (const ns of splitList(lists[i]?.[1] as string | null)) {
        totals[keyPrefix(p, ns)] = { project: p, namespace: ns, usedBytes: 0, keyCount: 0 };
      }
    });
    await this.measure(totals, project ? `${project}:*` : '*');
    if (this.stopped) return; // a partial pass would under-report

    const sampledAt = new Date().toISOString();
    const byProject = new Map<string, string[]>();
    for (const t of Object.values(totals)) {
      const sample: UsageSample = { usedBytes: t.usedBytes, keyCount: t.keyCount, sampledAt };
      const args = byProject.get(t.project) ?? [];
      args.push(t.namespace, JSON.stringify(sample));
      byProject.set(t.project, args);
    }
    for (const p of projects) {
      await this.control.mmSaveUsage(keys.index(p), keys.usage(p), indexField.namespaces, ...(byProject.get(p) ?? []));
    }
  }

  private async measure(totals: UsageTotals, match: string): Promise<void> {
    let cursor = '0';
    do {
      const [next, batch] = await this.data.scan(cursor, 'MATCH', match, 'COUNT', SCAN_COUNT);
      cursor = next;
      const owned = batch.flatMap((key) => {
        const second = key.indexOf(':', key.indexOf(':') + 1);
        const bucket = second > 0 ? totals[key.slice(0, second + 1)] : undefined;
        return bucket ? [{ key, bucket }] : [];
      });
      if (!owned.length) continue;
      const pipe = this.data.pipeline();
      // SAMPLES 0 measures every element of aggregate keys, so uneven hashes and lists are exact.
      for (const { key } of owned) pipe.memory('USAGE', key, 'SAMPLES', 0);
      const sizes = (await pipe.exec()) ?? [];
      owned.forEach(({ bucket }, i) => {
        const size = sizes[i]?.[1];
        if (typeof size !== 'number') return; // deleted between SCAN and MEMORY USAGE
        bucket.usedBytes += size;
        bucket.keyCount += 1;
      });
    } while (cursor !== '0' && !this.stopped);
  }
}
