// before/after of an event as rows a person can read: flattened dotted paths, changed ones only.
export interface DiffRow {
  path: string;
  before: string | undefined;
  after: string | undefined;
}

type Json = unknown;

function flatten(value: Json, prefix: string, out: Map<string, string>) {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const entries = Object.entries(value as Record<string, Json>);
    if (entries.length === 0 && prefix) out.set(prefix, '{}');
    for (const [k, v] of entries) flatten(v, prefix ? `${prefix}.${k}` : k, out);
    return;
  }
  out.set(prefix || '(value)', Array.isArray(value) ? value.map((v) => (typeof v === 'string' ? v : JSON.stringify(v))).join(', ') || '[]' : JSON.stringify(value));
}

// Bookkeeping that changes on every write and says nothing to a reader.
const NOISE = new Set(['version', 'updatedAt']);

export function diffRows(before: Json, after: Json): DiffRow[] {
  const a = new Map<string, string>();
  const b = new Map<string, string>();
  if (before != null) flatten(before, '', a);
  if (after != null) flatten(after, '', b);
  const keys = [...new Set([...a.keys(), ...b.keys()])].sort();
  const rows: DiffRow[] = [];
  for (const k of keys) {
    if (a.get(k) === b.get(k)) continue;
    if (NOISE.has(k) && a.has(k) && b.has(k)) continue;
    rows.push({ path: k, before: a.get(k), after: b.get(k) });
  }
  return rows;
}
