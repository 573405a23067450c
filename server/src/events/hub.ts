// A subscriber's event feed: replay after an ID, then live from the project's tail, each event once
// and in order, with a bounded queue.
//
// The seam: replay reads pages lazily (as the client consumes them) until a page comes back short;
// then the subscriber joins the tail, buffering what it delivers, and reads once more from where the
// replay stopped up to the stream's end. The tail's position is at or before that end (it was read
// before the subscriber joined), so every later event comes from one side or the other; the
// subscriber drops any ID at or below the last one it passed on, so none comes twice.
import type { Redis, RedisOptions } from 'ioredis';
import type { Logger } from 'pino';
import { keys } from '../redis/keys.js';
import { matches, readableEntries, type Entry } from './event.repo.js';
import type { Event } from './event.type.js';
import { assertRetained, compareIds } from './stream-id.js';
import { Tails, type Tail } from './tail.js';

const PAGE = 200;

export interface FeedFilter {
  namespaceId?: string | null;
  serviceId?: string | null;
  types?: string[] | null;
}

export interface FeedOptions {
  project: string;
  /** Resume after this entry ID; null = only events committed after this subscribe. */
  after: string | null;
  filter: FeedFilter;
  /** Checked before each delivery: a subscriber whose access ended gets nothing more. */
  authorized?: () => boolean;
  /** Called once when the queue passes its bound; the feed has already ended. */
  onOverflow?: (reason: string) => void;
}

export interface HubLimits {
  /** Undelivered events one subscriber may hold before it is cut off. */
  maxQueue: number;
  /** How long a tail's XREAD blocks (and how soon a deleted project's feeds complete). */
  blockMs?: number;
}

export class EventHub {
  readonly tails: Tails;
  private active = 0;
  /** Feeds cut off for falling behind. */
  overflows = 0;
  /** Feeds past their replay, receiving from a tail (tests wait on it before writing). */
  live = 0;

  constructor(
    private readonly redis: Redis,
    url: string,
    readonly log: Logger,
    readonly limits: HubLimits = { maxQueue: 1_000 },
    connection: RedisOptions = {},
  ) {
    this.tails = new Tails(url, log, limits.blockMs, connection);
  }

  /** Subscribers currently open in this process. */
  get subscribers(): number {
    return this.active;
  }

  /** Checks `after` against retention now (so the error comes back at subscribe time), then opens the feed. */
  async open(opts: FeedOptions): Promise<Feed> {
    const key = keys.events(opts.project);
    if (opts.after) await assertRetained(this.redis, key, opts.after, { notAhead: true });
    // Without `after`, "from now" means from this subscribe, not from when the feed's tail has
    // connected: events committed in between would otherwise be lost.
    const start = opts.after ?? ((await this.redis.xrevrange(key, '+', '-', 'COUNT', 1)) as Entry[])[0]?.[0] ?? '0-0';
    this.active++;
    return new Feed(this, this.redis, opts, start, () => this.active--);
  }

  stop(): void {
    this.tails.stopAll();
  }
}

/** One subscriber's feed, an async iterator of events (return() ends it and frees its tail). */
export class Feed implements AsyncIterableIterator<Event> {
  private readonly queue: Event[] = [];
  /** The last entry ID passed on (or skipped by the filter): the resume point. */
  private cursor: string;
  private phase: 'replay' | 'joining' | 'live' = 'replay';
  private buffered: Event[] = [];
  private tail: Tail | null = null;
  private waiting: ((r: IteratorResult<Event>) => void) | null = null;
  private done = false;
  private readonly listener = { events: (events: Event[]) => this.onLive(events), gone: () => this.end() };

  constructor(
    private readonly hub: EventHub,
    private readonly redis: Redis,
    private readonly opts: FeedOptions,
    start: string,
    private readonly onEnd: () => void,
  ) {
    this.cursor = start;
  }

  [Symbol.asyncIterator]() {
    return this;
  }

  async next(): Promise<IteratorResult<Event>> {
    try {
      return await this.pull();
    } catch (err) {
      // A failed read ends the feed (the consumer's loop does not call return() after a rejection).
      this.end();
      throw err;
    }
  }

  private async pull(): Promise<IteratorResult<Event>> {
    for (;;) {
      if (this.done) return { value: undefined, done: true };
      const head = this.queue.shift();
      if (head) return { value: head, done: false };
      if (this.phase === 'replay') {
        await this.replayPage();
        continue;
      }
      if (this.phase === 'joining') {
        await this.join();
        continue;
      }
      return new Promise<IteratorResult<Event>>((resolve) => {
        this.waiting = resolve;
      });
    }
  }

  async return(): Promise<IteratorResult<Event>> {
    this.end();
    return { value: undefined, done: true };
  }

  private async replayPage(): Promise<void> {
    const key = keys.events(this.opts.project);
    const entries = (await this.redis.xrange(key, `(${this.cursor}`, '+', 'COUNT', PAGE)) as Entry[];
    // Trimming between subscribe and this read would be a silent gap: check again.
    await assertRetained(this.redis, key, this.cursor);
    if (this.done) return;
    this.take(readableEntries(entries, this.hub.log, this.opts.project));
    if (entries.length < PAGE) this.phase = 'joining';
  }

  /** Join the tail, then close the seam with one more read from the cursor. */
  private async join(): Promise<void> {
    const tails = this.hub.tails;
    const tail = await tails.acquire(this.opts.project);
    if (this.done) return tails.release(tail);
    this.tail = tail;
    tail.listeners.add(this.listener);
    const key = keys.events(this.opts.project);
    for (;;) {
      const entries = (await this.redis.xrange(key, `(${this.cursor}`, '+', 'COUNT', PAGE)) as Entry[];
      if (this.done) return;
      this.take(readableEntries(entries, this.hub.log, this.opts.project));
      if (entries.length < PAGE) break;
    }
    if (this.done) return;
    this.phase = 'live';
    this.hub.live++;
    const buffered = this.buffered;
    this.buffered = [];
    this.take(buffered);
  }

  private onLive(events: Event[]): void {
    if (this.done) return;
    if (this.phase !== 'live') {
      this.buffered.push(...events);
      if (this.buffered.length > this.hub.limits.maxQueue) this.overflow();
      return;
    }
    this.take(events);
    if (this.waiting && this.queue.length) {
      const resolve = this.waiting;
      this.waiting = null;
      resolve({ value: this.queue.shift()!, done: false });
    }
  }

  /** Queues the events past the cursor that pass the filter, in order, each once. */
  private take(events: Event[]): void {
    for (const e of events) {
      if (compareIds(e.id, this.cursor) <= 0) continue;
      this.cursor = e.id;
      if (!matches(e, this.opts.filter)) continue;
      if (this.opts.authorized && !this.opts.authorized()) continue;
      this.queue.push(e);
    }
    if (this.queue.length > this.hub.limits.maxQueue) this.overflow();
  }

  private overflow(): void {
    const reason = `Slow consumer: more than ${this.hub.limits.maxQueue} events undelivered`;
    this.hub.overflows++;
    this.hub.log.warn({ project: this.opts.project }, 'closed a slow event subscriber');
    this.end();
    this.opts.onOverflow?.(reason);
  }

  private end(): void {
    if (this.done) return;
    this.done = true;
    if (this.phase === 'live') this.hub.live--;
    this.queue.length = 0;
    this.buffered = [];
    if (this.tail) {
      this.tail.listeners.delete(this.listener);
      this.hub.tails.release(this.tail);
      this.tail = null;
    }
    this.onEnd();
    const resolve = this.waiting;
    this.waiting = null;
    resolve?.({ value: undefined, done: true });
  }
}
