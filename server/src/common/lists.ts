// Loading entity lists from slugs: one MGET (via the loader) whatever the length.
import type { Ctx } from '../context.js';
import { keys } from '../redis/keys.js';
import { loadDocs } from './docs.js';
import { paginate } from './connection.js';
import { Namespace } from '../namespaces/namespace.type.js';
import { Service } from '../services/service.type.js';
import { Binding } from '../bindings/binding.type.js';
import type { NamespaceDoc } from '../namespaces/namespace.record.js';
import type { ServiceDoc } from '../services/service.record.js';
import type { BindingDoc } from '../bindings/binding.record.js';

const present = <T>(list: (T | null)[]): T[] => list.filter((x): x is T => x !== null);

export async function namespaces(ctx: Ctx, p: string, slugs: string[]): Promise<(Namespace | null)[]> {
  const docs = await loadDocs<NamespaceDoc>(ctx, slugs.map((ns) => keys.namespace(p, ns)));
  return docs.map((d) => (d ? Namespace.from(d) : null));
}

export async function services(ctx: Ctx, p: string, slugs: string[]): Promise<(Service | null)[]> {
  const docs = await loadDocs<ServiceDoc>(ctx, slugs.map((svc) => keys.service(p, svc)));
  return docs.map((d) => (d ? Service.from(d) : null));
}

export async function bindings(ctx: Ctx, p: string, pairs: [ns: string, svc: string][]): Promise<Binding[]> {
  const docs = await loadDocs<BindingDoc>(ctx, pairs.map(([ns, svc]) => keys.binding(p, ns, svc)));
  return present(docs).map((d) => Binding.from(d));
}

export async function namespacePage(ctx: Ctx, p: string, slugs: string[], first: number | null, after?: string | null) {
  const page = paginate(slugs, first, after);
  return page.build(await namespaces(ctx, p, page.slice));
}

export async function servicePage(ctx: Ctx, p: string, slugs: string[], first: number | null, after?: string | null) {
  const page = paginate(slugs, first, after);
  return page.build(await services(ctx, p, page.slice));
}

export { present };
