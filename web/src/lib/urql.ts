// The one urql client: document cache, POST fetches and a graphql-ws subscription exchange.
// Auth is a bearer token read per request (and per WebSocket connection), so signing in or out
// needs no new client; a rejected token signs out here, in one place.
import { Client, cacheExchange, fetchExchange, mapExchange, subscriptionExchange } from 'urql';
import { createClient as createWsClient, type Client as WsClient } from 'graphql-ws';
import { clearToken, getToken } from './auth';
import { isUnauthenticated } from './errors';

export function wsUrl(): string {
  const { protocol, host } = window.location;
  return `${protocol === 'https:' ? 'wss:' : 'ws:'}//${host}/graphql`;
}

export function authHeaders(token = getToken()): Record<string, string> {
  return token ? { Authorization: `Bearer ${token}` } : {};
}

let ws: WsClient | null = null;

// Whether the WebSocket is up, for the "Live" badges: connecting until acknowledged.
export type SocketState = 'connecting' | 'live';
let socketState: SocketState = 'connecting';
let socketUps = 0;
const socketListeners = new Set<() => void>();
/** What the graphql-ws client reports (tests report it too). */
export function reportSocket(s: SocketState) {
  if (s === 'live' && socketState !== 'live') socketUps++;
  socketState = s;
  socketListeners.forEach((l) => l());
}
export const socketStatus = {
  get: () => socketState,
  /** How many times the socket came up: from the second on, it came back after a drop. */
  ups: () => socketUps,
  subscribe(listener: () => void) {
    socketListeners.add(listener);
    return () => void socketListeners.delete(listener);
  },
};

/** One lazy WebSocket, opened by the first subscription; its connection_init carries the token. */
export function websocket(): WsClient {
  ws ??= createWsClient({
    url: wsUrl(),
    lazy: true,
    retryAttempts: Infinity,
    shouldRetry: () => true,
    on: {
      connected: () => reportSocket('live'),
      closed: () => reportSocket('connecting'),
    },
    connectionParams: () => {
      const token = getToken();
      return token ? { authorization: `Bearer ${token}` } : {};
    },
  });
  return ws;
}

/** After sign-out (or a new sign-in) live subscriptions must reconnect with the new token. */
export function resetWebsocket(): void {
  const old = ws;
  ws = null;
  void old?.dispose();
}

export const client = new Client({
  url: '/graphql',
  // Apollo's CSRF guard rejects urql's default GET queries.
  preferGetMethod: false,
  exchanges: [
    mapExchange({
      onError(error) {
        if (isUnauthenticated(error) && getToken()) clearToken('Your token was not accepted (expired or revoked). Sign in again.');
      },
    }),
    cacheExchange,
    fetchExchange,
    subscriptionExchange({
      forwardSubscription(request) {
        const input = { ...request, query: request.query ?? '' };
        return {
          subscribe(sink) {
            const unsubscribe = websocket().subscribe(input, sink);
            return { unsubscribe };
          },
        };
      },
    }),
  ],
  fetchOptions: (): RequestInit => ({ headers: authHeaders() }),
});
