// createApp(config) -> { httpServer, start, stop }: express + Apollo + the agent route + the console.
// It never listens: main.ts (or a test) does.
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import express, { type NextFunction, type Request, type Response } from 'express';
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import type { Logger } from 'pino';
import type { Config } from './config.js';
import { createLogger } from './log.js';
import { connectControl, connectRedis, redisOptions } from './redis/client.js';
import { getSchema } from './schema.js';
import { createContext, type AppDeps, type Ctx } from './context.js';
import { errorBody, formatError, isRedisUnavailable, unavailable, type ErrorCode } from './errors.js';
import { authenticate } from './auth/authenticate.js';
import { loadAdminTokens } from './auth/admin-token.js';
import { agentConfigRoute } from './agent/agent.route.js';
import { UsageCollector } from './usage/usage.collector.js';
import { preflightPlugin } from './common/preflight.js';
import { queryLimitsPlugin, tokenLimitMiddleware } from './ops/limits.js';
import { Metrics } from './ops/metrics.js';
import { currentRequestId, noteErrorCode, noteOutcome, observePlugin, observeRequests } from './ops/observe.js';
import { healthRoutes, watchConnection, type Readiness } from './ops/health.js';
import { securityHeaders } from './ops/headers.js';
import { AuthThrottle, throttleMiddleware } from './ops/throttle.js';
import { EventHub, type HubLimits } from './events/hub.js';
import { attachEventsWs, DEFAULT_WS_LIMITS, type EventsWs, type WsLimits } from './events/ws.js';
import { Enforcer } from './enforcement/enforcer.js';

export interface App {
  httpServer: http.Server;
  deps: AppDeps;
  /** The graphql-ws endpoint (same port, /graphql). */
  ws: EventsWs;
  /** The admin token made at this start (print it once), or null. */
  createdAdminToken: string | null;
  /** Starts background work (the usage collector). */
  start(): void;
  stop(): Promise<void>;
}

function jsonError(res: Response, status: number, code: ErrorCode, message: string) {
  noteOutcome(code);
  res.status(status).json(errorBody(message, { code }));
}

