// Runs one admin operation from the command line against the configured Redis.
import 'reflect-metadata';
import { ConfigError, loadConfig } from '../config.js';
import { createApp } from '../app.js';
import { createContext, type Ctx } from '../context.js';
import { AppError } from '../errors.js';

export function parseFlags(argv: string[], known: string[]): Record<string, boolean> {
  const flags: Record<string, boolean> = {};
  for (const arg of argv) {
    const name = arg.replace(/^--/, '');
    if (!arg.startsWith('--') || !known.includes(name)) {
      console.error(`unknown argument ${arg}; known: ${known.map((k) => `--${k}`).join(' ')}`);
      process.exit(2);
    }
    flags[name] = true;
  }
  return flags;
}

export async function runCli(run: (ctx: Ctx) => Promise<unknown>): Promise<void> {
  try {
    const config = { ...loadConfig(), usageIntervalMs: 0 };
    const app = await createApp(config, {});
    try {
      const result = await run(createContext(app.deps, { kind: 'SYSTEM', id: 'cli' }));
      console.log(JSON.stringify(result, null, 2));
    } finally {
      await app.stop();
    }
  } catch (err) {
    if (err instanceof AppError || err instanceof ConfigError) {
      console.error(`error: ${err.message}`);
      process.exit(1);
    }
    console.error(`error: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  }
}
