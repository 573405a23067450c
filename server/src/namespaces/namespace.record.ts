export type Eviction =
  | 'NOEVICTION'
  | 'ALLKEYS_LRU'
  | 'ALLKEYS_LFU'
  | 'ALLKEYS_RANDOM'
  | 'VOLATILE_LRU'
  | 'VOLATILE_LFU'
  | 'VOLATILE_RANDOM'
  | 'VOLATILE_TTL';

export interface NamespaceDoc {
  project: string;
  slug: string;
  name: string;
  status: 'ACTIVE' | 'FROZEN';
  policy: { quotaBytes: number; defaultTtlSeconds: number | null; eviction: Eviction };
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface UsageSample {
  usedBytes: number;
  keyCount: number;
  sampledAt: string;
}