export async function createApp(config: Config, opts: { log?: Logger; events?: Partial<HubLimits & WsLimits> } = {}): Promise<App> {
  const log = opts.log ?? createLogger(config.logLevel, { format: config.logFormat });
  const metrics = new Metrics();
  const redis = await connectControl(config.redisUrl, 'memmouse', redisOptions(config, config.redisUrl));
  const data = await connectRedis(config.dataRedisUrl, 'memmouse-data', redisOptions(config, config.dataRedisUrl)).catch((err) => {
    redis.disconnect();
    throw err;
  });
  metrics.instrumentRedis(redis, 'control');
  metrics.instrumentRedis(data, 'data');
  const unwatch = [watchConnection(redis, 'control', log), watchConnection(data, 'data', log)];
  const admin = loadAdminTokens(config);
  // The enforcer has its own connections: its ACL work never queues behind (or counts as) requests.
  const enforcerControl = await connectControl(config.redisUrl, 'memmouse-enforcer', redisOptions(config, config.redisUrl));
  const enforcerData = await connectRedis(config.dataRedisUrl, 'memmouse-enforcer', redisOptions(config, config.dataRedisUrl));
  metrics.instrumentRedis(enforcerControl, 'enforcer-control');
  metrics.instrumentRedis(enforcerData, 'enforcer-data');
  const enforcer = new Enforcer(enforcerControl, enforcerData, log, config, (outcome) => metrics.reconcileRuns.inc({ outcome }));
  const usage = new UsageCollector(redis, data, log, config.usageIntervalMs, {
    afterProject: (p) => enforcer.afterUsage(p),
    defaultTtlMaxPerPass: config.defaultTtlMaxPerPass,
    onPass: (outcome) => metrics.collectorRuns.inc({ outcome }),
  });
  const events = new EventHub(
    redis,
    config.redisUrl,
    log,
    { maxQueue: opts.events?.maxQueue ?? 1_000, blockMs: opts.events?.blockMs },
    redisOptions(config, config.redisUrl),
  );
  metrics.countSubscriptions = () => events.subscribers;
  const throttle = new AuthThrottle(config.authFailLimit, config.authFailWindowSeconds * 1000);
  const deps: AppDeps = { config, redis, data, log, usage, enforcer, metrics, throttle, admin: { digests: admin.digests }, events };
  const readiness: Readiness = { stopping: false };
  const maxBody = `${Math.round(config.limits.maxBodyBytes / 1024)} kB`;

  const logUnknown = (err: unknown, requestId: string | undefined) => log.error({ err, requestId }, 'internal error');

  const app = express();
  app.disable('x-powered-by');
  // Client addresses (throttling, logs) come from X-Forwarded-For only through this many proxies.
  app.set('trust proxy', config.trustProxyHops || false);
  app.use(securityHeaders());
  app.use(observeRequests(log, metrics));
  healthRoutes(app, deps, readiness);

  app.get(
    '/v1/agent/config',
    throttleMiddleware(throttle, noteOutcome),
    agentConfigRoute(deps, (err) => {
      const requestId = currentRequestId() ?? 'unknown';
      logUnknown(err, requestId);
      return requestId;
    }),
  );

  const httpServer = http.createServer(app);
  const schema = await getSchema();
  const ws = attachEventsWs(httpServer, schema, deps, { ...DEFAULT_WS_LIMITS, ...opts.events });
  const apollo = new ApolloServer<Ctx>({
    schema,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    // No client uses APQ; on, a hash that does not match its query came out as an internal error.
    persistedQueries: false,
    // main.ts handles SIGTERM (drain, loops, Redis); Apollo's own handler would race it and hang.
    stopOnTerminationSignals: false,
    includeStacktraceInErrorResponses: false,
    // A backstop: tokenLimitMiddleware refuses longer documents before they get here.
    parseOptions: { maxTokens: config.limits.maxTokens },
    plugins: [
      ApolloServerPluginCacheControlDisabled(),
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginDrainHttpServer({ httpServer, stopGracePeriodMillis: config.shutdownGraceMs }),
      preflightPlugin,
      queryLimitsPlugin(config.limits),
      observePlugin(metrics),
    ],
    formatError: (formatted, error) => {
      const requestId = currentRequestId();
      const out = formatError(formatted, error, requestId, (err) => logUnknown(err, requestId));
      noteErrorCode(metrics, String(out.extensions?.code ?? 'INTERNAL_SERVER_ERROR'));
      return out;
    },
  });
  await apollo.start();

  app.use(
    '/graphql',
    throttleMiddleware(throttle, (code) => noteErrorCode(metrics, code)),
    express.json({ limit: config.limits.maxBodyBytes }),
    (err: Error & { type?: string; status?: number; expose?: boolean }, _req: Request, res: Response, next: NextFunction) => {
      if (err.type === 'entity.parse.failed') return jsonError(res, 400, 'BAD_REQUEST', 'The request body is not valid JSON');
      if (err.type === 'entity.too.large') return jsonError(res, 413, 'PAYLOAD_TOO_LARGE', `The request body is larger than ${maxBody} (MM_MAX_BODY_BYTES)`);
      // Other body errors (unsupported charset or encoding, aborted upload): their status, our words.
      if (err.expose && err.status && err.status >= 400 && err.status < 500) return jsonError(res, err.status, 'BAD_REQUEST', 'The request body could not be read');
      next(err);
    },
    tokenLimitMiddleware(config.limits, (code) => noteErrorCode(metrics, code)),
    expressMiddleware(apollo, {
      context: async ({ req }) => {
        const requestId = currentRequestId() ?? randomUUID();
        try {
          const viewer = await authenticate(deps, req.headers.authorization);
          return createContext(deps, viewer, requestId, req.headers.authorization ?? null);
        } catch (err) {
          throw isRedisUnavailable(err) ? unavailable() : err;
        }
      },
    }),
  );

  const web = config.webDist && existsSync(path.join(config.webDist, 'index.html')) ? config.webDist : null;
  if (web) {
    app.use(express.static(web, { index: 'index.html', maxAge: '1h' }));
    // Deep links (/projects/acme/namespaces/orders) load the console, which routes itself.
    app.get(/^\/(?!graphql|v1\/|healthz|readyz).*/, (_req, res) => res.sendFile(path.join(web, 'index.html')));
  } else {
    app.get('/', (_req, res) => {
      res.type('text').send('MemMouse is running. The console is not built: run `npm run build`. GraphQL: POST /graphql');
    });
  }
  app.use((_req: Request, res: Response) => jsonError(res, 404, 'NOT_FOUND', 'No such route'));
  app.use((err: Error, _req: Request, res: Response, _next: NextFunction) => {
    const requestId = currentRequestId();
    logUnknown(err, requestId);
    jsonError(res, 500, 'INTERNAL_SERVER_ERROR', `Internal server error (request ${requestId ?? 'unknown'})`);
  });

  let stopped = false;
  return {
    httpServer,
    deps,
    ws,
    createdAdminToken: admin.created,
    start: () => {
      usage.start();
      enforcer.start();
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      readiness.stopping = true; // /readyz answers 503 from now on
      // Side by side, so that shutdown takes the longest of them, not their sum (main exits by 10 s):
      // the HTTP drain (no new connections; requests in flight finish within MM_SHUTDOWN_GRACE_MS),
      // subscriptions closed with 1001 and their tail loops, and the background loops.
      await Promise.all([
        apollo.stop(),
        ws.stop().then(() => events.stop()),
        usage.stop(),
        enforcer.stop(),
      ]);
      if (httpServer.listening) await new Promise<void>((resolve) => httpServer.close(() => resolve()));
      for (const stopWatching of unwatch) stopWatching();
      redis.disconnect();
      data.disconnect();
      enforcer.control.disconnect();
      enforcer.data.disconnect();
    },
  };
}
