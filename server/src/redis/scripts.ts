// Lua scripts, loaded once per client with defineCommand (EVALSHA, falling back to EVAL on NOSCRIPT).
import { readFileSync } from 'node:fs';
import type { Redis, Result } from 'ioredis';

const lua = (name: string) => readFileSync(new URL(`./lua/${name}.lua`, import.meta.url), 'utf8');

declare module 'ioredis' {
  interface RedisCommander<Context> {
    mmCommit(numKeys: number, ...args: string[]): Result<string[], Context>;
    mmAgentConfig(key: string, ...args: string[]): Result<string[], Context>;
    mmUnlock(key: string, token: string): Result<number, Context>;
    mmSaveUsage(indexKey: string, usageKey: string, ...args: string[]): Result<number, Context>;
  }
}

export type ScriptedRedis = Redis;

export function defineScripts(client: Redis): ScriptedRedis {
  client.defineCommand('mmCommit', { lua: lua('commit-N') });
  client.defineCommand('mmAgentConfig', { numberOfKeys: 1, lua: lua('agentConfig-1') });
  client.defineCommand('mmUnlock', { numberOfKeys: 1, lua: lua('unlock-1') });
  client.defineCommand('mmSaveUsage', { numberOfKeys: 2, lua: lua('saveUsage-2') });
  return client;
}
