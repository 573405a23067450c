// The ACL compiler: a pure function from a service, its bindings and their namespaces' state to the
// rules of one Redis ACL user. Rules are built only from validated parts (slugs, a fixed scope map,
// patterns re-checked here, hex password hashes); anything else is dropped, never passed through.
import type { AccessName } from '../bindings/binding.record.js';
import type { NamespaceDoc, UsageSample } from '../namespaces/namespace.record.js';
import type { ScopeName } from '../services/service.type.js';
import { keyPrefix } from '../redis/keys.js';

/** Scope -> the ACL category it grants. PUBSUB is granted command by command (see PUBSUB_*). */
const CATEGORY: Record<Exclude<ScopeName, 'PUBSUB'>, string> = {
  STRING: '@string',
  HASH: '@hash',
  LIST: '@list',
  SET: '@set',
  SORTED_SET: '@sortedset',
  STREAM: '@stream',
  BITMAP: '@bitmap',
  HYPERLOGLOG: '@hyperloglog',
  GEO: '@geo',
};

/** Generic commands on keys every binding gets; the selector's key patterns still bound them. */
export const KEYSPACE_COMMANDS = [
  'del', 'unlink', 'exists', 'type', 'ttl', 'pttl', 'expire', 'pexpire', 'expireat', 'pexpireat',
  'expiretime', 'pexpiretime', 'persist', 'touch', 'rename', 'renamenx', 'watch',
];

/** PUBSUB: receiving is reading, publishing is writing (the PUBSUB introspection command lists
 * every tenant's channels, so it is never granted). */
const PUBSUB_READ = ['subscribe', 'unsubscribe', 'psubscribe', 'punsubscribe', 'ssubscribe', 'sunsubscribe'];
const PUBSUB_WRITE = ['publish', 'spublish'];

/** Keyless commands a connection needs; they touch no data. */
export const CONNECTION_COMMANDS = [
  'ping', 'echo', 'hello', 'auth', 'quit', 'reset', 'multi', 'exec', 'discard', 'unwatch',
  'client|setname', 'client|getname', 'client|id', 'client|info',
];

/**
 * Never granted, whatever the categories above contain: commands that ignore key patterns or
 * reach past the namespace (other databases, scripts, the server itself). Appended last, so they win.
 */
export const NEVER = [
  '-@admin', '-@dangerous', '-@scripting', '-keys', '-scan', '-randomkey', '-flushdb', '-flushall',
  '-select', '-swapdb', '-move', '-copy', '-migrate', '-sort', '-sort_ro', '-dbsize', '-pubsub',
];

const SLUG = /^[a-z0-9][a-z0-9-]{0,38}$/;
const HASH = /^[0-9a-f]{64}$/;
// The same rule the binding input obeys: printable ASCII, nothing an ACL rule gives meaning to.
const PATTERN = /^[\x21-\x7e]{1,200}$/;
// Quotes included: Redis splits a selector like a command line, so one quote unquotes the pattern
// or makes the whole ACL SETUSER fail (leaving the user's old rules in place).
const ACL_SIGNIFICANT = /[~%&<>()!#;`"'\s]/;
const safePattern = (p: string) => PATTERN.test(p) && !ACL_SIGNIFICANT.test(p);

/** Why a namespace's writes are withheld, if they are. */
export type WriteBlock = 'FROZEN' | 'QUOTA' | 'PROJECT_QUOTA';

export interface CompileBinding {
  namespace: string;
  permissions: AccessName[];
  patterns: string[];
  scopes: ScopeName[];
  writeBlocked: WriteBlock | null;
}

export interface CompileInput {
  project: string;
  service: string;
  /** SHA-256 (hex) of every password that may log in now. */
  passwordHashes: string[];
  bindings: CompileBinding[];
}

/**
 * A namespace stops taking writes when frozen, or when it is full under a hard quota (NOEVICTION:
 * nothing may give way), or when its project is over its quota and the namespace is hard.
 */
export function writeBlock(ns: Pick<NamespaceDoc, 'status' | 'policy'>, usage: UsageSample | null, projectOver: boolean): WriteBlock | null {
  if (ns.status === 'FROZEN') return 'FROZEN';
  if (ns.policy.eviction !== 'NOEVICTION') return null;
  if (ns.policy.quotaBytes > 0 && usage && usage.usedBytes >= ns.policy.quotaBytes) return 'QUOTA';
  return projectOver ? 'PROJECT_QUOTA' : null;
}

/** What one binding grants right now, as ACL selector parts; null when it grants nothing. */
export function compileSelector(project: string, b: CompileBinding): { keys: string[]; channels: string[]; commands: string[] } | null {
  if (!SLUG.test(project) || !SLUG.test(b.namespace)) return null;
  const read = b.permissions.includes('READ');
  const write = b.permissions.includes('WRITE') && b.writeBlocked === null;
  if (!read && !write) return null;
  const prefix = keyPrefix(project, b.namespace);
  const patterns = b.patterns.filter(safePattern).map((p) => prefix + p);
  if (!patterns.length) return null;
  const access = read && write ? '~' : read ? '%R~' : '%W~';
  const commands: string[] = [];
  for (const scope of b.scopes) {
    if (scope === 'PUBSUB') continue;
    const category = CATEGORY[scope];
    if (category) commands.push(`+${category}`);
  }
  commands.push(...KEYSPACE_COMMANDS.map((c) => `+${c}`));
  const pubsub = b.scopes.includes('PUBSUB');
  if (pubsub) {
    if (read) commands.push(...PUBSUB_READ.map((c) => `+${c}`));
    if (write) commands.push(...PUBSUB_WRITE.map((c) => `+${c}`));
  }
  return {
    keys: patterns.map((p) => access + p),
    channels: pubsub ? patterns.map((p) => `&${p}`) : [],
    commands: [...commands, ...NEVER],
  };
}

/** The whole ACL SETUSER rule list for one service's user, starting from `reset`. */
export function compileUser(input: CompileInput): string[] {
  const hashes = [...new Set(input.passwordHashes.filter((h) => HASH.test(h)))];
  // A user nobody can log in as yet (no password known) stays off.
  const rules = ['reset', hashes.length ? 'on' : 'off', ...hashes.map((h) => `#${h}`), 'resetchannels', '-@all'];
  rules.push(...CONNECTION_COMMANDS.map((c) => `+${c}`), ...NEVER);
  const sorted = [...input.bindings].sort((a, b) => a.namespace.localeCompare(b.namespace));
  for (const b of sorted) {
    const s = compileSelector(input.project, b);
    if (s) rules.push(`(${['resetchannels', ...s.keys, ...s.channels, '-@all', ...s.commands].join(' ')})`);
  }
  return rules;
}
