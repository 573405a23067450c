// createContext(): the caller's identity plus fresh DataLoaders, made per request (HTTP and WS alike).
import { randomUUID } from 'node:crypto';
import DataLoader from 'dataloader';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { Config } from './config.js';
import type { ControlRedis } from './redis/client.js';
import type { Viewer } from './auth/viewer.js';
import type { EventRecord, EventTypeName } from './events/event.record.js';
import { redact } from './events/event.record.js';
import { projectId } from './common/ids.js';
import type { UsageCollector } from './usage/usage.collector.js';
import type { Metrics } from './ops/metrics.js';
import type { AuthThrottle } from './ops/throttle.js';
import type { EventHub } from './events/hub.js';
import type { Enforcer } from './enforcement/enforcer.js';

/** Long-lived things a request needs; built once by createApp. */
export interface AppDeps {
  config: Config;
  redis: ControlRedis;
  data: Redis;
  log: Logger;
  usage: UsageCollector;
  metrics: Metrics;
  /** Failed-authentication budget per address and token, shared by HTTP and WebSocket. */
  throttle: AuthThrottle;
  /** Makes the data Redis obey what a commit recorded (called by mutate after every commit). */
  enforcer: Enforcer;
  admin: { digests: Buffer[] };
  /** Live event feeds (tail loops) of this process. */
  events: EventHub;
}

export interface Loaders {
  /** JSON documents by key (one MGET per tick). */
  doc: DataLoader<string, unknown>;
  /** Whole hashes by key (HGETALL, pipelined: one round trip per tick). */
  hash: DataLoader<string, Record<string, string>>;
}

export interface Ctx {
  requestId: string;
  viewer: Viewer;
  /** The raw Authorization header (the agent config re-checks the service token itself). */
  authorization: string | null;
  app: AppDeps;
  loaders: Loaders;
}

function makeLoaders(redis: ControlRedis): Loaders {
  return {
    doc: new DataLoader(async (keyList) => {
      const raw = await redis.mget(...(keyList as string[]));
      return raw.map((v) => (v === null ? null : JSON.parse(v)));
    }),
    hash: new DataLoader(async (keyList) => {
      const pipeline = redis.pipeline();
      for (const key of keyList) pipeline.hgetall(key);
      const replies = (await pipeline.exec()) ?? [];
      return keyList.map((_, i) => {
        const [err, value] = replies[i] ?? [new Error('no reply'), null];
        return err ?? (value as Record<string, string>);
      });
    }),
  };
}

export function createContext(
  app: AppDeps,
  viewer: Viewer,
  requestId: string = randomUUID(),
  authorization: string | null = null,
): Ctx {
  return { requestId, viewer, authorization, app, loaders: makeLoaders(app.redis) };
}

/** Forget what this request has read (before a mutation reads, and after it writes). */
export function clearLoaders(ctx: Ctx): void {
  ctx.loaders.doc.clearAll();
  ctx.loaders.hash.clearAll();
}

export function event(
  ctx: Ctx,
  type: EventTypeName,
  ids: { project: string; namespace?: string | null; service?: string | null; binding?: string | null },
  before: object | null,
  after: object | null,
): EventRecord {
  return {
    type,
    at: new Date().toISOString(),
    actor: { kind: ctx.viewer.kind, id: ctx.viewer.id },
    projectId: projectId(ids.project),
    namespaceId: ids.namespace ?? null,
    serviceId: ids.service ?? null,
    bindingId: ids.binding ?? null,
    before: redact(before),
    after: redact(after),
    requestId: ctx.requestId,
  };
}
