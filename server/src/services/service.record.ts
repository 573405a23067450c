import type { ScopeName } from './service.type.js';

export interface ServiceDoc {
  project: string;
  slug: string;
  name: string;
  scopes: ScopeName[];
  tokenPreview: string;
  tokenRotatedAt: string | null;
  /** Digests only; never in events or responses (events/event.record.ts redacts `auth`). */
  auth: { digest: string; previousDigest: string | null; previousExpiresAt: string | null };
  createdAt: string;
  updatedAt: string;
  version: number;
}
