// Bearer token -> Viewer. Unknown, malformed and wrong tokens all get the same UNAUTHENTICATED.
import { timingSafeEqual } from 'node:crypto';
import type { AppDeps } from '../context.js';
import { unauthenticated } from '../errors.js';
import { keys } from '../redis/keys.js';
import { serviceId } from '../common/ids.js';
import type { Viewer } from './viewer.js';
import { digest, parseServiceToken, sameDigest } from './tokens.js';
import type { ServiceDoc } from '../services/service.record.js';

export function bearer(header: string | undefined | null): string | null {
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return m ? m[1]! : null;
}

/** Does this token open this service document (current token, or the previous one inside its grace)? */
export function serviceTokenMatches(doc: ServiceDoc, tokenDigest: Buffer, now = Date.now()): boolean {
  const current = sameDigest(tokenDigest, doc.auth.digest);
  const previous =
    doc.auth.previousDigest !== null &&
    doc.auth.previousExpiresAt !== null &&
    Date.parse(doc.auth.previousExpiresAt) > now &&
    sameDigest(tokenDigest, doc.auth.previousDigest);
  return current || previous;
}

export async function authenticate(app: AppDeps, header: string | undefined | null): Promise<Viewer> {
  const token = bearer(header);
  if (!token || token.length > 512) throw unauthenticated();
  const d = digest(token);
  let admin = false;
  for (const known of app.admin.digests) admin = timingSafeEqual(d, known) || admin;
  if (admin) return { kind: 'ADMIN', id: 'admin' };

  const ref = parseServiceToken(token);
  if (!ref) throw unauthenticated();
  const raw = await app.redis.get(keys.service(ref.project, ref.service));
  if (!raw || !serviceTokenMatches(JSON.parse(raw) as ServiceDoc, d)) throw unauthenticated();
  return { kind: 'SERVICE', id: serviceId(ref.project, ref.service), project: ref.project, service: ref.service };
}
