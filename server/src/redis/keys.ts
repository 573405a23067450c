// The only place Redis keys are spelled. Every key of a project shares the hash tag {<project>}, so
// one project's keys live in one Cluster slot and a Lua script may touch all of them.
// Cross-project keys (the project list, locks) stand apart; `reindex` rebuilds the list.

const tag = (project: string) => `mm:{${project}}`;

export const keys = {
  /** ZSET of project slugs (score 0, ordered by slug). Cross-project; rebuilt by reindex. */
  projects: 'mm:projects',
  /** Capped stream of events that outlive their project's own stream (PROJECT_DELETED). */
  audit: 'mm:audit',
  /** Lock so that one replica at a time runs the usage collector. */
  usageLock: 'mm:lock:usage',
  /** Lock so that one replica at a time reads the data Redis's ACL LOG. */
  aclLogLock: 'mm:lock:acllog',
  /** Lock so that one replica at a time reconciles the data Redis's ACL users. */
  reconcileLock: 'mm:lock:reconcile',

  project: (p: string) => `${tag(p)}:project`,
  namespace: (p: string, ns: string) => `${tag(p)}:ns:${ns}`,
  service: (p: string, svc: string) => `${tag(p)}:svc:${svc}`,
  binding: (p: string, ns: string, svc: string) => `${tag(p)}:bind:${ns}:${svc}`,
  /**
   * HASH of the project's indexes, each field a comma-separated list of slugs, so that the indexes
   * of any number of entities are read with one HMGET:
   *   ns -> namespaces, svc -> services, nsbind:<ns> -> services bound to ns,
   *   svcbind:<svc> -> namespaces svc is bound to.
   */
  index: (p: string) => `${tag(p)}:idx`,
  /** HASH namespace slug -> quotaBytes, summed by the write script for the project quota check. */
  quotas: (p: string) => `${tag(p)}:quotas`,
  /** HASH namespace slug -> JSON usage sample { usedBytes, keyCount, sampledAt }. */
  usage: (p: string) => `${tag(p)}:usage`,
  /** Counter bumped by every write in the project; cascades compare it to detect concurrent change. */
  revision: (p: string) => `${tag(p)}:rev`,
  /**
   * HASH service token digest -> SHA-256 of the Redis password derived from that token, so the
   * enforcer can put `#<hash>` on the ACL user without ever holding the token or the password.
   */
  passwords: (p: string) => `${tag(p)}:pwd`,
  /** HASH namespace slug (or `*` for the project) -> last quota level recorded: 80, 90 or 100. */
  quotaLevels: (p: string) => `${tag(p)}:qlevel`,
  /** HASH ACL LOG entry signature -> `<count>:<createdMs>` last recorded (denials without duplicates). */
  deniedSeen: (p: string) => `${tag(p)}:denied`,
  /** The project's capped audit/event stream. */
  events: (p: string) => `${tag(p)}:events`,

  /** SCAN pattern matching every project document (reindex). */
  projectDocPattern: 'mm:{*}:project',
  /** SCAN pattern for every key of one project. */
  projectPattern: (p: string) => `${tag(p)}:*`,
  /** SCAN pattern for one kind of document in a project. */
  docPattern: (p: string, kind: 'ns' | 'svc' | 'bind') => `${tag(p)}:${kind}:*`,
};

/** Index field names inside keys.index(p). */
export const indexField = {
  namespaces: 'ns',
  services: 'svc',
  nsBindings: (ns: string) => `nsbind:${ns}`,
  svcBindings: (svc: string) => `svcbind:${svc}`,
};

/** Where tenants' keys live on the data Redis: `<project>:<namespace>:`. */
export const keyPrefix = (p: string, ns: string) => `${p}:${ns}:`;

export const splitList = (csv: string | null | undefined): string[] => (csv ? csv.split(',') : []);
