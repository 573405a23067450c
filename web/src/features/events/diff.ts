// before/after of an event as rows a person can read: flattened dotted paths, changed ones only,
// values in the units of their field (sizes, durations, rates).
import { exactBytes, formatBytes, formatDuration } from '../../lib/format';

export interface DiffRow {
  path: string;
  before: Shown | undefined;
  after: Shown | undefined;
}

export interface Shown {
  text: string;
  /** The exact value, for a hover, when `text` rounds or reformats it */
  exact?: string;
}

function flatten(value: unknown, prefix: string, out: Map<string, unknown>) {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const entries = Object.entries(value as Record<string, unknown>);
    if (entries.length === 0 && prefix) out.set(prefix, {});
    for (const [k, v] of entries) flatten(v, prefix ? `${prefix}.${k}` : k, out);
    return;
  }
  out.set(prefix || '(value)', value);
}

export function show(path: string, value: unknown): Shown {
  if (value === null) return { text: /Rps$/.test(path) ? 'unlimited' : 'none' };
  if (Array.isArray(value)) return { text: value.length ? value.map((v) => (typeof v === 'string' ? v : JSON.stringify(v))).join(', ') : '(empty)' };
  if (typeof value === 'number') {
    if (/Bytes$/.test(path)) return value === 0 && /quota/i.test(path) ? { text: 'no quota' } : { text: formatBytes(value), exact: exactBytes(value) };
    if (/Seconds$/.test(path)) return { text: formatDuration(value), exact: `${value} seconds` };
    if (/Rps$/.test(path)) return { text: `${value.toLocaleString('en-US')}/s` };
    return { text: value.toLocaleString('en-US') };
  }
  if (typeof value === 'string') return { text: value };
  return { text: JSON.stringify(value) };
}

// Bookkeeping that changes on every write and says nothing to a reader.
const NOISE = new Set(['version', 'updatedAt']);

export function diffRows(before: unknown, after: unknown): DiffRow[] {
  const a = new Map<string, unknown>();
  const b = new Map<string, unknown>();
  if (before != null) flatten(before, '', a);
  if (after != null) flatten(after, '', b);
  const keys = [...new Set([...a.keys(), ...b.keys()])].sort();
  const rows: DiffRow[] = [];
  for (const k of keys) {
    if (JSON.stringify(a.get(k)) === JSON.stringify(b.get(k))) continue;
    if (NOISE.has(k) && a.has(k) && b.has(k)) continue;
    rows.push({ path: k, before: a.has(k) ? show(k, a.get(k)) : undefined, after: b.has(k) ? show(k, b.get(k)) : undefined });
  }
  return rows;
}
