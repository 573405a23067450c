import type { EvictionPolicy } from '../../gql/graphql';

/** One line per choice, shown under the select: what gives way when the namespace is full. */
export const EVICTION: { value: EvictionPolicy; label: string; explain: string }[] = [
  { value: 'NOEVICTION', label: 'No eviction', explain: 'Nothing is evicted: writes are refused once the quota is reached (a hard quota).' },
  { value: 'ALLKEYS_LRU', label: 'All keys, LRU', explain: 'Evicts the keys used least recently, whether or not they have a TTL.' },
  { value: 'ALLKEYS_LFU', label: 'All keys, LFU', explain: 'Evicts the keys used least often, whether or not they have a TTL.' },
  { value: 'ALLKEYS_RANDOM', label: 'All keys, random', explain: 'Evicts keys at random.' },
  { value: 'VOLATILE_LRU', label: 'Keys with a TTL, LRU', explain: 'Evicts the least recently used keys among those that have a TTL; others are kept.' },
  { value: 'VOLATILE_LFU', label: 'Keys with a TTL, LFU', explain: 'Evicts the least often used keys among those that have a TTL; others are kept.' },
  { value: 'VOLATILE_RANDOM', label: 'Keys with a TTL, random', explain: 'Evicts random keys among those that have a TTL.' },
  { value: 'VOLATILE_TTL', label: 'Keys with a TTL, soonest expiry', explain: 'Evicts the keys closest to expiring first.' },
];

export function evictionLabel(value: string): string {
  return EVICTION.find((e) => e.value === value)?.label ?? value;
}
