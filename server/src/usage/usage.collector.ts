// Measures usedBytes and keyCount per namespace on the data Redis: one incremental SCAN over the
// keyspace (never KEYS), keys bucketed by their namespace prefix, MEMORY USAGE pipelined per batch.
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { ControlRedis } from '../redis/client.js';
import { LockedLoop } from '../common/locked-loop.js';
import { indexField, keyPrefix, keys, splitList } from '../redis/keys.js';
import type { NamespaceDoc, UsageSample } from '../namespaces/namespace.record.js';

const SCAN_COUNT = 1000;

export interface UsageTotals {
  [prefix: string]: { project: string; namespace: string; usedBytes: number; keyCount: number; defaultTtlSeconds: number | null };
}

export interface UsageHooks {
  /** Called after a project's samples are stored (quota crossings). */
  afterProject?: (project: string) => Promise<void>;
  /** At most this many keys get their namespace's default TTL per pass (0: none). */
  defaultTtlMaxPerPass?: number;
  /** Told how each timer pass ended (metrics). */
  onPass?: (outcome: 'ok' | 'error' | 'skipped') => void;
}

export class UsageCollector {
  private readonly loop: LockedLoop;
  private stopped = false;
  /** Default-TTL EXPIREs left in this pass. */
  private ttlBudget = 0;

  constructor(
    private readonly control: ControlRedis,
    private readonly data: Redis,
    private readonly log: Logger,
    intervalMs: number,
    private readonly hooks: UsageHooks = {},
  ) {
    this.loop = new LockedLoop({
      control,
      lockKey: keys.usageLock,
      intervalMs,
      run: () => this.collect(),
      onError: (err) => this.log.warn({ err }, 'usage pass failed'),
      onPass: hooks.onPass,
    });
  }

  /** Runs a pass now and then every intervalMs, on one replica at a time (a Redis lock). */
  start(): void {
    this.loop.start();
  }

  /** Stops the timer and waits for the whole pass in flight (lock, measure, unlock). */
  async stop(): Promise<void> {
    this.stopped = true;
    await this.loop.stop();
  }

  /** Measures every namespace (or only `project`'s) and stores the samples. */
  async collect(project?: string): Promise<void> {
    const projects = project ? [project] : await this.control.zrange(keys.projects, 0, -1);
    const pipe = this.control.pipeline();
    for (const p of projects) pipe.hget(keys.index(p), indexField.namespaces);
    const lists = (await pipe.exec()) ?? [];
    const totals: UsageTotals = {};
    const found = projects.flatMap((p, i) => splitList(lists[i]?.[1] as string | null).map((ns) => [p, ns] as const));
    // The namespaces' policies, for the default TTL the pass applies on the way.
    const docs = found.length ? await this.control.mget(...found.map(([p, ns]) => keys.namespace(p, ns))) : [];
    found.forEach(([p, ns], i) => {
      const doc = docs[i] ? (JSON.parse(docs[i]!) as NamespaceDoc) : null;
      totals[keyPrefix(p, ns)] = { project: p, namespace: ns, usedBytes: 0, keyCount: 0, defaultTtlSeconds: doc?.policy.defaultTtlSeconds ?? null };
    });
    this.ttlBudget = this.hooks.defaultTtlMaxPerPass ?? 0;
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
      await this.hooks.afterProject?.(p);
    }
  }

  /** Gives keys without a TTL their namespace's default, within this pass's budget (bounded work). */
  private async applyDefaultTtl(keyless: { key: string; bucket: UsageTotals[string] }[]): Promise<void> {
    const todo = keyless.slice(0, Math.max(0, this.ttlBudget));
    if (!todo.length) return;
    this.ttlBudget -= todo.length;
    const pipe = this.data.pipeline();
    // NX: a TTL the key got since we looked (its own) always wins.
    for (const { key, bucket } of todo) pipe.expire(key, bucket.defaultTtlSeconds!, 'NX');
    await pipe.exec();
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
      // Keys of namespaces with a default TTL: which of them have none yet?
      const ttlCandidates = this.ttlBudget > 0 ? owned.filter(({ bucket }) => bucket.defaultTtlSeconds !== null) : [];
      for (const { key } of ttlCandidates) pipe.pttl(key);
      const sizes = (await pipe.exec()) ?? [];
      await this.applyDefaultTtl(ttlCandidates.filter((_, i) => sizes[owned.length + i]?.[1] === -1));
      owned.forEach(({ bucket }, i) => {
        const size = sizes[i]?.[1];
        if (typeof size !== 'number') return; // deleted between SCAN and MEMORY USAGE
        bucket.usedBytes += size;
        bucket.keyCount += 1;
      });
    } while (cursor !== '0' && !this.stopped);
  }
}
