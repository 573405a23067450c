import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import type { Ctx as Context } from '../context.js';
import { parseAnyId, parseId } from '../common/ids.js';
import { requireProject } from '../projects/project.service.js';
import { namespaces, services } from '../common/lists.js';
import { Namespace } from '../namespaces/namespace.type.js';
import { Service } from '../services/service.type.js';
import { Event, EventConnection, EventFilter } from './event.type.js';
import { eventsPage } from './event.repo.js';

@Resolver(() => Event)
export class EventResolver {
  @Query(() => EventConnection, { description: "A project's audit events, newest first" })
  async events(
    @Arg('projectId', () => ID) projectId: string,
    @Arg('filter', () => EventFilter, { nullable: true }) filter: EventFilter | null,
    @Arg('first', () => Int, { nullable: true, defaultValue: 50 }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: Context,
  ) {
    const p = parseId(projectId, 'project', 'projectId').project;
    await requireProject(ctx, p);
    return eventsPage(ctx, p, filter, first, after);
  }

  @FieldResolver(() => Namespace, { nullable: true, description: 'Null when it no longer exists' })
  async namespace(@Root() e: Event, @Ctx() ctx: Context) {
    const ref = e.namespaceId ? parseAnyId(e.namespaceId) : null;
    return ref ? (await namespaces(ctx, ref.project, [ref.namespace!]))[0] : null;
  }

  @FieldResolver(() => Service, { nullable: true, description: 'Null when it no longer exists' })
  async service(@Root() e: Event, @Ctx() ctx: Context) {
    const ref = e.serviceId ? parseAnyId(e.serviceId) : null;
    return ref ? (await services(ctx, ref.project, [ref.service!]))[0] : null;
  }
}
