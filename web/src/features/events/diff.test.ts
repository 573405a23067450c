import { describe, expect, it } from 'vitest';
import { diffRows } from './diff';

describe('event diffs', () => {
  it('lists only what changed, in the units of each field, without bookkeeping', () => {
    const before = { version: 3, updatedAt: 'a', name: 'Carts', policy: { quotaBytes: 1073741824, defaultTtlSeconds: 3600, eviction: 'NOEVICTION' } };
    const after = { version: 4, updatedAt: 'b', name: 'Carts', policy: { quotaBytes: 2147483648, defaultTtlSeconds: null, eviction: 'NOEVICTION' } };
    expect(diffRows(before, after)).toEqual([
      { path: 'policy.defaultTtlSeconds', before: { text: '1h', exact: '3600 seconds' }, after: { text: 'none' } },
      { path: 'policy.quotaBytes', before: { text: '1 GiB', exact: '1,073,741,824 bytes' }, after: { text: '2 GiB', exact: '2,147,483,648 bytes' } },
    ]);
  });

  it('shows a creation as fields that appear, lists as lists', () => {
    expect(diffRows(null, { patterns: ['cart:*', 'basket:*'], rate: { readRps: 1000, writeRps: null } })).toEqual([
      { path: 'patterns', before: undefined, after: { text: 'cart:*, basket:*' } },
      { path: 'rate.readRps', before: undefined, after: { text: '1,000/s' } },
      { path: 'rate.writeRps', before: undefined, after: { text: 'unlimited' } },
    ]);
  });
});
