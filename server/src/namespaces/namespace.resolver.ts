import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Resolver, Root } from 'type-graphql';
import type { Ctx as Context } from '../context.js';
import { keys } from '../redis/keys.js';
import { loadIndex } from '../redis/project-index.js';
import { loadDoc } from '../common/docs.js';
import { bindings } from '../common/lists.js';
import { namespaceId, parseId } from '../common/ids.js';
import { Project } from '../projects/project.type.js';
import type { ProjectDoc } from '../projects/project.record.js';
import { Binding } from '../bindings/binding.type.js';
import { Namespace, NamespaceUsage } from './namespace.type.js';
import { CreateNamespaceInput, NamespacePolicyInput } from './namespace.input.js';
import type { UsageSample } from './namespace.record.js';
import * as namespaces from './namespace.service.js';

const nsRef = (id: string) => {
  const { project, namespace } = parseId(id, 'namespace');
  return [project, namespace!] as const;
};

@Resolver(() => Namespace)
export class NamespaceResolver {
  @Mutation(() => Namespace)
  async createNamespace(
    @Arg('projectId', () => ID) projectId: string,
    @Arg('input', () => CreateNamespaceInput) input: CreateNamespaceInput,
    @Ctx() ctx: Context,
  ) {
    return Namespace.from(await namespaces.createNamespace(ctx, parseId(projectId, 'project', 'projectId').project, input));
  }

  @Mutation(() => Namespace, { description: 'Partial: omitted fields keep their value; defaultTtlSeconds: null clears it' })
  async updateNamespacePolicy(
    @Arg('id', () => ID) id: string,
    @Arg('policy', () => NamespacePolicyInput) policy: NamespacePolicyInput,
    @Arg('expectedVersion', () => Int, { nullable: true }) expectedVersion: number | null,
    @Ctx() ctx: Context,
  ) {
    return Namespace.from(await namespaces.updateNamespacePolicy(ctx, ...nsRef(id), policy, expectedVersion));
  }

  @Mutation(() => Namespace, { description: 'Makes the namespace read-only for every service' })
  async freezeNamespace(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return Namespace.from(await namespaces.setFrozen(ctx, ...nsRef(id), true));
  }

  @Mutation(() => Namespace)
  async unfreezeNamespace(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return Namespace.from(await namespaces.setFrozen(ctx, ...nsRef(id), false));
  }

  @Mutation(() => ID, { description: 'Its bindings go with it' })
  async deleteNamespace(
    @Arg('id', () => ID) id: string,
    @Arg('purgeKeys', () => Boolean, { nullable: true, defaultValue: true, description: "Also delete the namespace's keys on the data Redis" })
    purge: boolean | null,
    @Ctx() ctx: Context,
  ) {
    const [p, ns] = nsRef(id);
    await namespaces.deleteNamespace(ctx, p, ns, purge ?? true);
    return namespaceId(p, ns);
  }

  @FieldResolver(() => Project)
  async project(@Root() ns: Namespace, @Ctx() ctx: Context) {
    return Project.from((await loadDoc<ProjectDoc>(ctx, keys.project(ns.projectSlug)))!);
  }

  @FieldResolver(() => NamespaceUsage)
  async usage(@Root() ns: Namespace, @Ctx() ctx: Context) {
    const raw = (await ctx.loaders.hash.load(keys.usage(ns.projectSlug)))[ns.slug];
    return NamespaceUsage.from(raw ? (JSON.parse(raw) as UsageSample) : null);
  }

  @FieldResolver(() => [Binding], { description: 'The services bound to this namespace' })
  async bindings(@Root() ns: Namespace, @Ctx() ctx: Context) {
    const services = (await loadIndex(ctx, ns.projectSlug)).nsBindings(ns.slug);
    return bindings(ctx, ns.projectSlug, services.map((svc) => [ns.slug, svc]));
  }
}
