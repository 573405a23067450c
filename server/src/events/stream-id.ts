// Stream entry IDs (`<ms>-<seq>`) as the event cursor: validated, compared and checked against what
// the capped stream still holds.
import type { Redis } from 'ioredis';
import { badInput, eventsExpired } from '../errors.js';

export const STREAM_ID = /^\d{1,20}-\d{1,20}$/;

const part = (s: string) => s.replace(/^0+(?=\d)/, '');

/** Each part of an entry ID is a 64-bit unsigned number: Redis refuses a larger one. */
const U64_MAX = '18446744073709551615';
const fits = (digits: string) => part(digits).length < U64_MAX.length || (part(digits).length === U64_MAX.length && part(digits) <= U64_MAX);

/** Whether `id` is a well-formed entry ID that Redis accepts. */
export const isStreamId = (id: string): boolean => STREAM_ID.test(id) && id.split('-').every(fits);

export function checkStreamId(id: string, field = 'after'): string {
  if (!isStreamId(id)) throw badInput(field, 'must be an event ID from an earlier page or event');
  return id;
}

/** Numeric comparison of two entry IDs (each part may pass 2^53, so compared as digit strings). */
export function compareIds(a: string, b: string): number {
  const [am, as] = a.split('-') as [string, string];
  const [bm, bs] = b.split('-') as [string, string];
  for (const [x, y] of [
    [part(am), part(bm)],
    [part(as), part(bs)],
  ] as const) {
    if (x.length !== y.length) return x.length < y.length ? -1 : 1;
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

export interface Retention {
  /** Entries the stream ever took minus those it still holds: how many were trimmed away. */
  trimmed: number;
  firstId: string | null;
  lastGeneratedId: string;
}

/** What a stream retains (XINFO STREAM); null when the stream does not exist yet. */
export async function retention(redis: Redis, key: string): Promise<Retention | null> {
  let reply: unknown[];
  try {
    reply = (await redis.xinfo('STREAM', key)) as unknown[];
  } catch (err) {
    if (err instanceof Error && /no such key/i.test(err.message)) return null;
    throw err;
  }
  const f = new Map<string, unknown>();
  for (let i = 0; i + 1 < reply.length; i += 2) f.set(String(reply[i]), reply[i + 1]);
  const first = f.get('first-entry');
  return {
    trimmed: Number(f.get('entries-added') ?? 0) - Number(f.get('length') ?? 0),
    firstId: Array.isArray(first) && typeof first[0] === 'string' ? first[0] : null,
    lastGeneratedId: String(f.get('last-generated-id') ?? '0-0'),
  };
}

/**
 * Resuming after `after` (or paging past it) must not silently skip trimmed events: once the stream
 * has been trimmed, an `after` older than its oldest entry is refused with EVENTS_EXPIRED.
 * (Redis 7.0 does not record the newest trimmed ID, so an `after` equal to exactly that ID is
 * refused too, although nothing after it was lost: the safe side.)
 */
export async function assertRetained(redis: Redis, key: string, after: string, opts: { notAhead?: boolean } = {}): Promise<void> {
  const r = await retention(redis, key);
  // A feed resuming after an ID the stream has not reached would skip every event until the clock
  // passes that ID, silently: refuse it instead.
  if (opts.notAhead && r && compareIds(after, r.lastGeneratedId) > 0) throw badInput('after', 'is newer than every event of this project');
  if (!r || r.trimmed <= 0) return;
  const oldest = r.firstId;
  const expired = oldest ? compareIds(after, oldest) < 0 : compareIds(after, r.lastGeneratedId) < 0;
  if (expired) throw eventsExpired(after, oldest);
}
