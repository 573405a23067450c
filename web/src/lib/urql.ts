// The one urql client. Auth is a bearer token read per request, so signing in or out needs no
// new client; queries that depend on who is signed in use a network-only policy.
import { Client, cacheExchange, fetchExchange } from 'urql';
import { getToken } from './auth';

export const client = new Client({
  url: '/graphql',
  // Apollo's CSRF guard rejects urql's default GET queries.
  preferGetMethod: false,
  exchanges: [cacheExchange, fetchExchange],
  fetchOptions: (): RequestInit => {
    const token = getToken();
    const headers: Record<string, string> = token ? { Authorization: `Bearer ${token}` } : {};
    return { headers };
  },
});
