// Tokens: 256 random bits, shown once, stored only as SHA-256 digests, compared in constant time.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

export const digest = (token: string): Buffer => createHash('sha256').update(token, 'utf8').digest();
export const digestHex = (token: string): string => digest(token).toString('hex');

export function sameDigest(a: Buffer, bHex: string | null | undefined): boolean {
  if (!bHex || bHex.length !== 64) return false;
  const b = Buffer.from(bHex, 'hex');
  return b.length === a.length && timingSafeEqual(a, b);
}

const secret = () => randomBytes(32).toString('base64url');

/** Admin tokens: `mma_<secret>`. */
export const newAdminToken = () => `mma_${secret()}`;

/**
 * Service tokens name their service (`mms_<project>_<service>_<secret>`; slugs never contain "_"), so
 * a token is checked against one document without a global lookup table.
 */
export const newServiceToken = (project: string, service: string) => `mms_${project}_${service}_${secret()}`;

export function parseServiceToken(token: string): { project: string; service: string } | null {
  const m = /^mms_([a-z0-9][a-z0-9-]{0,38})_([a-z0-9][a-z0-9-]{0,38})_[A-Za-z0-9_-]{43}$/.exec(token);
  return m ? { project: m[1]!, service: m[2]! } : null;
}

/** What the console may show of a token: its kind and owner, and the last four characters. */
export const tokenPreview = (token: string) => `${token.slice(0, token.length - 43)}…${token.slice(-4)}`;
