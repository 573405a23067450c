// The one place a CombinedError becomes something to show, decided by extensions.code.
import type { CombinedError } from 'urql';

export function errorCodes(error: CombinedError): string[] {
  return error.graphQLErrors.map((e) => e.extensions?.code).filter((c): c is string => typeof c === 'string');
}

export function isUnauthenticated(error: CombinedError): boolean {
  // A 401 without a GraphQL body (e.g. from a proxy) means the same thing.
  const status = (error.response as Response | undefined)?.status;
  return errorCodes(error).includes('UNAUTHENTICATED') || status === 401;
}

export function errorMessage(error: CombinedError): string {
  if (error.networkError) return 'Cannot reach the MemMouse server. Is it running?';
  const [code] = errorCodes(error);
  switch (code) {
    case 'UNAUTHENTICATED':
      return 'That token was not accepted. Sign in with an admin token.';
    case 'FORBIDDEN':
      return 'This token may not do that. The console needs an admin token.';
    case 'UNAVAILABLE':
      return 'Redis is unavailable right now; try again shortly.';
    default:
      return error.graphQLErrors[0]?.message ?? error.message;
  }
}
