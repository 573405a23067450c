// Redis credentials of a service, derived from its token so that no password is ever stored: the
// agent presents its token, the server derives the password, and the ACL holds only its SHA-256.
import { createHash, createHmac } from 'node:crypto';

/** Fixed label: changing it would change every service's Redis password. */
const LABEL = 'memmouse redis password v1';

/** Every ACL user MemMouse owns starts with this; no other user is ever touched. */
export const USER_PREFIX = 'mm:';

export const redisUsername = (project: string, service: string) => `${USER_PREFIX}${project}:${service}`;

/** `mm:<project>:<service>` -> its parts, or null for a user MemMouse does not own. */
export function parseUsername(name: string): { project: string; service: string } | null {
  const m = /^mm:([a-z0-9][a-z0-9-]{0,38}):([a-z0-9][a-z0-9-]{0,38})$/.exec(name);
  return m ? { project: m[1]!, service: m[2]! } : null;
}

export const redisPassword = (token: string): string => createHmac('sha256', token).update(LABEL).digest('base64url');

/** What `ACL SETUSER ... #<hash>` takes: the hex SHA-256 of the password. */
export const passwordHash = (password: string): string => createHash('sha256').update(password, 'utf8').digest('hex');

export const passwordHashOfToken = (token: string): string => passwordHash(redisPassword(token));
