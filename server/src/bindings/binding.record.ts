import type { ScopeName } from '../services/service.type.js';

export type AccessName = 'READ' | 'WRITE';

export interface BindingDoc {
  project: string;
  namespace: string;
  service: string;
  permissions: AccessName[];
  /** Globs relative to the namespace's key prefix. */
  patterns: string[];
  scopes: ScopeName[];
  rate: { readRps: number | null; writeRps: number | null };
  createdAt: string;
  updatedAt: string;
  version: number;
}
