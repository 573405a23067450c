// The demo: three teams sharing one Redis. Sizes are deliberately uneven so usage bars differ.
import type { Eviction } from '../namespaces/namespace.record.js';
import type { ScopeName } from '../services/service.type.js';
import type { AccessName } from '../bindings/binding.record.js';

const MiB = 1024 * 1024;

export interface DemoProject {
  slug: string;
  name: string;
  quotaBytes: number;
  namespaces: {
    slug: string;
    name: string;
    policy: { quotaBytes: number; defaultTtlSeconds: number | null; eviction: Eviction };
    /** Sample keys: kind, name pattern, count and value size in bytes. */
    sample: { kind: 'string' | 'hash' | 'list' | 'zset' | 'stream'; name: string; count: number; size: number };
  }[];
  services: { slug: string; name: string; scopes: ScopeName[] }[];
  bindings: {
    namespace: string;
    service: string;
    permissions: AccessName[];
    patterns: string[];
    scopes: ScopeName[];
    rate?: { readRps: number | null; writeRps: number | null };
  }[];
}

export const DEMO: DemoProject[] = [
  {
    slug: 'acme',
    name: 'Acme Shop',
    quotaBytes: 1024 * MiB,
    namespaces: [
      {
        slug: 'orders',
        name: 'Orders',
        policy: { quotaBytes: 256 * MiB, defaultTtlSeconds: null, eviction: 'NOEVICTION' },
        sample: { kind: 'hash', name: 'order:{i}', count: 120, size: 900 },
      },
      {
        slug: 'sessions',
        name: 'User sessions',
        policy: { quotaBytes: 64 * MiB, defaultTtlSeconds: 3600, eviction: 'VOLATILE_LRU' },
        sample: { kind: 'string', name: 'sess:{i}', count: 200, size: 300 },
      },
      {
        slug: 'cache',
        name: 'Product cache',
        policy: { quotaBytes: 128 * MiB, defaultTtlSeconds: 600, eviction: 'ALLKEYS_LRU' },
        sample: { kind: 'string', name: 'product:{i}', count: 80, size: 4000 },
      },
    ],
    services: [
      { slug: 'checkout', name: 'Checkout API', scopes: ['STRING', 'HASH', 'LIST', 'STREAM'] },
      { slug: 'billing', name: 'Billing worker', scopes: ['STRING', 'HASH', 'SORTED_SET'] },
      { slug: 'web', name: 'Storefront', scopes: ['STRING', 'HASH'] },
    ],
    bindings: [
      { namespace: 'orders', service: 'checkout', permissions: ['READ', 'WRITE'], patterns: ['order:*', 'cart:*'], scopes: ['HASH', 'STRING'], rate: { readRps: 2000, writeRps: 500 } },
      { namespace: 'orders', service: 'billing', permissions: ['READ'], patterns: ['order:*'], scopes: ['HASH'], rate: { readRps: 500, writeRps: null } },
      { namespace: 'sessions', service: 'web', permissions: ['READ', 'WRITE'], patterns: ['sess:*'], scopes: ['STRING'] },
      { namespace: 'cache', service: 'web', permissions: ['READ', 'WRITE'], patterns: ['*'], scopes: ['STRING', 'HASH'] },
      { namespace: 'cache', service: 'checkout', permissions: ['READ'], patterns: ['product:*'], scopes: ['STRING'] },
    ],
  },
  {
    slug: 'globex',
    name: 'Globex Games',
    quotaBytes: 0,
    namespaces: [
      {
        slug: 'leaderboard',
        name: 'Leaderboards',
        policy: { quotaBytes: 32 * MiB, defaultTtlSeconds: null, eviction: 'NOEVICTION' },
        sample: { kind: 'zset', name: 'board:{i}', count: 12, size: 400 },
      },
      {
        slug: 'matches',
        name: 'Match events',
        policy: { quotaBytes: 0, defaultTtlSeconds: 86400, eviction: 'VOLATILE_TTL' },
        sample: { kind: 'stream', name: 'match:{i}', count: 25, size: 60 },
      },
    ],
    services: [
      { slug: 'game-api', name: 'Game API', scopes: ['STRING', 'SORTED_SET', 'STREAM', 'PUBSUB'] },
      { slug: 'analytics', name: 'Analytics', scopes: ['SORTED_SET', 'STREAM'] },
    ],
    bindings: [
      { namespace: 'leaderboard', service: 'game-api', permissions: ['READ', 'WRITE'], patterns: ['board:*'], scopes: ['SORTED_SET'], rate: { readRps: 5000, writeRps: 1000 } },
      { namespace: 'matches', service: 'game-api', permissions: ['WRITE'], patterns: ['match:*'], scopes: ['STREAM', 'PUBSUB'] },
      { namespace: 'matches', service: 'analytics', permissions: ['READ'], patterns: ['match:*'], scopes: ['STREAM'] },
      { namespace: 'leaderboard', service: 'analytics', permissions: ['READ'], patterns: ['*'], scopes: ['SORTED_SET'] },
    ],
  },
  {
    slug: 'initech',
    name: 'Initech Reports',
    quotaBytes: 256 * MiB,
    namespaces: [
      {
        slug: 'reports',
        name: 'TPS reports',
        policy: { quotaBytes: 96 * MiB, defaultTtlSeconds: null, eviction: 'ALLKEYS_LFU' },
        sample: { kind: 'list', name: 'report:{i}', count: 30, size: 150 },
      },
    ],
    services: [{ slug: 'tps', name: 'TPS service', scopes: ['LIST', 'STRING'] }],
    bindings: [{ namespace: 'reports', service: 'tps', permissions: ['READ', 'WRITE'], patterns: ['report:*'], scopes: ['LIST'] }],
  },
];
