// graphql-ws on /graphql (the HTTP port): connection_init authentication, the same document checks
// as HTTP, one shared execution per event and distinct operation, bounded per-socket buffers, and
// sockets closed when their token stops being valid.
import { randomUUID } from 'node:crypto';
import type http from 'node:http';
import {
  createSourceEventStream,
  execute,
  getOperationAST,
  getVariableValues,
  GraphQLError,
  parse,
  print,
  validate,
  type DocumentNode,
  type ExecutionArgs,
  type ExecutionResult,
  type GraphQLFormattedError,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer, type WebSocket } from 'ws';
import { createContext, type AppDeps, type Ctx } from '../context.js';
import { AppError, formatError, isRedisUnavailable } from '../errors.js';
import { authenticate } from '../auth/authenticate.js';
import type { Viewer } from '../auth/viewer.js';
import { preflight } from '../common/preflight.js';
import { checkQueryLimits, checkTokens, type QueryLimits } from '../ops/limits.js';
import { clientAddress, throttleKeys } from '../ops/throttle.js';

export interface WsLimits {
  /** Bytes a socket may have queued in its send buffer before it is closed as a slow consumer. */
  maxBufferedBytes: number;
  /** How often sockets opened with a service token re-check it (a rotation's grace may end). */
  authRecheckMs: number;
  /** Ping interval; a peer that misses a pong for as long is dropped. */
  keepAliveMs: number;
}

export const DEFAULT_WS_LIMITS: WsLimits = { maxBufferedBytes: 1 << 20, authRecheckMs: 2_000, keepAliveMs: 12_000 };

/** Close codes: 4403 as graphql-ws uses it for a refused connection_init; 1008 policy violation. */
export const CLOSE_TOKEN_INVALID = 4403;
export const CLOSE_SLOW_CONSUMER = 1008;
export const CLOSE_TRY_AGAIN = 1013;

interface Connection {
  socket: WebSocket;
  viewer: Viewer;
  authorization: string;
  valid: boolean;
}

/** The connection and graphql-ws operation id each WS context was made for. */
const operationOf = new WeakMap<Ctx, { conn: Connection; id: string }>();

/** What a feed opened over a socket needs from it; null for a context that came over HTTP. */
export function socketHooks(ctx: Ctx) {
  const conn = operationOf.get(ctx)?.conn;
  if (!conn) return null;
  return {
    authorized: () => conn.valid,
    overflow: (reason: string) => closeSlow(conn.socket, reason),
  };
}

function closeSlow(socket: WebSocket, reason: string): void {
  socket.close(CLOSE_SLOW_CONSUMER, reason);
  // A peer that stopped reading never answers the close frame: drop it rather than hold its buffer.
  setTimeout(() => socket.terminate(), 1_000).unref();
}

/**
 * The checks a document passes before it runs over WS, as over HTTP: argument rules (preflight)
 * and the query limits (depth, cost, aliases; tokens are checked before parsing). Throws a
 * GraphQLError to refuse.
 */
export function checkDocument(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> | undefined,
  limits: QueryLimits,
): void {
  const broken = checkQueryLimits(schema, document, variables, limits, operation.name?.value);
  if (broken) throw broken;
  preflight(schema, document, operation, variables);
}

/** graphql-ws closes a refused connection_init with 4403; a throttled one gets its own code. */
export const CLOSE_TOO_MANY_REQUESTS = 4429;

// Fan-out: one execution and one serialization per (event, operation key), shared by every
// subscriber of the same document and variables. Events subscriptions write their `next` frames
// themselves, as graphql-ws would (same bytes, with the subscriber's id), because building each
// frame from the shared payload text costs a string concatenation where graphql-ws would
// re-serialize the whole result for every subscriber. graphql-ws still runs the subscription's
// start, its errors and its `complete`.
const shared = new WeakMap<object, Map<string, Promise<string>>>();
export const executionStats = { executions: 0 };

function sharedPayload(event: object, key: string, run: () => Promise<string>): Promise<string> {
  let byKey = shared.get(event);
  if (!byKey) shared.set(event, (byKey = new Map()));
  let payload = byKey.get(key);
  if (!payload) {
    executionStats.executions++;
    payload = run();
    byKey.set(key, payload);
  }
  return payload;
}

