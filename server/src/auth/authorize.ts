// Secure by default: every root field needs an admin token, except `viewer` (anyone authenticated)
// and `agentConfig` (service tokens only). A new root field is admin-only until said otherwise.
import type { MiddlewareFn } from 'type-graphql';
import type { Ctx } from '../context.js';
import { forbidden } from '../errors.js';

const ROOTS = new Set(['Query', 'Mutation', 'Subscription']);

export const authorize: MiddlewareFn<Ctx> = ({ info, context }, next) => {
  if (!ROOTS.has(info.parentType.name) || info.fieldName === 'viewer') return next();
  const kind = context.viewer.kind;
  if (info.fieldName === 'agentConfig') {
    if (kind !== 'SERVICE') throw forbidden('agentConfig is read with a service token, not an admin token');
  } else if (kind !== 'ADMIN') {
    throw forbidden('A service token can read only agentConfig and viewer');
  }
  return next();
};
