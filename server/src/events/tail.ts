// One tail loop per project stream that has subscribers in this process, reference-counted.
//
// Each loop blocks in XREAD on its own connection. One connection per stream (rather than one XREAD
// over every stream) because a project's stream lives in its own Cluster slot, so a multi-stream
// XREAD would fail with CROSSSLOT on Cluster; because stopping a loop is then just closing its
// connection (no CLIENT UNBLOCK dance to change the stream set); and because a busy project cannot
// delay another's delivery. The cost is one connection per watched project per process.
import type { Redis, RedisOptions } from 'ioredis';
import type { Logger } from 'pino';
import { connectRedis } from '../redis/client.js';
import { keys } from '../redis/keys.js';
import { readableEntries, type Entry } from './event.repo.js';
import type { Event } from './event.type.js';

const BATCH = 500;

export interface TailListener {
  events(events: Event[]): void;
  /** The project was deleted: nothing more will come. */
  gone(): void;
}

export class Tail {
  readonly listeners = new Set<TailListener>();
  /** The last entry ID read; everything after it will reach the listeners. */
  position = '0-0';
  refs = 0;
  private conn: Redis | null = null;
  private stopped = false;
  readonly ready: Promise<void>;

  constructor(
    readonly project: string,
    private readonly url: string,
    private readonly log: Logger,
    /** How long one XREAD blocks; an idle round also checks that the project still exists. */
    private readonly blockMs: number,
    /** TLS and timeouts every MemMouse connection carries (redis/client.ts redisOptions). */
    private readonly connection: RedisOptions = {},
  ) {
    this.ready = this.start();
  }

  private async start(): Promise<void> {
    // BLOCK returns every blockMs, so a command timeout past it only fires on a dead connection.
    const conn = await connectRedis(this.url, 'memmouse-tail', { ...this.connection, commandTimeout: this.blockMs + 5_000 });
    if (this.stopped) {
      conn.disconnect();
      throw new Error('tail stopped');
    }
    this.conn = conn;
    // Start from the newest entry that exists now, read before any subscriber replays: whatever a
    // subscriber's replay ends on is at or after this position, so replay and tail leave no gap.
    const last = (await conn.xrevrange(keys.events(this.project), '+', '-', 'COUNT', 1)) as Entry[];
    this.position = last[0]?.[0] ?? '0-0';
    void this.loop(conn);
  }

  private async loop(conn: Redis): Promise<void> {
    let failures = 0;
    while (!this.stopped) {
      try {
        const reply = (await conn.xread('COUNT', BATCH, 'BLOCK', this.blockMs, 'STREAMS', keys.events(this.project), this.position)) as
          | [string, Entry[]][]
          | null;
        failures = 0;
        const entries = reply?.[0]?.[1];
        if (this.stopped) break;
        if (!entries?.length) {
          // Deleting a project removes its stream without waking XREAD: notice it while idle.
          if (!(await conn.exists(keys.project(this.project)))) for (const listener of [...this.listeners]) listener.gone();
          continue;
        }
        this.position = entries.at(-1)![0];
        const events = readableEntries(entries, this.log, this.project);
        // Delivered synchronously: a listener added later cannot miss a batch already read.
        for (const listener of [...this.listeners]) listener.events(events);
      } catch (err) {
        if (this.stopped) break;
        failures++;
        if (failures === 1) this.log.warn({ err: (err as Error).message, project: this.project }, 'event tail lost Redis; retrying');
        await new Promise((r) => setTimeout(r, Math.min(100 * 2 ** failures, 2_000)));
      }
    }
  }

  stop(): void {
    this.stopped = true;
    this.listeners.clear();
    this.conn?.disconnect();
    this.conn = null;
  }
}

/** The tails of one process: acquire() starts or shares a project's loop, release() stops the last. */
export class Tails {
  private readonly tails = new Map<string, Tail>();

  constructor(
    private readonly url: string,
    private readonly log: Logger,
    private readonly blockMs = 5_000,
    private readonly connection: RedisOptions = {},
  ) {}

  async acquire(project: string): Promise<Tail> {
    let tail = this.tails.get(project);
    if (!tail) {
      tail = new Tail(project, this.url, this.log, this.blockMs, this.connection);
      this.tails.set(project, tail);
    }
    tail.refs++;
    try {
      await tail.ready;
    } catch (err) {
      this.release(tail);
      throw err;
    }
    return tail;
  }

  release(tail: Tail): void {
    tail.refs--;
    if (tail.refs > 0) return;
    tail.stop();
    if (this.tails.get(tail.project) === tail) this.tails.delete(tail.project);
  }

  /** How many loops run (tests and shutdown). */
  get size(): number {
    return this.tails.size;
  }

  stopAll(): void {
    for (const tail of this.tails.values()) tail.stop();
    this.tails.clear();
  }
}