/** Resolves once `frame` is handed to the OS (or the socket is gone): one frame in flight per subscriber. */
function send(socket: WebSocket, frame: string): Promise<void> {
  return new Promise((resolve) => {
    if (socket.readyState !== socket.OPEN) return resolve();
    socket.send(frame, () => resolve());
  });
}

type Format = (errors: readonly GraphQLError[], requestId: string | undefined) => GraphQLFormattedError[];

function sharedSubscribe(format: Format) {
  return async (args: ExecutionArgs) => {
    const source = await createSourceEventStream(args);
    if (!(Symbol.asyncIterator in Object(source))) return source as ExecutionResult;
    const feed = source as AsyncIterableIterator<object>;
    const ctx = args.contextValue as Ctx;
    const { conn, id } = operationOf.get(ctx)!;
    // Who may see what does not vary between admins, so the viewer's kind is part of the key.
    const key = [ctx.viewer.kind, print(args.document), args.operationName ?? '', JSON.stringify(args.variableValues ?? {})].join('\n');
    const prefix = `{"id":${JSON.stringify(id)},"type":"next","payload":`;
    const iterator: AsyncIterableIterator<ExecutionResult> = {
      [Symbol.asyncIterator]: () => iterator,
      async next() {
        try {
          for (;;) {
            const r = await feed.next();
            if (r.done) return { value: undefined, done: true };
            const payload = await sharedPayload(r.value, key, async () => {
              // Fresh loaders per execution, so a field like `namespace` reads the current document.
              const contextValue = createContext(ctx.app, ctx.viewer, ctx.requestId, ctx.authorization);
              const result = await execute({ ...args, rootValue: r.value, contextValue });
              return JSON.stringify(result.errors?.length ? { ...result, errors: format(result.errors, ctx.requestId) } : result);
            });
            await send(conn.socket, `${prefix}${payload}}`);
          }
        } catch (err) {
          // graphql-ws reports the error but does not call return() after a rejected next(): free the feed.
          await feed.return?.();
          throw err;
        }
      },
      async return() {
        await feed.return?.();
        return { value: undefined, done: true };
      },
    };
    return iterator;
  };
}

export interface EventsWs {
  /** Open sockets. */
  readonly sockets: number;
  /** Closes every socket with 1001 and stops accepting new ones. */
  stop(): Promise<void>;
}

