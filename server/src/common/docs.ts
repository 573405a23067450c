// Typed document reads through the request's DataLoader.
import type { Ctx } from '../context.js';
import { notFound } from '../errors.js';

export const loadDoc = <T>(ctx: Ctx, key: string) => ctx.loaders.doc.load(key) as Promise<T | null>;

export async function loadDocs<T>(ctx: Ctx, keyList: string[]): Promise<(T | null)[]> {
  const docs = await ctx.loaders.doc.loadMany(keyList);
  return docs.map((d) => {
    if (d instanceof Error) throw d;
    return d as T | null;
  });
}

export async function requireDoc<T>(ctx: Ctx, key: string, what: string, id: string): Promise<T> {
  const doc = await loadDoc<T>(ctx, key);
  if (!doc) throw notFound(what, id);
  return doc;
}

/** The project's write counter, read fresh: cascades commit only if nothing changed since. */
export async function readRevision(ctx: Ctx, key: string): Promise<number> {
  return Number((await ctx.app.redis.get(key)) ?? 0);
}

export const now = () => new Date().toISOString();

interface Versioned {
  version: number;
  updatedAt: string;
}

const canonical = (value: unknown): string =>
  JSON.stringify(value, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );

/**
 * The next version of `before` with `changes` applied, or null when they change nothing: an update
 * that changes nothing writes nothing (no version bump, no event), so it cannot make other holders
 * of the version conflict.
 */
export function revise<T extends Versioned>(before: T, changes: Partial<T>): T | null {
  const merged = { ...before, ...changes };
  if (canonical({ ...merged, version: 0, updatedAt: '' }) === canonical({ ...before, version: 0, updatedAt: '' })) return null;
  return { ...merged, updatedAt: now(), version: before.version + 1 };
}
