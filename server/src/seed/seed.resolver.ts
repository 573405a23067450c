import { Arg, Ctx, Field, Int, Mutation, ObjectType, Resolver } from 'type-graphql';
import type { Ctx as Context } from '../context.js';
import { Project } from '../projects/project.type.js';
import { Service, ServiceWithToken } from '../services/service.type.js';
import { seedDemo } from './seed.service.js';

@ObjectType('SeedResult')
export class SeedResult {
  @Field(() => [Project]) projects!: Project[];
  @Field(() => Int) namespaceCount!: number;
  @Field(() => Int) serviceCount!: number;
  @Field(() => Int) bindingCount!: number;
  @Field(() => Int, { description: 'Sample keys written to the data Redis' }) keyCount!: number;
  @Field(() => [ServiceWithToken], { description: "The demo services' tokens, shown only here" })
  serviceTokens!: ServiceWithToken[];
}

@Resolver()
export class SeedResolver {
  @Mutation(() => SeedResult, {
    description: 'Demo projects with namespaces, services, bindings and real sample keys. drop: replace existing demo projects; force: seed into a store that holds other projects',
  })
  async seedDemoData(
    @Arg('force', () => Boolean, { nullable: true, defaultValue: false }) force: boolean | null,
    @Arg('drop', () => Boolean, { nullable: true, defaultValue: false }) drop: boolean | null,
    @Ctx() ctx: Context,
  ): Promise<SeedResult> {
    const r = await seedDemo(ctx, { force: force ?? false, drop: drop ?? false });
    return Object.assign(new SeedResult(), {
      ...r,
      projects: r.projects.map((p) => Project.from(p)),
      serviceTokens: r.tokens.map((t) => Object.assign(new ServiceWithToken(), { service: Service.from(t.doc), token: t.token })),
    });
  }
}
