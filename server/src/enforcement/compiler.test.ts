// The ACL compiler on its own (a pure function), then every compiled user checked by a real
// redis-server with ACL DRYRUN against a matrix of allowed and denied commands.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Redis } from 'ioredis';
import { startRedisServer, type LocalRedis } from '../redis/local-server.js';
import type { ScopeName } from '../services/service.type.js';
import type { AccessName } from '../bindings/binding.record.js';
import type { Eviction } from '../namespaces/namespace.record.js';
import { compileUser, writeBlock, type CompileBinding } from './compiler.js';
import { passwordHash } from './credentials.js';

const HASH = passwordHash('secret');
const b = (namespace: string, permissions: AccessName[], scopes: ScopeName[], patterns = ['*'], writeBlocked: CompileBinding['writeBlocked'] = null): CompileBinding => ({
  namespace,
  permissions,
  patterns,
  scopes,
  writeBlocked,
});

describe('compileUser (pure)', () => {
  it('starts from reset, logs in only with the given hashes and grants one selector per binding', () => {
    const rules = compileUser({
      project: 'shop',
      service: 'billing',
      passwordHashes: [HASH],
      bindings: [b('orders', ['READ', 'WRITE'], ['STRING', 'HASH'], ['orders:*', 'invoice:?']), b('carts', ['READ'], ['LIST'])],
    });
    expect(rules.slice(0, 5)).toEqual(['reset', 'on', `#${HASH}`, 'resetchannels', '-@all']);
    const selectors = rules.filter((r) => r.startsWith('('));
    expect(selectors).toHaveLength(2);
    // Sorted by namespace, so the same records always compile to the same rules.
    expect(selectors[0]).toMatch(/^\(resetchannels %R~shop:carts:\* -@all \+@list /);
    expect(selectors[1]).toMatch(/^\(resetchannels ~shop:orders:orders:\* ~shop:orders:invoice:\? -@all \+@string \+@hash /);
    for (const s of selectors) expect(s).toMatch(/-@admin -@dangerous -@scripting -keys -scan -randomkey -flushdb -flushall -select .*\)$/);
    expect(rules.join(' ')).not.toMatch(/nopass|allkeys|allcommands|\+@all|~\*(\s|$)/);
  });

  it('maps READ, WRITE and both to %R~, %W~ and ~', () => {
    const one = (perms: AccessName[]) => compileUser({ project: 'p', service: 's', passwordHashes: [HASH], bindings: [b('n', perms, ['STRING'])] }).find((r) => r.startsWith('('))!;
    expect(one(['READ'])).toContain(' %R~p:n:* ');
    expect(one(['WRITE'])).toContain(' %W~p:n:* ');
    expect(one(['READ', 'WRITE'])).toContain(' ~p:n:* ');
  });

  it('takes writes away from a blocked namespace: read-write becomes read-only, write-only grants nothing', () => {
    for (const block of ['FROZEN', 'QUOTA', 'PROJECT_QUOTA'] as const) {
      const rules = compileUser({
        project: 'p',
        service: 's',
        passwordHashes: [HASH],
        bindings: [b('a', ['READ', 'WRITE'], ['STRING', 'PUBSUB'], ['*'], block), b('w', ['WRITE'], ['STRING'], ['*'], block)],
      });
      const selectors = rules.filter((r) => r.startsWith('('));
      expect(selectors).toHaveLength(1);
      expect(selectors[0]).toContain(' %R~p:a:* ');
      expect(selectors[0]).toContain(' &p:a:* ');
      expect(selectors[0]).toContain('+subscribe');
      expect(selectors[0]).not.toContain('+publish');
    }
  });

  it('grants PUBSUB as channels under the namespace prefix, never the PUBSUB introspection command', () => {
    const rules = compileUser({ project: 'p', service: 's', passwordHashes: [HASH], bindings: [b('ev', ['READ', 'WRITE'], ['PUBSUB'], ['chan:*'])] });
    const s = rules.find((r) => r.startsWith('('))!;
    expect(s).toContain(' &p:ev:chan:* ');
    expect(s).toContain('+publish');
    expect(s).toContain('-pubsub');
    expect(s).not.toContain('@pubsub');
  });

  it('drops anything that is not a validated part instead of passing it through', () => {
    const rules = compileUser({
      project: 'p',
      service: 's',
      passwordHashes: ['not-a-hash', HASH.toUpperCase(), `${HASH} nopass`],
      bindings: [
        b('n', ['READ'], ['STRING'], ['ok:*', 'bad pattern', '~*', 'x)(~*', '%RW~*', 'a&b', '', '"\\x20"', 'a"b"', "it's"]),
        b('Bad Slug', ['READ'], ['STRING']),
        b('m', ['READ'], ['STRING'], ['(*)']),
      ],
    });
    expect(rules[1]).toBe('off'); // no valid hash: nobody can log in
    expect(rules.filter((r) => r.startsWith('#'))).toEqual([]);
    const selectors = rules.filter((r) => r.startsWith('('));
    expect(selectors).toHaveLength(1);
    expect(selectors[0]).toContain('%R~p:n:ok:*');
    expect(selectors[0]!.match(/~/g)).toHaveLength(1);
  });

  it('keeps both hashes during a grace window, once each', () => {
    const other = passwordHash('other');
    const rules = compileUser({ project: 'p', service: 's', passwordHashes: [HASH, other, HASH], bindings: [] });
    expect(rules.filter((r) => r.startsWith('#'))).toEqual([`#${HASH}`, `#${other}`]);
  });
});

describe('writeBlock', () => {
  const ns = (status: 'ACTIVE' | 'FROZEN', quotaBytes: number, eviction: Eviction) => ({ status, policy: { quotaBytes, defaultTtlSeconds: null, eviction } });
  const used = (usedBytes: number) => ({ usedBytes, keyCount: 1, sampledAt: '' });
  it.each([
    [ns('FROZEN', 0, 'ALLKEYS_LRU'), null, false, 'FROZEN'],
    [ns('ACTIVE', 100, 'NOEVICTION'), used(100), false, 'QUOTA'],
    [ns('ACTIVE', 100, 'NOEVICTION'), used(99), false, null],
    [ns('ACTIVE', 100, 'NOEVICTION'), null, false, null],
    [ns('ACTIVE', 100, 'ALLKEYS_LRU'), used(500), false, null],
    [ns('ACTIVE', 0, 'NOEVICTION'), used(500), false, null],
    [ns('ACTIVE', 0, 'NOEVICTION'), used(5), true, 'PROJECT_QUOTA'],
    [ns('ACTIVE', 0, 'ALLKEYS_LFU'), used(5), true, null],
  ])('%j with usage %j (project over: %s) -> %s', (doc, usage, over, expected) => {
    expect(writeBlock(doc as any, usage, over)).toBe(expected);
  });
});

// ---------------------------------------------------------------------------------------------
// ACL DRYRUN matrix: what a real redis-server 7 says each compiled user may do.

/** R: reads the value; W: changes it; RW: both; M: only looks at the key's metadata (any access will do). */
type Need = 'R' | 'W' | 'RW' | 'M';
/** Commands by scope, with the key access Redis's key specs demand of them. */
const COMMANDS: { scope: ScopeName | 'KEYSPACE'; args: (k: string) => string[]; need: Need }[] = [
  { scope: 'STRING', args: (k) => ['GET', k], need: 'R' },
  { scope: 'STRING', args: (k) => ['STRLEN', k], need: 'M' },
  { scope: 'STRING', args: (k) => ['SET', k, 'v'], need: 'W' },
  { scope: 'STRING', args: (k) => ['INCR', k], need: 'RW' },
  { scope: 'STRING', args: (k) => ['GETDEL', k], need: 'RW' },
  { scope: 'HASH', args: (k) => ['HGET', k, 'f'], need: 'R' },
  { scope: 'HASH', args: (k) => ['HGETALL', k], need: 'R' },
  { scope: 'HASH', args: (k) => ['HSET', k, 'f', 'v'], need: 'W' },
  { scope: 'LIST', args: (k) => ['LRANGE', k, '0', '-1'], need: 'R' },
  { scope: 'LIST', args: (k) => ['LPUSH', k, 'v'], need: 'W' },
  { scope: 'LIST', args: (k) => ['LPOP', k], need: 'RW' },
  { scope: 'SET', args: (k) => ['SMEMBERS', k], need: 'R' },
  { scope: 'SET', args: (k) => ['SADD', k, 'm'], need: 'W' },
  { scope: 'SORTED_SET', args: (k) => ['ZRANGE', k, '0', '-1'], need: 'R' },
  { scope: 'SORTED_SET', args: (k) => ['ZADD', k, '1', 'm'], need: 'W' },
  { scope: 'STREAM', args: (k) => ['XRANGE', k, '-', '+'], need: 'R' },
  { scope: 'STREAM', args: (k) => ['XADD', k, '*', 'f', 'v'], need: 'W' },
  { scope: 'BITMAP', args: (k) => ['GETBIT', k, '1'], need: 'R' },
  { scope: 'BITMAP', args: (k) => ['SETBIT', k, '1', '1'], need: 'RW' },
  { scope: 'HYPERLOGLOG', args: (k) => ['PFADD', k, 'a'], need: 'W' },
  { scope: 'GEO', args: (k) => ['GEOPOS', k, 'm'], need: 'R' },
  { scope: 'GEO', args: (k) => ['GEOADD', k, '1', '2', 'm'], need: 'W' },
  { scope: 'KEYSPACE', args: (k) => ['EXISTS', k], need: 'M' },
  { scope: 'KEYSPACE', args: (k) => ['TTL', k], need: 'R' },
  { scope: 'KEYSPACE', args: (k) => ['TYPE', k], need: 'M' },
  { scope: 'KEYSPACE', args: (k) => ['DEL', k], need: 'W' },
  { scope: 'KEYSPACE', args: (k) => ['EXPIRE', k, '10'], need: 'W' },
];

/** Never allowed to anyone, whatever the bindings. */
const NEVER: string[][] = [
  ['KEYS', '*'], ['SCAN', '0'], ['RANDOMKEY'], ['FLUSHDB'], ['FLUSHALL'], ['SELECT', '1'], ['CONFIG', 'GET', 'maxmemory'],
  ['CONFIG', 'SET', 'maxmemory', '1'], ['ACL', 'LIST'], ['ACL', 'SETUSER', 'x'], ['EVAL', 'return 1', '0'], ['EVALSHA', 'a'.repeat(40), '0'],
  ['FCALL', 'f', '0'], ['FUNCTION', 'LIST'], ['SCRIPT', 'FLUSH'], ['DBSIZE'], ['INFO'], ['DEBUG', 'SLEEP', '0'], ['SHUTDOWN'],
  ['MONITOR'], ['CLIENT', 'LIST'], ['CLIENT', 'KILL', 'ID', '1'], ['SWAPDB', '0', '1'], ['MOVE', 'p:n:k', '1'], ['COPY', 'p:n:a', 'p:n:b', 'DB', '1'],
  ['MIGRATE', 'h', '1', 'p:n:k', '0', '1'], ['SORT', 'p:n:k'], ['PUBSUB', 'CHANNELS'], ['OBJECT', 'ENCODING', 'p:n:k'], ['SAVE'], ['BGSAVE'],
  ['SLAVEOF', 'NO', 'ONE'], ['REPLICAOF', 'NO', 'ONE'], ['CLUSTER', 'INFO'], ['LATENCY', 'RESET'], ['MODULE', 'LIST'], ['PFDEBUG', 'GETREG', 'p:n:k'],
  ['RESTORE', 'p:n:k', '0', 'x'], ['WAIT', '0', '0'], ['LASTSAVE'],
];

interface World {
  name: string;
  /** Namespace slug -> what the user may do there. */
  grants: Record<string, { read: boolean; write: boolean; scopes: ScopeName[]; patterns?: string[] }>;
  bindings: CompileBinding[];
}

const WORLDS: World[] = [
  {
    name: 'rw',
    bindings: [b('n', ['READ', 'WRITE'], ['STRING', 'HASH', 'STREAM'], ['in:*']), b('c', ['READ'], ['LIST', 'SET'])],
    grants: { n: { read: true, write: true, scopes: ['STRING', 'HASH', 'STREAM'], patterns: ['in:'] }, c: { read: true, write: false, scopes: ['LIST', 'SET'] } },
  },
  { name: 'ro', bindings: [b('n', ['READ'], ['STRING', 'SORTED_SET'])], grants: { n: { read: true, write: false, scopes: ['STRING', 'SORTED_SET'] } } },
  { name: 'wo', bindings: [b('n', ['WRITE'], ['STRING', 'HASH', 'LIST'])], grants: { n: { read: false, write: true, scopes: ['STRING', 'HASH', 'LIST'] } } },
  {
    name: 'frozen',
    bindings: [b('n', ['READ', 'WRITE'], ['STRING', 'HASH', 'BITMAP'], ['*'], 'FROZEN'), b('c', ['WRITE'], ['STRING'], ['*'], 'QUOTA')],
    grants: { n: { read: true, write: false, scopes: ['STRING', 'HASH', 'BITMAP'] } },
  },
  {
    name: 'all',
    bindings: [b('n', ['READ', 'WRITE'], ['STRING', 'HASH', 'LIST', 'SET', 'SORTED_SET', 'STREAM', 'BITMAP', 'HYPERLOGLOG', 'GEO', 'PUBSUB'])],
    grants: { n: { read: true, write: true, scopes: ['STRING', 'HASH', 'LIST', 'SET', 'SORTED_SET', 'STREAM', 'BITMAP', 'HYPERLOGLOG', 'GEO', 'PUBSUB'] } },
  },
];

/** Keys to try: inside each namespace (and its patterns), outside the patterns, elsewhere. */
const KEYS = ['p:n:in:1', 'p:n:out', 'p:c:x', 'p:other:in:1', 'q:n:in:1', 'n:in:1', 'in:1'];

function expected(w: World, scope: ScopeName | 'KEYSPACE', need: Need, key: string): boolean {
  const m = /^p:([a-z]+):(.*)$/.exec(key);
  const g = m ? w.grants[m[1]!] : undefined;
  if (!g) return false;
  if (g.patterns && !g.patterns.some((prefix) => m![2]!.startsWith(prefix))) return false;
  if (scope !== 'KEYSPACE' && !g.scopes.includes(scope)) return false;
  if (need === 'M') return g.read || g.write;
  if (need.includes('R') && !g.read) return false;
  if (need.includes('W') && !g.write) return false;
  return true;
}

describe('compiled users under ACL DRYRUN on a real redis-server', () => {
  let server: LocalRedis;
  let r: Redis;
  beforeAll(async () => {
    server = await startRedisServer(null);
    r = new Redis(server.url);
    for (const w of WORLDS) {
      await r.call('ACL', 'SETUSER', `mm:p:${w.name}`, ...compileUser({ project: 'p', service: w.name, passwordHashes: [HASH], bindings: w.bindings }));
    }
  });
  afterAll(async () => {
    r.disconnect();
    await server.stop();
  });

  const dryrun = async (user: string, args: string[]) => (await r.call('ACL', 'DRYRUN', user, ...args)) === 'OK';

  it('allows exactly what the bindings say, command by command and key by key (≥ 300 cases)', async () => {
    const cases: { user: string; args: string[]; want: boolean }[] = [];
    for (const w of WORLDS) {
      for (const c of COMMANDS) for (const key of KEYS) cases.push({ user: `mm:p:${w.name}`, args: c.args(key), want: expected(w, c.scope, c.need, key) });
      for (const args of NEVER) cases.push({ user: `mm:p:${w.name}`, args, want: false });
      for (const args of [['PING'], ['ECHO', 'x'], ['MULTI'], ['CLIENT', 'SETNAME', 'agent']]) cases.push({ user: `mm:p:${w.name}`, args, want: true });
    }
    // Pub/sub: channels under the namespace only, and publishing only with write access.
    for (const [user, ch, sub, pub] of [
      ['all', 'p:n:news', true, true],
      ['all', 'p:c:news', false, false],
      ['all', 'other', false, false],
      ['rw', 'p:n:news', false, false],
    ] as const) {
      cases.push({ user: `mm:p:${user}`, args: ['SUBSCRIBE', ch], want: sub }, { user: `mm:p:${user}`, args: ['PUBLISH', ch, 'x'], want: pub });
    }
    // Commands over several keys need every key inside.
    cases.push(
      { user: 'mm:p:all', args: ['RENAME', 'p:n:a', 'p:n:b'], want: true },
      { user: 'mm:p:all', args: ['RENAME', 'p:n:a', 'p:x:b'], want: false },
      { user: 'mm:p:all', args: ['MSET', 'p:n:a', '1', 'p:x:b', '2'], want: false },
      { user: 'mm:p:all', args: ['SUNIONSTORE', 'p:n:d', 'p:n:a', 'q:n:b'], want: false },
      // One selector must cover the whole command: keys of two namespaces in one command are refused.
      { user: 'mm:p:rw', args: ['MGET', 'p:n:in:1', 'p:c:x'], want: false },
      { user: 'mm:p:rw', args: ['MGET', 'p:n:in:1', 'p:n:in:2'], want: true },
      { user: 'mm:p:rw', args: ['MGET', 'p:n:in:1', 'p:n:out'], want: false },
    );
    expect(cases.length).toBeGreaterThanOrEqual(300);
    const wrong: string[] = [];
    for (const c of cases) {
      const got = await dryrun(c.user, c.args);
      if (got !== c.want) wrong.push(`${c.user} ${c.args.join(' ')}: expected ${c.want ? 'allowed' : 'denied'}`);
    }
    expect(wrong).toEqual([]);
    const allowed = cases.filter((c) => c.want).length;
    // Both sides of the matrix are well represented.
    expect(allowed).toBeGreaterThan(60);
    expect(cases.length - allowed).toBeGreaterThan(200);
  });
});
