// npm run -s events:export -- --project acme: a project's retained events, oldest first, one JSON
// object per line (the same shape `npm run listen` prints), read from REDIS_URL like seed and reindex.
import 'reflect-metadata';
import { once } from 'node:events';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../config.js';
import { connectRedis } from '../redis/client.js';
import { keys } from '../redis/keys.js';
import { parseEntry } from '../events/event.repo.js';
import type { Event } from '../events/event.type.js';

const PAGE = 1_000;

/** The listener's field order (its EventLine fragment), so both tools write identical lines. */
export const eventLine = (e: Event) =>
  JSON.stringify({
    id: e.id,
    type: e.type,
    at: e.at,
    actor: { kind: e.actor.kind, id: e.actor.id },
    projectId: e.projectId,
    namespaceId: e.namespaceId ?? null,
    serviceId: e.serviceId ?? null,
    bindingId: e.bindingId ?? null,
    before: e.before ?? null,
    after: e.after ?? null,
    requestId: e.requestId ?? null,
  });

async function main() {
  let project: string | undefined;
  try {
    project = parseArgs({ options: { project: { type: 'string' } }, strict: true }).values.project?.replace(/^project:/, '');
  } catch (err) {
    console.error(`events:export: ${(err as Error).message}`);
    process.exit(2);
  }
  if (!project) {
    console.error('usage: npm run -s events:export -- --project <slug>   (REDIS_URL as for the server)');
    process.exit(2);
  }
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    console.error(`events:export: ${err instanceof ConfigError ? err.message : String(err)}`);
    process.exit(2);
  }
  const redis = await connectRedis(config.redisUrl, 'memmouse-export');
  try {
    if (!(await redis.exists(keys.project(project)))) {
      console.error(`events:export: project ${project} does not exist`);
      process.exitCode = 1;
      return;
    }
    let start = '-';
    for (;;) {
      const entries = (await redis.xrange(keys.events(project), start, '+', 'COUNT', PAGE)) as [string, string[]][];
      for (const entry of entries) {
        if (!process.stdout.write(`${eventLine(parseEntry(entry))}\n`)) await once(process.stdout, 'drain');
      }
      if (entries.length < PAGE) break;
      start = `(${entries.at(-1)![0]}`;
    }
  } finally {
    redis.disconnect();
  }
}

await main();
