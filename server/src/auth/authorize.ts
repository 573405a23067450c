// Secure by default: every root field needs an admin token, except `viewer` (anyone authenticated)
// and `agentConfig` (service tokens only). A new root field is admin-only until said otherwise.
// A few fields below the root hold what only an admin may see, whatever root field led to them.
import type { MiddlewareFn } from 'type-graphql';
import type { Ctx } from '../context.js';
import { forbidden } from '../errors.js';

const ROOTS = new Set(['Query', 'Mutation', 'Subscription']);
/** Type -> its admin-only fields (this runs for every field: keep the lookup cheap). */
const ADMIN_ONLY = new Map([['Service', new Set(['agentConfig'])]]);

export const authorize: MiddlewareFn<Ctx> = ({ info, context }, next) => {
  const kind = context.viewer.kind;
  if (ADMIN_ONLY.get(info.parentType.name)?.has(info.fieldName)) {
    if (kind !== 'ADMIN') throw forbidden(`${info.fieldName} is read with an admin token`);
    return next();
  }
  if (!ROOTS.has(info.parentType.name) || info.fieldName === 'viewer') return next();
  if (info.fieldName === 'agentConfig') {
    if (kind !== 'SERVICE') throw forbidden('agentConfig is read with a service token, not an admin token');
  } else if (kind !== 'ADMIN') {
    throw forbidden('A service token can read only agentConfig and viewer');
  }
  return next();
};
