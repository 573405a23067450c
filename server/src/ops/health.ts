// /healthz (the process answers), /readyz (it can serve: Redis reachable, scripts loaded, not
// stopping) and /metrics (Prometheus text).
import { createHash } from 'node:crypto';
import type { Express } from 'express';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { SCRIPTS } from '../redis/scripts.js';
import type { Metrics } from './metrics.js';

const SHAS = Object.values(SCRIPTS).map((s) => ({ lua: s.lua, sha: createHash('sha1').update(s.lua).digest('hex') }));

/**
 * Loads any script the control Redis lacks (after a restart or SCRIPT FLUSH, say), so that it
 * is ready before the first write needs it. Returns how many were missing.
 */
export async function ensureScripts(redis: Redis): Promise<number> {
  const present = (await redis.script('EXISTS', ...SHAS.map((s) => s.sha))) as number[];
  const missing = SHAS.filter((_, i) => present[i] !== 1);
  for (const s of missing) await redis.script('LOAD', s.lua);
  return missing.length;
}

/**
 * Logs when a connection is lost and when it is back (once each, not every reconnect attempt).
 * Returns the function that stops watching (before a deliberate disconnect).
 */
export function watchConnection(client: Redis, label: string, log: Logger): () => void {
  let lost = false;
  const onClose = () => {
    if (lost) return;
    lost = true;
    log.warn({ redis: label }, 'Redis connection lost; requests answer UNAVAILABLE until it is back');
  };
  const onReady = () => {
    if (!lost) return;
    lost = false;
    log.info({ redis: label }, 'Redis connection restored');
  };
  client.on('close', onClose);
  client.on('ready', onReady);
  return () => {
    client.off('close', onClose);
    client.off('ready', onReady);
  };
}

export interface Readiness {
  /** Set when shutdown begins: load balancers should stop sending before the listener closes. */
  stopping: boolean;
}

export function healthRoutes(app: Express, deps: { redis: Redis; data: Redis; metrics: Metrics }, readiness: Readiness) {
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    if (readiness.stopping) return void res.status(503).json({ status: 'stopping' });
    const [control, data] = await Promise.allSettled([
      ensureScripts(deps.redis),
      deps.data.ping(),
    ]);
    const checks = {
      redis: control.status === 'fulfilled' ? 'ok' : 'unavailable',
      scripts: control.status === 'fulfilled' ? 'loaded' : 'unknown',
      dataRedis: data.status === 'fulfilled' ? 'ok' : 'unavailable',
    };
    const ready = control.status === 'fulfilled' && data.status === 'fulfilled';
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'unavailable', checks });
  });
  app.get('/metrics', async (_req, res) => {
    res.setHeader('Content-Type', deps.metrics.registry.contentType);
    res.send(await deps.metrics.registry.metrics());
  });
}
