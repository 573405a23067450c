// The enforcer makes the data Redis obey the records: one ACL user per service, applied right after
// every commit (same process, reading the committed state), repaired by a reconcile loop, with
// grace windows ended by a timer. It only ever touches users named mm:<project>:<service>.
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { Config } from '../config.js';
import type { ControlRedis } from '../redis/client.js';
import { keys } from '../redis/keys.js';
import { LockedLoop } from '../common/locked-loop.js';
import { serviceId } from '../common/ids.js';
import { parseUsername } from './credentials.js';
import { desiredUsers, loadProjectState, type DesiredUser } from './state.js';
import { recordSystemEvent } from './record.js';
import { AclLogPoller } from './acl-log.js';
import { checkQuotas } from './quota.js';

interface ActualUser {
  line: string;
  passwordHashes: string[];
}

export type DriftKind = 'MISSING' | 'CHANGED' | 'UNKNOWN_USER';
export interface Change {
  name: string;
  kind: DriftKind;
}

/** ACL LIST -> the users MemMouse owns, with the password hashes each one holds. */
export async function ownedUsers(data: Redis): Promise<Map<string, ActualUser>> {
  const lines = (await data.call('ACL', 'LIST')) as string[];
  const out = new Map<string, ActualUser>();
  for (const line of lines) {
    const tokens = line.split(' ');
    const name = tokens[1] ?? '';
    if (tokens[0] !== 'user' || !parseUsername(name)) continue;
    const selectorsAt = tokens.findIndex((t) => t.startsWith('('));
    const root = tokens.slice(2, selectorsAt < 0 ? undefined : selectorsAt);
    out.set(name, { line, passwordHashes: root.filter((t) => t.startsWith('#')).map((t) => t.slice(1)) });
  }
  return out;
}

/**
 * An ACL LIST line with the rules of its root and of each selector sorted. Redis may list the same
 * rules in another order after applying them again (it walks a hash table of subcommands that it
 * rehashes as they are looked up, e.g. -pubsub|channels), which is not drift.
 */
export function canonicalAclLine(line: string): string {
  const sorted = (s: string) => s.split(' ').filter(Boolean).sort().join(' ');
  const selectors = (line.match(/\([^)]*\)/g) ?? []).map((s) => `(${sorted(s.slice(1, -1))})`);
  return [sorted(line.replace(/\([^)]*\)/g, ' ')), ...selectors].join(' ');
}

/** Do two desired states give every user the same rules? */
function sameRules(a: Map<string, DesiredUser>, b: Map<string, DesiredUser>): boolean {
  if (a.size !== b.size) return false;
  for (const [name, user] of a) {
    const other = b.get(name);
    if (!other || other.rules.join(' ') !== user.rules.join(' ')) return false;
  }
  return true;
}

/** Test seams: a test can hold a write back to reproduce a race between replicas. */
export interface EnforcerHooks {
  beforeWrite?: (project: string) => Promise<void>;
}

interface Chain {
  tail: Promise<void>;
  pending: Promise<void> | null;
}

export class Enforcer {
  private readonly chains = new Map<string, Chain>();
  private readonly graceTimers = new Map<string, { at: number; timer: NodeJS.Timeout }>();
  private readonly reconcileLoop: LockedLoop;
  private policyCache: { at: number; value: Promise<string | null> } | null = null;
  private readonly aclLog: AclLogPoller;
  private stopped = false;
  /** Test seams (see EnforcerHooks). */
  readonly hooks: EnforcerHooks = {};

  constructor(
    readonly control: ControlRedis,
    readonly data: Redis,
    private readonly log: Logger,
    private readonly config: Config,
    /** Told how each reconcile pass ended (metrics). */
    onReconcile?: (outcome: 'ok' | 'error' | 'skipped') => void,
  ) {
    this.aclLog = new AclLogPoller(control, data, log, config);
    this.reconcileLoop = new LockedLoop({
      control,
      lockKey: keys.reconcileLock,
      intervalMs: config.reconcileIntervalMs,
      run: () => this.reconcileAll(),
      onError: (err) => log.warn({ err }, 'ACL reconcile failed'),
      onPass: onReconcile,
    });
  }

