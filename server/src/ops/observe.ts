// One log line and one set of metrics per HTTP request: request id, route, status, duration, and
// for GraphQL the operation, the actor and the outcome (ok or the first error code).
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import type { ApolloServerPlugin } from '@apollo/server';
import type { Logger } from 'pino';
import type { Ctx } from '../context.js';
import type { Metrics } from './metrics.js';

export interface RequestInfo {
  requestId: string;
  operation?: string;
  operationType?: string;
  actor?: string;
  /** extensions.code of each error the client was sent. */
  codes: string[];
}

export const requestScope = new AsyncLocalStorage<RequestInfo>();
export const currentRequestId = (): string | undefined => requestScope.getStore()?.requestId;

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** A fixed set of route labels: paths come from clients and must not become label values. */
function routeOf(path: string): string {
  if (path === '/graphql' || path === '/v1/agent/config' || path === '/healthz' || path === '/readyz' || path === '/metrics') return path;
  return 'other';
}

/** Notes an error code the client is sent (called from formatError). */
export function noteErrorCode(metrics: Metrics, code: string): void {
  metrics.errors.inc({ code });
  noteOutcome(code);
}

/** Notes the code of an error answered outside GraphQL (bad JSON, unknown route), for the log line. */
export function noteOutcome(code: string): void {
  requestScope.getStore()?.codes.push(code);
}

export function observeRequests(log: Logger, metrics: Metrics) {
  return (req: Request, res: Response, next: NextFunction) => {
    const given = req.headers['x-request-id'];
    const info: RequestInfo = { requestId: typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID(), codes: [] };
    res.setHeader('X-Request-Id', info.requestId);
    const started = process.hrtime.bigint();
    const path = req.path; // mounted routers rewrite req.url (and so req.path) on the way
    res.on('finish', () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const route = routeOf(path);
      metrics.httpRequests.inc({ route, method: req.method, status: String(res.statusCode) });
      metrics.httpDuration.observe({ route }, seconds);
      if (route === '/metrics' || route === '/healthz' || route === '/readyz') return; // probes: counted, not logged
      const outcome = info.codes[0] ?? (res.statusCode < 400 ? 'ok' : `HTTP_${res.statusCode}`);
      // The path only: a query string may carry a whole GET operation and its variables.
      log[res.statusCode >= 500 ? 'warn' : 'info'](
        {
          requestId: info.requestId,
          method: req.method,
          path,
          status: res.statusCode,
          durationMs: Math.round(seconds * 1e4) / 10,
          operation: info.operation,
          operationType: info.operationType,
          actor: info.actor,
          outcome,
        },
        'request',
      );
    });
    requestScope.run(info, next);
  };
}

/**
 * GraphQL operations: their metrics, and what the request log line says about them. An answer
 * made only of UNAVAILABLE errors (Redis is down) is sent as 503, so load balancers see it.
 */
export function observePlugin(metrics: Metrics): ApolloServerPlugin<Ctx> {
  return {
    async requestDidStart({ contextValue }) {
      const started = process.hrtime.bigint();
      const info = requestScope.getStore();
      if (info) info.actor = contextValue.viewer ? `${contextValue.viewer.kind}:${contextValue.viewer.id}` : undefined;
      let operation = 'unknown';
      let type = 'unknown';
      return {
        async didResolveOperation({ operationName, operation: op }) {
          operation = metrics.operationLabel(operationName);
          type = op?.operation ?? 'unknown';
          if (info) {
            info.operation = operationName ?? undefined;
            info.operationType = type;
          }
        },
        async willSendResponse({ response }) {
          const body = response.body.kind === 'single' ? response.body.singleResult : null;
          const errors = body?.errors ?? [];
          metrics.operations.inc({ operation, type, outcome: errors.length ? 'error' : 'ok' });
          metrics.operationDuration.observe({ operation, type }, Number(process.hrtime.bigint() - started) / 1e9);
          if (errors.length && body?.data == null && errors.every((e) => e.extensions?.code === 'UNAVAILABLE')) {
            response.http.status = 503;
            response.http.headers.set('retry-after', '1');
          }
        },
      };
    },
  };
}
