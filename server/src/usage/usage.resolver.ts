import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import { clearLoaders, type Ctx as Context } from '../context.js';
import { parseId } from '../common/ids.js';
import { requireProject } from '../projects/project.service.js';
import { Project } from '../projects/project.type.js';

@Resolver()
export class UsageResolver {
  @Mutation(() => Project, { description: "Measures the project's namespaces on the data Redis now" })
  async refreshUsage(@Arg('projectId', () => ID) projectId: string, @Ctx() ctx: Context) {
    const p = parseId(projectId, 'project', 'projectId').project;
    await requireProject(ctx, p);
    await ctx.app.usage.collect(p);
    clearLoaders(ctx);
    return Project.from(await requireProject(ctx, p));
  }
}
