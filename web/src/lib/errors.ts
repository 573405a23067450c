// The one place an error becomes something to show, decided by extensions.code. Forms put a
// BAD_USER_INPUT next to the field its extensions.field names; everything else becomes a toast.
import type { CombinedError } from 'urql';
import { formatBytes } from './format';

export interface Problem {
  /** extensions.code, NETWORK when the server could not be reached, null when unknown */
  code: string | null;
  title: string;
  message: string;
  /** The form field it belongs to: extensions.field without its argument prefix ("input.slug" -> "slug") */
  field: string | null;
  /** For list fields: which entry ("input.patterns[1]" -> 1) */
  index: number | null;
}

type GqlErrorLike = { message: string; extensions?: Record<string, unknown> };
type ErrorLike = Pick<CombinedError, 'graphQLErrors' | 'networkError' | 'message'> & { response?: unknown };

// Argument names that wrap a form's fields; the form only knows the fields inside them.
const WRAPPERS = new Set(['input', 'policy']);

/** "input.patterns[2]" -> { field: "patterns", index: 2 }; "input.rate.readRps" -> "rate.readRps"; "input.policy.quotaBytes" -> "quotaBytes". */
export function formField(path: string): { field: string; index: number | null } {
  const parts = path.split('.');
  // Nested wrappers too: a new namespace's policy errors are "input.policy.quotaBytes".
  while (parts.length > 1 && WRAPPERS.has(parts[0]!)) parts.shift();
  const last = parts.join('.');
  const m = /^(.*)\[(\d+)\]$/.exec(last);
  return m ? { field: m[1]!, index: Number(m[2]) } : { field: last, index: null };
}

function codeOf(e: GqlErrorLike): string | null {
  const code = e.extensions?.code;
  return typeof code === 'string' ? code : null;
}

export function errorCodes(error: ErrorLike): string[] {
  return error.graphQLErrors.map(codeOf).filter((c): c is string => c !== null);
}

export function isUnauthenticated(error: ErrorLike): boolean {
  // A 401 without a GraphQL body (e.g. from a proxy) means the same thing.
  const status = (error.response as Response | undefined)?.status;
  return errorCodes(error).includes('UNAUTHENTICATED') || status === 401;
}

export function describeError(error: ErrorLike): Problem {
  const first: GqlErrorLike | undefined = error.graphQLErrors[0];
  if (!first) {
    return {
      code: 'NETWORK',
      title: 'Cannot reach MemMouse',
      message: 'The server did not answer. Check that it is running, then try again.',
      field: null,
      index: null,
    };
  }
  const code = codeOf(first);
  const none = { field: null, index: null };
  switch (code) {
    case 'BAD_USER_INPUT': {
      const raw = first.extensions?.field;
      if (typeof raw === 'string') {
        // The server says "input.slug: must be …"; at the field, the field's name is redundant.
        const message = first.message.startsWith(`${raw}: `) ? first.message.slice(raw.length + 2) : first.message;
        return { code, title: 'Check this value', message: capitalize(message), ...formField(raw) };
      }
      return { code, title: 'Invalid request', message: first.message, ...none };
    }
    case 'CONFLICT':
      return {
        code,
        title: 'Changed by someone else',
        message: 'Someone changed this while you were editing. Reload to see their change, then apply yours again.',
        ...none,
      };
    case 'ALREADY_EXISTS':
      return { code, title: 'Already exists', message: `${capitalize(first.message)}. Pick another slug.`, field: 'slug', index: null };
    case 'NOT_FOUND':
      return { code, title: 'Not found', message: `${capitalize(first.message)}. It may have been deleted.`, ...none };
    case 'QUOTA_EXCEEDED': {
      const { field: raw, total, limit } = first.extensions ?? {};
      // The server counts in bytes; people read sizes.
      const message =
        typeof total === 'number' && typeof limit === 'number'
          ? `The namespaces' quotas would total ${formatBytes(total)}, more than the project's quota of ${formatBytes(limit)}`
          : first.message;
      return { code, title: 'Over quota', message, ...(typeof raw === 'string' ? formField(raw) : none) };
    }
    case 'UNAUTHENTICATED':
      return { code, title: 'Signed out', message: 'That token was not accepted. Sign in with an admin token.', ...none };
    case 'FORBIDDEN':
      return { code, title: 'Not allowed', message: 'This token may not do that. The console needs an admin token.', ...none };
    case 'UNAVAILABLE':
      return { code, title: 'Redis is unavailable', message: 'MemMouse cannot reach Redis right now. Try again shortly.', ...none };
    case 'TOO_MANY_REQUESTS':
      // The server says when to retry ("retry in 42 s").
      return { code, title: 'Too many attempts', message: `${first.message}.`, ...none };
    case 'QUERY_TOO_COMPLEX':
      return { code, title: 'Request too large', message: first.message, ...none };
    case 'INTERNAL_SERVER_ERROR': {
      const id = first.extensions?.requestId;
      return {
        code,
        title: 'Something went wrong',
        message: `The server hit an unexpected error${typeof id === 'string' ? ` (request ${id}; the server log has the detail)` : ''}.`,
        ...none,
      };
    }
    default:
      return { code, title: 'Request failed', message: first.message, ...none };
  }
}

/** The message for one form field (and optionally one entry of a list field), or null. */
export function fieldError(problem: Problem | null | undefined, field: string, index?: number): string | null {
  if (!problem || problem.field !== field) return null;
  if (index !== undefined && problem.index !== null && problem.index !== index) return null;
  return problem.message;
}

/** True when a form shows this problem at one of its fields (so no toast is needed). */
export function isFieldProblem(problem: Problem, fields: readonly string[]): boolean {
  return problem.field !== null && fields.includes(problem.field);
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
