import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Resolver, Root } from 'type-graphql';
import type { Ctx as Context } from '../context.js';
import { badInput } from '../errors.js';
import { bindingId, parseId } from '../common/ids.js';
import { namespaces, services } from '../common/lists.js';
import { Namespace } from '../namespaces/namespace.type.js';
import { Service } from '../services/service.type.js';
import { Binding } from './binding.type.js';
import { BindingInput, BindingPatch } from './binding.input.js';
import * as bindings from './binding.service.js';

const bindingRef = (id: string) => {
  const { project, namespace, service } = parseId(id, 'binding');
  return [project, namespace!, service!] as const;
};

@Resolver(() => Binding)
export class BindingResolver {
  @Mutation(() => Binding, { description: 'Creates the binding, or replaces its rules if it exists' })
  async bindService(
    @Arg('namespaceId', () => ID) namespaceId: string,
    @Arg('serviceId', () => ID) serviceId: string,
    @Arg('input', () => BindingInput) input: BindingInput,
    @Ctx() ctx: Context,
  ) {
    const ns = parseId(namespaceId, 'namespace', 'namespaceId');
    const svc = parseId(serviceId, 'service', 'serviceId');
    if (ns.project !== svc.project) throw badInput('serviceId', 'the service and the namespace must belong to the same project');
    return Binding.from(await bindings.bindService(ctx, ns.project, ns.namespace!, svc.service!, input));
  }

  @Mutation(() => Binding)
  async updateBinding(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => BindingPatch) input: BindingPatch,
    @Arg('expectedVersion', () => Int, { nullable: true }) expectedVersion: number | null,
    @Ctx() ctx: Context,
  ) {
    return Binding.from(await bindings.updateBinding(ctx, ...bindingRef(id), input, expectedVersion));
  }

  @Mutation(() => ID)
  async unbindService(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    const [p, ns, svc] = bindingRef(id);
    await bindings.unbindService(ctx, p, ns, svc);
    return bindingId(p, ns, svc);
  }

  @FieldResolver(() => Namespace)
  async namespace(@Root() b: Binding, @Ctx() ctx: Context) {
    return (await namespaces(ctx, b.projectSlug, [b.namespaceSlug]))[0];
  }

  @FieldResolver(() => Service)
  async service(@Root() b: Binding, @Ctx() ctx: Context) {
    return (await services(ctx, b.projectSlug, [b.serviceSlug]))[0];
  }
}
