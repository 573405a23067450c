// Bytes, durations and times as people read and type them.
const UNITS = ['KiB', 'MiB', 'GiB', 'TiB', 'PiB'] as const;

/** 1536 -> "1.5 KiB"; below 1 KiB the exact count. */
export function formatBytes(bytes: number): string {
  if (Math.abs(bytes) < 1024) return `${bytes} B`;
  let value = bytes;
  let unit = 'B';
  for (const next of UNITS) {
    if (Math.abs(value) < 1024) break;
    value /= 1024;
    unit = next;
  }
  const digits = Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : 2;
  return `${Number(value.toFixed(digits))} ${unit}`;
}

/** The exact count for a title attribute: "10,737,418,240 bytes". */
export function exactBytes(bytes: number): string {
  return `${bytes.toLocaleString('en-US')} ${bytes === 1 ? 'byte' : 'bytes'}`;
}

const BYTE_FACTORS: Record<string, number> = {
  b: 1,
  k: 1024, kb: 1000, kib: 1024,
  m: 1024 ** 2, mb: 1000 ** 2, mib: 1024 ** 2,
  g: 1024 ** 3, gb: 1000 ** 3, gib: 1024 ** 3,
  t: 1024 ** 4, tb: 1000 ** 4, tib: 1024 ** 4,
  p: 1024 ** 5, pb: 1000 ** 5, pib: 1024 ** 5,
};

/**
 * "10 GiB" -> 10737418240, "512MB" -> 512000000, "1.5 kib" -> 1536, "4096" -> 4096.
 * Empty, "0", "none" and "unlimited" mean no quota (0). Anything else is an error message.
 */
export function parseBytes(text: string): { ok: true; value: number } | { ok: false; error: string } {
  const t = text.trim().toLowerCase().replace(/,/g, '');
  if (t === '' || t === 'none' || t === 'unlimited') return { ok: true, value: 0 };
  const m = /^(\d+(?:\.\d+)?)\s*([a-z]*)$/.exec(t);
  const factor = m ? BYTE_FACTORS[m[2] || 'b'] : undefined;
  if (!m || factor === undefined) return { ok: false, error: 'Type a size like 512 MiB, 10 GiB or 1048576' };
  const value = Math.round(Number(m[1]) * factor);
  if (!Number.isSafeInteger(value)) return { ok: false, error: 'That size is too large' };
  return { ok: true, value };
}

/** A quota for an input box: exact in the largest binary unit that divides it, else bytes. */
export function bytesForInput(bytes: number): string {
  if (bytes === 0) return '';
  for (let i = UNITS.length; i >= 1; i--) {
    const f = 1024 ** i;
    if (bytes % f === 0) return `${bytes / f} ${UNITS[i - 1]}`;
  }
  return String(bytes);
}

/** The largest GraphQL Int: TTLs, overlap windows and rate limits travel as Int. */
export const MAX_INT = 2 ** 31 - 1;

const DURATION: Record<string, number> = { s: 1, sec: 1, m: 60, min: 60, h: 3600, d: 86400, w: 604800 };

/** "1h" -> 3600, "90 s" -> 90, "2d 3h" -> 183600, "3600" -> 3600; empty -> null (no default TTL). */
export function parseDuration(text: string): { ok: true; value: number | null } | { ok: false; error: string } {
  const t = text.trim().toLowerCase();
  if (t === '' || t === 'none') return { ok: true, value: null };
  let total = 0;
  const rest = /^\d+$/.test(t)
    ? ((total = Number(t)), '')
    : t.replace(/(\d+(?:\.\d+)?)\s*(sec|min|s|m|h|d|w)\b\s*/g, (_all, n: string, u: string) => {
        total += Number(n) * DURATION[u]!;
        return '';
      });
  if (rest !== '') return { ok: false, error: 'Type a duration like 30s, 15m, 1h or 7d' };
  const value = Math.round(total);
  // "0" or "0.1s" is no duration at all; past a GraphQL Int the server could only answer with a parse error.
  if (value < 1) return { ok: false, error: 'Must be at least 1s' };
  if (value > MAX_INT) return { ok: false, error: 'That duration is too long' };
  return { ok: true, value };
}

/** 3600 -> "1h", 5400 -> "1h 30m", 45 -> "45s". */
export function formatDuration(seconds: number): string {
  const parts: string[] = [];
  let rest = seconds;
  for (const [unit, size] of [['d', 86400], ['h', 3600], ['m', 60], ['s', 1]] as const) {
    if (rest >= size) {
      parts.push(`${Math.floor(rest / size)}${unit}`);
      rest %= size;
    }
  }
  return parts.slice(0, 2).join(' ') || '0s';
}

/** "just now", "3 min ago", "in 5 min", "2 days ago". */
export function relativeTime(iso: string, now = Date.now()): string {
  const diff = (new Date(iso).getTime() - now) / 1000;
  const abs = Math.abs(diff);
  if (abs < 10) return 'just now';
  const steps: [number, Intl.RelativeTimeFormatUnit][] = [
    [60, 'second'],
    [3600, 'minute'],
    [86400, 'hour'],
    [86400 * 30, 'day'],
    [86400 * 365, 'month'],
    [Infinity, 'year'],
  ];
  const div: Record<string, number> = { second: 1, minute: 60, hour: 3600, day: 86400, month: 86400 * 30, year: 86400 * 365 };
  const rtf = new Intl.RelativeTimeFormat('en', { numeric: 'auto', style: 'short' });
  for (const [limit, unit] of steps) {
    if (abs < limit) return rtf.format(Math.round(diff / div[unit]!), unit);
  }
  return new Date(iso).toLocaleString();
}

/** The exact time for a title attribute, in the reader's zone and in UTC. */
export function exactTime(iso: string): string {
  const d = new Date(iso);
  return `${d.toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'medium' })} (${d.toISOString()})`;
}

/** 0.0004 -> "<0.1%", 0.0123 -> "1.2%", 0.5 -> "50%". */
export function formatPercent(ratio: number): string {
  const p = ratio * 100;
  if (p > 0 && p < 0.1) return '<0.1%';
  return `${p < 10 ? Number(p.toFixed(1)) : Math.round(p)}%`;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
}

export function formatRate(n: number | null | undefined): string {
  return n == null ? 'unlimited' : `${n.toLocaleString('en-US')}/s`;
}

/** "acme-shop" from "Acme Shop!" — a slug suggestion from a name. */
export function slugify(name: string): string {
  return name
    .toLowerCase()
    .normalize('NFKD')
    // Accents come apart from their letters: drop them, so "Café" is "cafe", not "cafe-".
    .replace(/\p{M}+/gu, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 39);
}

export const SLUG_RE = /^[a-z0-9][a-z0-9-]{0,38}$/;
