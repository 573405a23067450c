// The one error module: every error a client can see, with its stable extensions.code.
import type { Response } from 'express';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';

export type ErrorCode =
  | 'BAD_USER_INPUT'
  | 'NOT_FOUND'
  | 'ALREADY_EXISTS'
  | 'CONFLICT'
  | 'QUOTA_EXCEEDED'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'UNAVAILABLE'
  | 'QUERY_TOO_COMPLEX'
  | 'TOO_MANY_REQUESTS'
  | 'EVENTS_EXPIRED'
  | 'BAD_REQUEST'
  | 'PAYLOAD_TOO_LARGE'
  | 'INTERNAL_SERVER_ERROR';

const HTTP_STATUS: Partial<Record<ErrorCode, number>> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  UNAVAILABLE: 503,
  QUERY_TOO_COMPLEX: 400,
  TOO_MANY_REQUESTS: 429,
  BAD_REQUEST: 400,
  PAYLOAD_TOO_LARGE: 413,
};

export class AppError extends GraphQLError {
  constructor(
    readonly code: ErrorCode,
    message: string,
    extra: Record<string, unknown> = {},
  ) {
    const status = HTTP_STATUS[code];
    super(message, { extensions: { code, ...extra, ...(status ? { http: { status } } : {}) } });
  }
}

export const badInput = (field: string, message: string) =>
  new AppError('BAD_USER_INPUT', `${field}: ${message}`, { field });
export const notFound = (what: string, id: string) => new AppError('NOT_FOUND', `${what} ${id} does not exist`, { id });
export const alreadyExists = (what: string, id: string) =>
  new AppError('ALREADY_EXISTS', `${what} ${id} already exists`, { id });
export const conflict = (id: string, expected: number, actual: number) =>
  new AppError(
    'CONFLICT',
    `${id} was changed by someone else (expected version ${expected}, it is at ${actual}); reload and retry`,
    { id, expectedVersion: expected, actualVersion: actual },
  );
export const quotaExceeded = (message: string, extra: Record<string, unknown> = {}) =>
  new AppError('QUOTA_EXCEEDED', message, extra);
export const unauthenticated = () =>
  new AppError('UNAUTHENTICATED', 'A valid token is required: send Authorization: Bearer <token>');
export const forbidden = (message: string) => new AppError('FORBIDDEN', message);
/** `after` names an event older than the retained window: later events were trimmed, so resuming would skip them. */
export const eventsExpired = (after: string, oldestId: string | null) =>
  new AppError('EVENTS_EXPIRED', `after: events following ${after} are no longer retained; resume from the oldest retained event or start live`, {
    field: 'after',
    oldestId,
  });
export const subscriptionOverHttp = () =>
  new AppError('BAD_REQUEST', 'Subscriptions run over the WebSocket on /graphql (graphql-ws), not over HTTP');
export const unavailable = () => new AppError('UNAVAILABLE', 'Redis is unavailable; try again shortly');
/** A document over one of the query limits (ops/limits.ts): which limit, its maximum and the value met. */
export const queryTooComplex = (limit: string, max: number, value: number, message: string) =>
  new AppError('QUERY_TOO_COMPLEX', message, { limit, max, value });
/** Too many failed authentications from this address or with this token (ops/throttle.ts). */
export const tooManyRequests = (retryAfterSeconds: number) =>
  new AppError('TOO_MANY_REQUESTS', `Too many failed authentications; retry in ${retryAfterSeconds} s`, {
    retryAfterSeconds,
  });

/** The body of an error answered outside GraphQL (routes, refusals before Apollo), shaped like a GraphQL response. */
export const errorBody = (message: string, extensions: { code: ErrorCode } & Record<string, unknown>) => ({ errors: [{ message, extensions }] });

/** An AppError answered outside GraphQL: the status its code carries (else 400) and the same body. */
export function sendAppError(res: Response, err: AppError): void {
  const { http, ...extensions } = err.extensions as { http?: { status: number }; code: ErrorCode };
  res.status(http?.status ?? 400).json(errorBody(err.message, extensions));
}

/** Redis connection-level failures surface as UNAVAILABLE, never as raw Redis text. */
export function isRedisUnavailable(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  const m = err.message;
  return (
    /Connection is closed|Stream isn't writeable|ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE|Command timed out|MaxRetriesPerRequest|max retries per request|Command aborted due to connection close|LOADING|enableOfflineQueue/.test(
      m,
    ) ||
    (err as NodeJS.ErrnoException).code === 'ECONNREFUSED' ||
    err.name === 'MaxRetriesPerRequestError'
  );
}

// Codes graphql-js and Apollo attach themselves for malformed requests; safe to show.
const REQUEST_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);

/**
 * Decides what a client sees. Known errors pass with their code; everything else is masked with a
 * generic message and the request id, and `onUnknown` gets the original for the log.
 */
export function formatError(
  formatted: GraphQLFormattedError,
  error: unknown,
  requestId: string | undefined,
  onUnknown: (err: unknown) => void,
): GraphQLFormattedError {
  const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
  const base = { message: formatted.message, locations: formatted.locations, path: formatted.path };
  if (original instanceof AppError) {
    const { http: _http, ...extensions } = original.extensions as Record<string, unknown>;
    return { ...base, message: original.message, extensions };
  }
  if (isRedisUnavailable(original)) {
    return { ...base, message: unavailable().message, extensions: { code: 'UNAVAILABLE', requestId } };
  }
  const code = formatted.extensions?.code;
  if (typeof code === 'string' && REQUEST_CODES.has(code)) {
    return { ...base, extensions: { code } };
  }
  // graphql-js's own errors without an original error (e.g. coercion of a result) are request-shaped
  if (error instanceof GraphQLError && !error.originalError && !code) {
    return { ...base, extensions: { code: 'BAD_USER_INPUT' } };
  }
  onUnknown(original);
  return {
    message: `Internal server error (request ${requestId ?? 'unknown'})`,
    locations: formatted.locations,
    path: formatted.path,
    extensions: { code: 'INTERNAL_SERVER_ERROR', requestId },
  };
}
