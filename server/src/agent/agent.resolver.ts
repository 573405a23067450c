import { Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { Ctx as Context } from '../context.js';
import { Service } from '../services/service.type.js';
import { AgentConfig } from './agent.type.js';
import { adminAgentConfig, agentConfigFor } from './agent.config.js';

@Resolver()
export class AgentResolver {
  @Query(() => AgentConfig, { description: "The calling service's config (service token only)" })
  async agentConfig(@Ctx() ctx: Context) {
    return (await agentConfigFor(ctx.app, ctx.authorization)).config;
  }
}

@Resolver(() => Service)
export class ServiceAgentConfigResolver {
  @FieldResolver(() => AgentConfig, {
    description:
      'What GET /v1/agent/config gives this service, without secrets: redis.password is null (admin only). ' +
      "Its revision is of this password-less config, not the agent's.",
  })
  async agentConfig(@Root() svc: Service, @Ctx() ctx: Context) {
    return adminAgentConfig(ctx.app, svc.projectSlug, svc.slug);
  }
}
