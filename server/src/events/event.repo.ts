// Reads a project's event stream, newest first, with filters.
import type { Logger } from 'pino';
import type { Ctx } from '../context.js';
import { keys } from '../redis/keys.js';
import { pageSize } from '../common/connection.js';
import { Event, type EventFilter } from './event.type.js';
import { assertRetained, checkStreamId } from './stream-id.js';

export type Entry = [id: string, fields: string[]];

export function parseEntry([id, fields]: Entry): Event {
  const f: Record<string, string> = {};
  for (let i = 0; i < fields.length; i += 2) f[fields[i]!] = fields[i + 1]!;
  return Event.from(id, f.type!, JSON.parse(f.data ?? '{}'));
}

/** Parses entries for a feed, skipping (and logging) any that cannot be read rather than ending it. */
export function readableEntries(entries: Entry[], log: Logger, project: string): Event[] {
  const out: Event[] = [];
  for (const entry of entries) {
    try {
      out.push(parseEntry(entry));
    } catch (err) {
      log.warn({ err, project, id: entry[0] }, 'skipped an unreadable event');
    }
  }
  return out;
}

export function matches(e: Event, filter: Pick<EventFilter, 'namespaceId' | 'serviceId' | 'types'> | null | undefined): boolean {
  if (!filter) return true;
  if (filter.namespaceId && e.namespaceId !== filter.namespaceId) return false;
  if (filter.serviceId && e.serviceId !== filter.serviceId) return false;
  if (filter.types?.length && !filter.types.includes(e.type)) return false;
  return true;
}

export async function recentEvents(ctx: Ctx, project: string, limit: number): Promise<Event[]> {
  const entries = (await ctx.app.redis.xrevrange(keys.events(project), '+', '-', 'COUNT', limit)) as Entry[];
  return entries.map(parseEntry);
}

/** One page, newest first, of the events after cursor `after` (older than it) that pass the filter. */
export async function eventsPage(ctx: Ctx, project: string, filter: EventFilter | null | undefined, first: number | null, after: string | null | undefined) {
  const size = pageSize(first);
  if (after) {
    checkStreamId(after);
    await assertRetained(ctx.app.redis, keys.events(project), after);
  }
  // Time bounds map onto stream IDs (milliseconds), so Redis skips what is out of range.
  // IDs start at 0 (1970): an earlier since bounds nothing, an earlier until leaves nothing ((1-0 is
  // the lowest exclusive end Redis takes).
  const untilMs = filter?.until ? Math.max(1, filter.until.getTime()) : Infinity;
  let end = after && Number(after.split('-')[0]) < untilMs ? `(${after}` : untilMs < Infinity ? `(${untilMs}-0` : '+';
  const start = filter?.since ? `${Math.max(0, filter.since.getTime())}-0` : '-';
  const out: Event[] = [];
  let hasNextPage = false;
  const batch = Math.max(50, size + 1);
  for (;;) {
    const entries = (await ctx.app.redis.xrevrange(keys.events(project), end, start, 'COUNT', batch)) as Entry[];
    for (const entry of entries) {
      const e = parseEntry(entry);
      if (!matches(e, filter)) continue;
      if (out.length === size) {
        hasNextPage = true;
        break;
      }
      out.push(e);
    }
    if (hasNextPage || entries.length < batch) break;
    end = `(${entries.at(-1)![0]}`;
  }
  const totalCount = Number(await ctx.app.redis.xlen(keys.events(project)));
  return {
    edges: out.map((node) => ({ cursor: node.id, node })),
    pageInfo: { hasNextPage, endCursor: out.at(-1)?.id ?? null },
    totalCount,
  };
}
