import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Resolver, Root } from 'type-graphql';
import type { Ctx as Context } from '../context.js';
import { keys } from '../redis/keys.js';
import { loadIndex } from '../redis/project-index.js';
import { loadDoc } from '../common/docs.js';
import { bindings, namespaces, present } from '../common/lists.js';
import { parseId, serviceId } from '../common/ids.js';
import { Project } from '../projects/project.type.js';
import type { ProjectDoc } from '../projects/project.record.js';
import { Namespace } from '../namespaces/namespace.type.js';
import { Binding } from '../bindings/binding.type.js';
import { Service, ServiceWithToken } from './service.type.js';
import { CreateServiceInput, UpdateServiceInput } from './service.input.js';
import * as services from './service.service.js';

const svcRef = (id: string) => {
  const { project, service } = parseId(id, 'service');
  return [project, service!] as const;
};

const withToken = (r: { doc: Parameters<typeof Service.from>[0]; token: string }) =>
  Object.assign(new ServiceWithToken(), { service: Service.from(r.doc), token: r.token });

@Resolver(() => Service)
export class ServiceResolver {
  @Mutation(() => ServiceWithToken, { description: 'The token is shown only in this response' })
  async createService(
    @Arg('projectId', () => ID) projectId: string,
    @Arg('input', () => CreateServiceInput) input: CreateServiceInput,
    @Ctx() ctx: Context,
  ) {
    return withToken(await services.createService(ctx, parseId(projectId, 'project', 'projectId').project, input));
  }

  @Mutation(() => Service)
  async updateService(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateServiceInput) input: UpdateServiceInput,
    @Arg('expectedVersion', () => Int, { nullable: true }) expectedVersion: number | null,
    @Ctx() ctx: Context,
  ) {
    return Service.from(await services.updateService(ctx, ...svcRef(id), input, expectedVersion));
  }

  @Mutation(() => ID, { description: 'Its bindings go with it' })
  async deleteService(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    const [p, svc] = svcRef(id);
    await services.deleteService(ctx, p, svc);
    return serviceId(p, svc);
  }

  @Mutation(() => ServiceWithToken, {
    description: 'A new token, shown once; the old one keeps working for graceSeconds, then never again',
  })
  async rotateServiceToken(
    @Arg('id', () => ID) id: string,
    @Arg('graceSeconds', () => Int, { nullable: true, defaultValue: 0 }) graceSeconds: number | null,
    @Ctx() ctx: Context,
  ) {
    return withToken(await services.rotateServiceToken(ctx, ...svcRef(id), graceSeconds ?? 0));
  }

  @FieldResolver(() => Project)
  async project(@Root() svc: Service, @Ctx() ctx: Context) {
    return Project.from((await loadDoc<ProjectDoc>(ctx, keys.project(svc.projectSlug)))!);
  }

  @FieldResolver(() => [Binding])
  async bindings(@Root() svc: Service, @Ctx() ctx: Context) {
    const nsList = (await loadIndex(ctx, svc.projectSlug)).svcBindings(svc.slug);
    return bindings(ctx, svc.projectSlug, nsList.map((ns) => [ns, svc.slug]));
  }

  @FieldResolver(() => [Namespace], { description: 'The namespaces this service is bound to' })
  async namespaces(@Root() svc: Service, @Ctx() ctx: Context) {
    const nsList = (await loadIndex(ctx, svc.projectSlug)).svcBindings(svc.slug);
    return present(await namespaces(ctx, svc.projectSlug, nsList));
  }
}
