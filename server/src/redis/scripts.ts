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

/** Every script by command name, with its key count (undefined: the caller passes it). */
export const SCRIPTS: Record<string, { lua: string; numberOfKeys?: number }> = {
  mmCommit: { lua: lua('commit-N') },
  mmAgentConfig: { numberOfKeys: 1, lua: lua('agentConfig-1') },
  mmUnlock: { numberOfKeys: 1, lua: lua('unlock-1') },
  mmSaveUsage: { numberOfKeys: 2, lua: lua('saveUsage-2') },
};

export function defineScripts(client: Redis): ScriptedRedis {
  for (const [name, script] of Object.entries(SCRIPTS)) client.defineCommand(name, script);
  return client;
}