  /**
   * Brings project `p`'s users in line with the committed state. Runs one at a time per project; a
   * caller that arrives while a run is queued shares it (that run reads state after its commit).
   * Never throws: a failure is logged and the reconcile loop repairs it.
   */
  enforce(p: string): Promise<void> {
    const chain = this.chain(p);
    if (chain.pending) return chain.pending;
    const run = this.serially(p, async () => {
      chain.pending = null;
      if (this.stopped) return;
      try {
        await this.applyProject(p, false);
      } catch (err) {
        this.log.warn({ err, project: p }, 'enforcement failed; the reconcile loop will retry');
      }
    });
    chain.pending = run;
    return run;
  }

  private chain(p: string): Chain {
    let chain = this.chains.get(p);
    if (!chain) this.chains.set(p, (chain = { tail: Promise.resolve(), pending: null }));
    return chain;
  }

  /** Runs `task` after every task queued before it for project `p` (applies never interleave). */
  private serially<T>(p: string, task: () => Promise<T>): Promise<T> {
    const chain = this.chain(p);
    const run = chain.tail.then(task);
    const tail = run.then(
      () => {},
      () => {},
    );
    chain.tail = tail;
    void tail.then(() => {
      if (this.chains.get(p)?.tail === tail) this.chains.delete(p);
    });
    return run;
  }

  /** The hook the mutation path calls after a commit. */
  afterCommit(p: string): Promise<void> {
    return this.enforce(p);
  }

  /** The hook the usage collector calls after storing a project's samples. */
  async afterUsage(p: string): Promise<void> {
    try {
      if (await checkQuotas(this.control, this.config.eventsMaxLen, p)) await this.enforce(p);
    } catch (err) {
      this.log.warn({ err, project: p }, 'quota check failed');
    }
  }

  /** Applies one project's desired users; with `drift`, records what had to change. */
  private async applyProject(p: string, drift: boolean): Promise<Change[]> {
    let desired = desiredUsers(await loadProjectState(this.control, p), Date.now());
    const before = await ownedUsers(this.data);
    let current = before;
    for (let attempt = 1; ; attempt++) {
      await this.hooks.beforeWrite?.(p);
      await this.writeUsers(p, desired, current);
      // Another replica may have read newer records and written them between our read and our
      // write, which ours then undid. Its commit came before its write, so a read made now sees
      // it: apply again until what we wrote is still what the records say.
      const again = desiredUsers(await loadProjectState(this.control, p), Date.now());
      if (sameRules(again, desired) || attempt === 3) break;
      desired = again;
      current = await ownedUsers(this.data);
    }
    this.scheduleGrace(p, [...desired.values()].map((u) => u.graceEndsAt).filter((t): t is number => t !== null));
    const stale = [...before.keys()].filter((name) => parseUsername(name)?.project === p && !desired.has(name));

    if (!drift) return [];
    const after = await ownedUsers(this.data);
    const changes: Change[] = [];
    for (const [name, user] of desired) {
      const was = before.get(name);
      // A grace window that ended while no server ran is expected change, not drift.
      const graceEnded = user.endedPasswordHash !== null && was?.passwordHashes.includes(user.endedPasswordHash);
      if (!was) changes.push({ name, kind: 'MISSING' });
      else if (canonicalAclLine(was.line) !== canonicalAclLine(after.get(name)?.line ?? '') && !graceEnded) changes.push({ name, kind: 'CHANGED' });
    }
    for (const name of stale) changes.push({ name, kind: 'UNKNOWN_USER' });
    for (const c of changes) {
      const svc = parseUsername(c.name)!.service;
      await recordSystemEvent(this.control, this.config.eventsMaxLen, p, {
        type: 'ACL_DRIFT_REPAIRED',
        serviceId: serviceId(p, svc),
        after: { username: c.name, drift: c.kind },
      });
    }
    if (changes.length) this.log.info({ project: p, changes }, 'repaired ACL drift');
    return changes;
  }