export function attachEventsWs(httpServer: http.Server, schema: GraphQLSchema, deps: AppDeps, limits: WsLimits = DEFAULT_WS_LIMITS): EventsWs {
  const wss = new WebSocketServer({ server: httpServer, path: '/graphql', maxPayload: deps.config.limits.maxBodyBytes });
  const connections = new Map<WebSocket, Connection>();
  const logUnknown = (err: unknown, requestId: string | undefined) => deps.log.error({ err, requestId }, 'internal error');
  const format = (errors: readonly GraphQLError[], requestId: string | undefined) =>
    errors.map((e) => {
      const out = formatError(e.toJSON(), e, requestId, (err) => logUnknown(err, requestId));
      deps.metrics.errors.inc({ code: String(out.extensions?.code ?? 'INTERNAL_SERVER_ERROR') });
      return out;
    });

  const server = useServer(
    {
      schema,
      isProd: true,
      onConnect: async (ctx) => {
        const header = ctx.connectionParams?.authorization;
        // The same failed-authentication budget as HTTP, per address and per token.
        const throttled = throttleKeys(clientAddress(ctx.extra.request, deps.config.trustProxyHops), typeof header === 'string' ? header : null);
        const wait = deps.throttle.blockedFor(throttled);
        if (wait > 0) {
          ctx.extra.socket.close(CLOSE_TOO_MANY_REQUESTS, `Too many failed authentications; retry in ${Math.ceil(wait / 1000)} s`);
          return false;
        }
        let viewer: Viewer;
        try {
          viewer = await authenticate(deps, typeof header === 'string' ? header : null);
        } catch (err) {
          if (err instanceof AppError && err.code === 'UNAUTHENTICATED') {
            deps.throttle.fail(throttled);
            return false;
          }
          // Not the client's fault (Redis down, say): a retryable close, not graphql-ws's 4403.
          if (!isRedisUnavailable(err)) logUnknown(err, undefined);
          ctx.extra.socket.close(CLOSE_TRY_AGAIN, 'Try again later');
          return false;
        }
        deps.throttle.succeed(throttled);
        const socket = ctx.extra.socket;
        connections.set(socket, { socket, viewer, authorization: header as string, valid: true });
        return true;
      },
      onClose: (ctx) => {
        connections.delete(ctx.extra.socket);
      },
      context: (ctx, id) => {
        const conn = connections.get(ctx.extra.socket)!;
        const c = createContext(deps, conn.viewer, randomUUID(), conn.authorization);
        operationOf.set(c, { conn, id });
        return c;
      },
      onSubscribe: (_ctx, _id, payload) => {
        // Coded as Apollo codes them over HTTP, so clients handle both transports alike.
        const coded = (e: GraphQLError, code: string) => new GraphQLError(e.message, { nodes: e.nodes, source: e.source, positions: e.positions, extensions: { code } });
        const tooLong = checkTokens(payload.query, deps.config.limits);
        if (tooLong) return [tooLong];
        let document: DocumentNode;
        try {
          document = parse(payload.query);
        } catch (err) {
          return [coded(err as GraphQLError, 'GRAPHQL_PARSE_FAILED')];
        }
        const invalid = validate(schema, document);
        if (invalid.length) return invalid.map((e) => coded(e, 'GRAPHQL_VALIDATION_FAILED'));
        const operation = getOperationAST(document, payload.operationName);
        if (!operation) return [new GraphQLError('Unable to identify operation')];
        const variableValues = payload.variables ?? undefined;
        // Variables that do not fit their types are the caller's error, as over HTTP (not a masked
        // internal error from inside the execution).
        const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variableValues ?? {});
        if (coerced.errors) return coerced.errors.map((e) => coded(e, 'BAD_USER_INPUT'));
        try {
          checkDocument(schema, document, operation, coerced.coerced, deps.config.limits);
        } catch (err) {
          if (err instanceof GraphQLError) return [err];
          throw err;
        }
        return { schema, document, operationName: payload.operationName ?? null, variableValues };
      },
      subscribe: sharedSubscribe(format),
      onNext: (_ctx, _id, _payload, args, result) => {
        if (!result.errors?.length) return;
        const requestId = (args.contextValue as Ctx | undefined)?.requestId;
        return { ...result, errors: format(result.errors, requestId) };
      },
      onError: (_ctx, _id, _payload, errors) => format(errors, randomUUID()),
    },
    wss,
    limits.keepAliveMs,
  );

  // Back-pressure past the queue: a socket whose send buffer keeps growing is closed.
  const pressure = setInterval(() => {
    for (const conn of connections.values()) {
      if (conn.socket.bufferedAmount > limits.maxBufferedBytes) closeSlow(conn.socket, `Slow consumer: more than ${limits.maxBufferedBytes} bytes unsent`);
    }
  }, 250);
  pressure.unref();

  // Admin tokens are static; a service token may be rotated (its grace ends) or its service deleted.
  let rechecking = false;
  const recheck = setInterval(async () => {
    if (rechecking) return;
    rechecking = true;
    try {
      const byToken = new Map<string, Connection[]>();
      for (const conn of connections.values()) {
        if (conn.viewer.kind !== 'SERVICE' || !conn.valid) continue;
        byToken.set(conn.authorization, [...(byToken.get(conn.authorization) ?? []), conn]);
      }
      for (const [authorization, conns] of byToken) {
        try {
          await authenticate(deps, authorization);
        } catch (err) {
          if (!(err instanceof AppError && err.code === 'UNAUTHENTICATED')) continue; // Redis down: try again next round
          for (const conn of conns) {
            conn.valid = false;
            conn.socket.close(CLOSE_TOKEN_INVALID, 'Token no longer valid');
          }
        }
      }
    } finally {
      rechecking = false;
    }
  }, limits.authRecheckMs);
  recheck.unref();

  return {
    get sockets() {
      return wss.clients.size;
    },
    async stop() {
      clearInterval(recheck);
      clearInterval(pressure);
      // Peers that do not answer the close handshake are cut after a second.
      const cut = setTimeout(() => {
        for (const socket of wss.clients) socket.terminate();
      }, 1_000);
      await server.dispose();
      clearTimeout(cut);
    },
  };
}
