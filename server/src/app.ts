// createApp(config) -> { httpServer, start, stop }: express + Apollo + the agent route + the console.
// It never listens: main.ts (or a test) does.
import { AsyncLocalStorage } from 'node:async_hooks';
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
import { connectControl, connectRedis } from './redis/client.js';
import { getSchema } from './schema.js';
import { createContext, type AppDeps, type Ctx } from './context.js';
import { formatError, isRedisUnavailable, unavailable } from './errors.js';
import { authenticate } from './auth/authenticate.js';
import { loadAdminTokens } from './auth/admin-token.js';
import { agentConfigRoute } from './agent/agent.route.js';
import { UsageCollector } from './usage/usage.collector.js';
import { preflightPlugin } from './common/preflight.js';
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

const requestScope = new AsyncLocalStorage<{ requestId: string }>();
const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

function jsonError(res: Response, status: number, code: string, message: string) {
  res.status(status).json({ errors: [{ message, extensions: { code } }] });
}

export async function createApp(config: Config, opts: { log?: Logger; events?: Partial<HubLimits & WsLimits> } = {}): Promise<App> {
  const log = opts.log ?? createLogger(config.logLevel);
  const redis = await connectControl(config.redisUrl, 'memmouse');
  const data = await connectRedis(config.dataRedisUrl, 'memmouse-data');
  const admin = loadAdminTokens(config);
  // The enforcer has its own connections: its ACL work never queues behind (or counts as) requests.
  const enforcerControl = await connectControl(config.redisUrl, 'memmouse-enforcer');
  const enforcer = new Enforcer(enforcerControl, await connectRedis(config.dataRedisUrl, 'memmouse-enforcer'), log, config);
  const usage = new UsageCollector(redis, data, log, config.usageIntervalMs, {
    afterProject: (p) => enforcer.afterUsage(p),
    defaultTtlMaxPerPass: config.defaultTtlMaxPerPass,
  });
  const events = new EventHub(redis, config.redisUrl, log, { maxQueue: opts.events?.maxQueue ?? 1_000, blockMs: opts.events?.blockMs });
  const deps: AppDeps = { config, redis, data, log, usage, enforcer, admin: { digests: admin.digests }, events };

  const logUnknown = (err: unknown, requestId: string | undefined) => log.error({ err, requestId }, 'internal error');

  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', false);
  app.use((req, res, next) => {
    const given = req.headers['x-request-id'];
    const requestId = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    res.setHeader('X-Request-Id', requestId);
    requestScope.run({ requestId }, next);
  });

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    try {
      await redis.ping();
      res.json({ status: 'ready' });
    } catch {
      res.status(503).json({ status: 'unavailable' });
    }
  });

  app.get(
    '/v1/agent/config',
    agentConfigRoute(deps, (err) => {
      const requestId = requestScope.getStore()?.requestId ?? 'unknown';
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
    includeStacktraceInErrorResponses: false,
    plugins: [
      ApolloServerPluginCacheControlDisabled(),
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginDrainHttpServer({ httpServer }),
      preflightPlugin,
    ],
    formatError: (formatted, error) => {
      const requestId = requestScope.getStore()?.requestId;
      return formatError(formatted, error, requestId, (err) => logUnknown(err, requestId));
    },
  });
  await apollo.start();

  app.use(
    '/graphql',
    express.json({ limit: '100kb' }),
    (err: Error & { type?: string }, _req: Request, res: Response, next: NextFunction) => {
      if (err.type === 'entity.parse.failed') return jsonError(res, 400, 'BAD_REQUEST', 'The request body is not valid JSON');
      if (err.type === 'entity.too.large') return jsonError(res, 413, 'PAYLOAD_TOO_LARGE', 'The request body is larger than 100 kB');
      next(err);
    },
    expressMiddleware(apollo, {
      context: async ({ req }) => {
        const requestId = requestScope.getStore()?.requestId ?? randomUUID();
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
    const requestId = requestScope.getStore()?.requestId;
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
      await usage.stop();
      await ws.stop(); // sockets closed with 1001 (going away)
      events.stop(); // and every tail loop with them
      await enforcer.stop();
      await apollo.stop();
      if (httpServer.listening) await new Promise<void>((resolve) => httpServer.close(() => resolve()));
      redis.disconnect();
      data.disconnect();
      enforcer.control.disconnect();
      enforcer.data.disconnect();
    },
  };
}
