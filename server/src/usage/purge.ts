// Removes a deleted namespace's keys from the data Redis: incremental SCAN, UNLINK per batch.
import type { Redis } from 'ioredis';

export async function purgeKeys(data: Redis, prefix: string): Promise<number> {
  let cursor = '0';
  let removed = 0;
  do {
    const [next, batch] = await data.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
    cursor = next;
    if (batch.length) removed += await data.unlink(...batch);
  } while (cursor !== '0');
  return removed;
}
