// Reads everything the compiler needs for one project from the control Redis in two round trips,
// and turns it into the desired ACL users (pure, given the state and the time).
import type { Redis } from 'ioredis';
import { indexField, keys, splitList } from '../redis/keys.js';
import type { ServiceDoc } from '../services/service.record.js';
import type { BindingDoc } from '../bindings/binding.record.js';
import type { NamespaceDoc, UsageSample } from '../namespaces/namespace.record.js';
import type { ProjectDoc } from '../projects/project.record.js';
import { compileUser, writeBlock, type CompileBinding, type WriteBlock } from './compiler.js';
import { redisUsername } from './credentials.js';

export interface ProjectState {
  project: string;
  doc: ProjectDoc | null;
  services: ServiceDoc[];
  namespaces: Map<string, NamespaceDoc>;
  /** Bindings by service slug. */
  bindings: Map<string, BindingDoc[]>;
  usage: Map<string, UsageSample>;
  /** token digest -> password hash */
  passwords: Record<string, string>;
}

const parse = <T>(raw: string | null | undefined): T | null => (raw ? (JSON.parse(raw) as T) : null);

export async function loadProjectState(control: Redis, p: string): Promise<ProjectState> {
  const first = (await control
    .pipeline()
    .get(keys.project(p))
    .hgetall(keys.index(p))
    .hgetall(keys.usage(p))
    .hgetall(keys.passwords(p))
    .exec()) ?? [];
  for (const [err] of first) if (err) throw err;
  const [doc, index, usageRaw, passwords] = first.map(([, v]) => v) as [string | null, Record<string, string>, Record<string, string>, Record<string, string>];
  const nsSlugs = splitList(index[indexField.namespaces]);
  const svcSlugs = splitList(index[indexField.services]);
  const pairs = svcSlugs.flatMap((svc) => splitList(index[indexField.svcBindings(svc)]).map((ns) => [ns, svc] as const));
  const docKeys = [
    ...svcSlugs.map((s) => keys.service(p, s)),
    ...nsSlugs.map((ns) => keys.namespace(p, ns)),
    ...pairs.map(([ns, svc]) => keys.binding(p, ns, svc)),
  ];
  const raw = docKeys.length ? await control.mget(...docKeys) : [];
  const services = raw.slice(0, svcSlugs.length).map((r) => parse<ServiceDoc>(r)).filter((d): d is ServiceDoc => d !== null);
  const namespaces = new Map<string, NamespaceDoc>();
  raw.slice(svcSlugs.length, svcSlugs.length + nsSlugs.length).forEach((r) => {
    const d = parse<NamespaceDoc>(r);
    if (d) namespaces.set(d.slug, d);
  });
  const bindings = new Map<string, BindingDoc[]>();
  for (const r of raw.slice(svcSlugs.length + nsSlugs.length)) {
    const b = parse<BindingDoc>(r);
    if (b) bindings.set(b.service, [...(bindings.get(b.service) ?? []), b]);
  }
  const usage = new Map<string, UsageSample>();
  for (const [ns, s] of Object.entries(usageRaw)) usage.set(ns, JSON.parse(s) as UsageSample);
  return { project: p, doc: parse<ProjectDoc>(doc), services, namespaces, bindings, usage, passwords };
}

/** Sum of the namespaces' measured usage, compared with the project quota (0 = none). */
export function projectOverQuota(state: ProjectState): boolean {
  const quota = state.doc?.quotaBytes ?? 0;
  if (quota <= 0) return false;
  let used = 0;
  for (const s of state.usage.values()) used += s.usedBytes;
  return used >= quota;
}

/** Why each namespace's writes are withheld right now (absent: they are not). */
export function writeBlocks(state: ProjectState): Map<string, WriteBlock> {
  const over = projectOverQuota(state);
  const out = new Map<string, WriteBlock>();
  for (const ns of state.namespaces.values()) {
    const block = writeBlock(ns, state.usage.get(ns.slug) ?? null, over);
    if (block) out.set(ns.slug, block);
  }
  return out;
}

export interface DesiredUser {
  name: string;
  service: string;
  rules: string[];
  passwordHashes: string[];
  /** When a grace window in these rules ends (ms), so the old password can be removed then. */
  graceEndsAt: number | null;
  /** The hash of a previous password whose grace window has ended (it must be gone from Redis). */
  endedPasswordHash: string | null;
}

export function compileBindings(state: ProjectState, svc: string, blocks = writeBlocks(state)): CompileBinding[] {
  return (state.bindings.get(svc) ?? [])
    .filter((b) => state.namespaces.has(b.namespace))
    .map((b) => ({
      namespace: b.namespace,
      permissions: b.permissions,
      patterns: b.patterns,
      scopes: b.scopes,
      writeBlocked: blocks.get(b.namespace) ?? null,
    }));
}

/** Every user the project should have on the data Redis, by name. */
export function desiredUsers(state: ProjectState, now: number): Map<string, DesiredUser> {
  const out = new Map<string, DesiredUser>();
  if (!state.doc) return out;
  const blocks = writeBlocks(state);
  for (const svc of state.services) {
    const hashes: string[] = [];
    const current = state.passwords[svc.auth.digest];
    if (current) hashes.push(current);
    let graceEndsAt: number | null = null;
    let endedPasswordHash: string | null = null;
    const { previousDigest, previousExpiresAt } = svc.auth;
    const previous = previousDigest ? state.passwords[previousDigest] : undefined;
    if (previous && previousExpiresAt && Date.parse(previousExpiresAt) > now) {
      hashes.push(previous);
      graceEndsAt = Date.parse(previousExpiresAt);
    } else if (previous) {
      endedPasswordHash = previous;
    }
    const name = redisUsername(state.project, svc.slug);
    const rules = compileUser({ project: state.project, service: svc.slug, passwordHashes: hashes, bindings: compileBindings(state, svc.slug, blocks) });
    out.set(name, { name, service: svc.slug, rules, passwordHashes: hashes, graceEndsAt, endedPasswordHash });
  }
  return out;
}
