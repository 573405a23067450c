import { Ctx, Query, Resolver } from 'type-graphql';
import type { Ctx as Context } from '../context.js';
import { AgentConfig } from './agent.type.js';
import { agentConfigFor } from './agent.config.js';

@Resolver()
export class AgentResolver {
  @Query(() => AgentConfig, { description: "The calling service's config (service token only)" })
  async agentConfig(@Ctx() ctx: Context) {
    return (await agentConfigFor(ctx.app, ctx.authorization)).config;
  }
}
