import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Redis } from 'ioredis';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../config.js';
import { ensureRedis, freePort } from './local-server.js';

// Nothing listens on a port we just found free, so it stands for "no Redis answers here".
async function deadUrl() {
  return `redis://127.0.0.1:${await freePort()}`;
}

describe('ensureRedis', () => {
  it('starts a private redis-server with AOF under the data folder when the default URL does not answer', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'mm-local-'));
    const config = { ...loadConfig({ MM_DATA_DIR: dataDir }), redisUrl: await deadUrl() };
    const { config: used, local } = await ensureRedis(config);
    try {
      expect(local).not.toBeNull();
      expect(used.redisUrl).toBe(local!.url);
      expect(used.dataRedisUrl).toBe(local!.url);
      const r = new Redis(used.redisUrl);
      try {
        expect(await r.config('GET', 'appendonly')).toEqual(['appendonly', 'yes']);
        expect(await r.config('GET', 'dir')).toEqual(['dir', path.join(dataDir, 'redis')]);
      } finally {
        r.disconnect();
      }
    } finally {
      await local?.stop();
    }
  });

  it('uses a Redis that answers as it is', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'mm-local-'));
    const first = await ensureRedis({ ...loadConfig({ MM_DATA_DIR: dataDir }), redisUrl: await deadUrl() });
    try {
      const again = await ensureRedis(loadConfig({ REDIS_URL: first.local!.url }));
      expect(again.local).toBeNull();
      expect(again.config.redisUrl).toBe(first.local!.url);
    } finally {
      await first.local?.stop();
    }
  });

  it('refuses, naming REDIS_URL and hiding its password, when a REDIS_URL that was set does not answer', async () => {
    const url = (await deadUrl()).replace('redis://', 'redis://user:s3cret@');
    const err = await ensureRedis(loadConfig({ REDIS_URL: url })).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConfigError);
    expect((err as ConfigError).setting).toBe('REDIS_URL');
    expect((err as ConfigError).message).not.toContain('s3cret');
  });
});
