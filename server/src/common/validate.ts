// Input rules shared by every feature. Each failure names the field it is about.
import { badInput } from '../errors.js';

const SLUG = /^[a-z0-9][a-z0-9-]{0,38}$/;
/** Slugs reserved because they would collide with MemMouse's own keys on a shared Redis. */
const RESERVED_PROJECTS = new Set(['mm']);

export function slug(field: string, value: string, reserved = false): string {
  if (!SLUG.test(value)) {
    throw badInput(field, 'must be 1-39 characters of a-z, 0-9 and "-", starting with a letter or digit');
  }
  if (reserved && RESERVED_PROJECTS.has(value)) throw badInput(field, `"${value}" is reserved`);
  return value;
}

export function name(field: string, value: string): string {
  const trimmed = value.trim();
  if (trimmed.length < 1 || trimmed.length > 100) throw badInput(field, 'must be 1-100 characters');
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(trimmed)) throw badInput(field, 'must not contain control characters');
  return trimmed;
}

export function bytes(field: string, value: number): number {
  if (!Number.isSafeInteger(value) || value < 0) throw badInput(field, 'must be a whole number of bytes, 0 or more');
  return value;
}

export const MAX_TTL_SECONDS = 10 * 365 * 24 * 3600;

export function ttl(field: string, value: number | null): number | null {
  if (value === null) return null;
  if (!Number.isSafeInteger(value) || value < 1 || value > MAX_TTL_SECONDS) {
    throw badInput(field, `must be between 1 and ${MAX_TTL_SECONDS} seconds, or null for no default TTL`);
  }
  return value;
}

export function rate(field: string, value: number | null): number | null {
  if (value === null) return null;
  if (!Number.isSafeInteger(value) || value < 0) throw badInput(field, 'must be a whole number, 0 or more (null: unlimited)');
  return value;
}

// Printable ASCII without whitespace and without the characters ACL rules give meaning to
// (~ % & < > ( ) ! # and the like), so a pattern can never widen access beyond its namespace.
// Quotes too: Redis splits a selector like a command line, so a quote unquotes or breaks the rule.
const PRINTABLE = /^[\x21-\x7e]+$/;
const ACL_SIGNIFICANT = /[~%&<>()!#;`"'\s]/;

export function patterns(field: string, values: string[]): string[] {
  if (values.length < 1 || values.length > 50) throw badInput(field, 'must have 1-50 patterns');
  const out: string[] = [];
  values.forEach((p, i) => {
    const f = `${field}[${i}]`;
    if (p.length < 1 || p.length > 200) throw badInput(f, 'must be 1-200 characters');
    if (ACL_SIGNIFICANT.test(p)) throw badInput(f, `"${p}" contains whitespace or a character reserved by Redis ACL rules`);
    if (!PRINTABLE.test(p)) throw badInput(f, `"${p}" must be printable ASCII`);
    if (/\\$/.test(p.replace(/\\\\/g, ''))) throw badInput(f, 'must not end with an unpaired backslash');
    if (!out.includes(p)) out.push(p);
  });
  return out;
}

export function nonEmptySet<T>(field: string, values: T[], what: string): T[] {
  const unique = [...new Set(values)];
  if (unique.length === 0) throw badInput(field, `must contain at least one ${what}`);
  return unique;
}

export function subset<T extends string>(field: string, values: T[], ceiling: T[], ceilingName: string): void {
  const outside = values.filter((v) => !ceiling.includes(v));
  if (outside.length) throw badInput(field, `${outside.join(', ')} not allowed: must be within ${ceilingName} (${ceiling.join(', ') || 'none'})`);
}
