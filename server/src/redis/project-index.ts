// Reads a project's index hash (keys.index) into lists; one pipelined HGETALL per project per tick.
import type { Ctx } from '../context.js';
import { indexField, keys, splitList } from './keys.js';

export interface ProjectIndex {
  namespaces: string[];
  services: string[];
  /** Services bound to a namespace. */
  nsBindings(ns: string): string[];
  /** Namespaces a service is bound to. */
  svcBindings(svc: string): string[];
  bindingCount: number;
}

export async function loadIndex(ctx: Ctx, project: string): Promise<ProjectIndex> {
  const h = await ctx.loaders.hash.load(keys.index(project));
  const sorted = (field: string) => splitList(h[field]).sort();
  let bindingCount = 0;
  const nsPrefix = indexField.nsBindings('');
  for (const [field, value] of Object.entries(h)) {
    if (field.startsWith(nsPrefix)) bindingCount += splitList(value).length;
  }
  return {
    namespaces: sorted(indexField.namespaces),
    services: sorted(indexField.services),
    nsBindings: (ns) => sorted(indexField.nsBindings(ns)),
    svcBindings: (svc) => sorted(indexField.svcBindings(svc)),
    bindingCount,
  };
}
