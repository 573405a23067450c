import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Ctx as Context } from '../context.js';
import { loadIndex } from '../redis/project-index.js';
import { keys } from '../redis/keys.js';
import { parseId, projectId } from '../common/ids.js';
import { loadDocs } from '../common/docs.js';
import { pageSize, paginate } from '../common/connection.js';
import { argRule } from '../common/preflight.js';
import { namespacePage, servicePage, namespaces, services } from '../common/lists.js';
import * as v from '../common/validate.js';
import { Namespace, NamespaceConnection } from '../namespaces/namespace.type.js';
import { Service, ServiceConnection } from '../services/service.type.js';
import { Project, ProjectConnection, ProjectOverview } from './project.type.js';
import { CreateProjectInput, UpdateProjectInput } from './project.input.js';
import type { ProjectDoc } from './project.record.js';
import * as projects from './project.service.js';

// Checked before a mutation runs too (common/preflight.ts): these fields appear in mutation payloads.
const childSlug = argRule('Project.namespace', (a: { slug: string }) => v.slug('slug', a.slug));
argRule('Project.service', childSlug);
argRule('Project.namespaces', (a: { first?: number | null }) => pageSize(a.first ?? null));
argRule('Project.services', (a: { first?: number | null }) => pageSize(a.first ?? null));

@Resolver(() => Project)
export class ProjectResolver {
  @Query(() => ProjectConnection, { description: 'Projects in slug order' })
  async projects(
    @Arg('first', () => Int, { nullable: true, defaultValue: 50 }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: Context,
  ) {
    const slugs = await ctx.app.redis.zrange(keys.projects, 0, -1);
    const page = paginate(slugs, first, after);
    const docs = await loadDocs<ProjectDoc>(ctx, page.slice.map((p) => keys.project(p)));
    return page.build(docs.map((d) => (d ? Project.from(d) : null)));
  }

  @Query(() => Project, { nullable: true })
  async project(@Arg('slug', () => String) slug: string, @Ctx() ctx: Context) {
    const doc = await projects.getProject(ctx, v.slug('slug', slug));
    return doc ? Project.from(doc) : null;
  }

  @Mutation(() => Project)
  async createProject(@Arg('input', () => CreateProjectInput) input: CreateProjectInput, @Ctx() ctx: Context) {
    return Project.from(await projects.createProject(ctx, input));
  }

  @Mutation(() => Project)
  async updateProject(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateProjectInput) input: UpdateProjectInput,
    @Arg('expectedVersion', () => Int, { nullable: true }) expectedVersion: number | null,
    @Ctx() ctx: Context,
  ) {
    return Project.from(await projects.updateProject(ctx, parseId(id, 'project').project, input, expectedVersion));
  }

  @Mutation(() => ID, { description: 'Refuses a project that still has namespaces or services unless force' })
  async deleteProject(
    @Arg('id', () => ID) id: string,
    @Arg('force', () => Boolean, { nullable: true, defaultValue: false }) force: boolean | null,
    @Arg('purgeKeys', () => Boolean, { nullable: true, defaultValue: true, description: "Also delete the namespaces' keys on the data Redis" })
    purge: boolean | null,
    @Ctx() ctx: Context,
  ) {
    const p = parseId(id, 'project').project;
    await projects.deleteProject(ctx, p, force ?? false, purge ?? true);
    return projectId(p);
  }

  @FieldResolver(() => NamespaceConnection)
  async namespaces(
    @Root() project: Project,
    @Arg('first', () => Int, { nullable: true, defaultValue: 50 }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: Context,
  ) {
    return namespacePage(ctx, project.slug, (await loadIndex(ctx, project.slug)).namespaces, first, after);
  }

  @FieldResolver(() => Namespace, { nullable: true })
  async namespace(@Root() project: Project, @Arg('slug', () => String) slug: string, @Ctx() ctx: Context) {
    return (await namespaces(ctx, project.slug, [childSlug({ slug })]))[0];
  }

  @FieldResolver(() => ServiceConnection)
  async services(
    @Root() project: Project,
    @Arg('first', () => Int, { nullable: true, defaultValue: 50 }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: Context,
  ) {
    return servicePage(ctx, project.slug, (await loadIndex(ctx, project.slug)).services, first, after);
  }

  @FieldResolver(() => Service, { nullable: true })
  async service(@Root() project: Project, @Arg('slug', () => String) slug: string, @Ctx() ctx: Context) {
    return (await services(ctx, project.slug, [childSlug({ slug })]))[0];
  }

  @FieldResolver(() => ProjectOverview)
  async overview(@Root() project: Project, @Ctx() ctx: Context): Promise<ProjectOverview> {
    const [idx, usage] = await Promise.all([loadIndex(ctx, project.slug), ctx.loaders.hash.load(keys.usage(project.slug))]);
    const measured = idx.namespaces.filter((ns) => usage[ns] !== undefined);
    const usedBytes = measured.length
      ? measured.reduce((sum, ns) => sum + (JSON.parse(usage[ns]!) as { usedBytes: number }).usedBytes, 0)
      : null;
    return Object.assign(new ProjectOverview(), {
      slug: project.slug,
      usedBytes,
      quotaBytes: project.quotaBytes,
      namespaceCount: idx.namespaces.length,
      serviceCount: idx.services.length,
      bindingCount: idx.bindingCount,
      readsPerSec: null,
      writesPerSec: null,
    });
  }
}