  /** One pipeline: every desired user set, removed passwords' sessions killed, stale users deleted. */
  private async writeUsers(p: string, desired: Map<string, DesiredUser>, current: Map<string, ActualUser>): Promise<void> {
    const pipe = this.data.pipeline();
    for (const user of desired.values()) {
      pipe.call('ACL', 'SETUSER', user.name, ...user.rules);
      // A password taken away (rotation, end of grace, one added by hand) also ends its sessions.
      const had = current.get(user.name)?.passwordHashes ?? [];
      if (had.some((h) => !user.passwordHashes.includes(h))) {
        pipe.call('CLIENT', 'KILL', 'USER', user.name);
      }
    }
    // ACL DELUSER also closes the deleted user's connections.
    for (const name of current.keys()) {
      if (parseUsername(name)?.project === p && !desired.has(name)) pipe.call('ACL', 'DELUSER', name);
    }
    const replies = (await pipe.exec()) ?? [];
    replies.forEach(([err], i) => {
      // CLIENT KILL USER answers an error when no connection matched; that is fine.
      if (err && !/No such user|ERR No such client/i.test(err.message)) this.log.warn({ project: p, step: i }, 'an ACL change was refused');
    });
  }

  private scheduleGrace(p: string, ends: number[]): void {
    if (!ends.length || this.stopped) return;
    const at = Math.min(...ends);
    const existing = this.graceTimers.get(p);
    if (existing && existing.at <= at) return;
    if (existing) clearTimeout(existing.timer);
    const timer = setTimeout(() => {
      this.graceTimers.delete(p);
      void this.enforce(p);
    }, Math.max(0, at - Date.now()) + 50);
    timer.unref();
    this.graceTimers.set(p, { at, timer });
  }

  /**
   * Compares every owned user with the desired state and repairs it: users changed or deleted by
   * hand, users lost with a data-Redis restart, users of services or projects that are gone, and
   * grace windows that ended while no server ran. Runs on one replica at a time (returns [] when
   * another replica is at it).
   */
  async reconcile(): Promise<Change[]> {
    let changes: Change[] = [];
    await this.reconcileLoop.runLocked(async () => {
      changes = await this.reconcileAll();
    });
    return changes;
  }

  private async reconcileAll(): Promise<Change[]> {
    const projects = new Set(await this.control.zrange(keys.projects, 0, -1));
    for (const name of (await ownedUsers(this.data)).keys()) projects.add(parseUsername(name)!.project);
    const changes: Change[] = [];
    for (const p of projects) {
      if (this.stopped) break;
      changes.push(...(await this.serially(p, () => this.applyProject(p, true))));
    }
    return changes;
  }

  /** One read of the ACL LOG (the poller's pass, without its lock); returns events recorded. */
  pollAclLog(): Promise<number> {
    return this.aclLog.poll();
  }

  /** The data Redis's instance-wide eviction policy (read, never changed), cached a few seconds. */
  maxmemoryPolicy(): Promise<string | null> {
    if (!this.policyCache || Date.now() - this.policyCache.at > 5000) {
      const value = (this.data.call('CONFIG', 'GET', 'maxmemory-policy') as Promise<string[]>)
        .then((reply) => reply[1] ?? null)
        .catch(() => null);
      this.policyCache = { at: Date.now(), value };
    }
    return this.policyCache.value;
  }

  /** Starts the reconcile loop (now, then every interval) and the ACL LOG poller. */
  start(): void {
    this.reconcileLoop.start();
    this.aclLog.start();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    for (const { timer } of this.graceTimers.values()) clearTimeout(timer);
    this.graceTimers.clear();
    await Promise.all([this.reconcileLoop.stop(), this.aclLog.stop()]);
    await Promise.all([...this.chains.values()].map((c) => c.tail));
  }
}
