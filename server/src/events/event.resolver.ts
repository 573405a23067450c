import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root, Subscription } from 'type-graphql';
import type { Ctx as Context } from '../context.js';
import { parseAnyId, parseId } from '../common/ids.js';
import { requireProject } from '../projects/project.service.js';
import { namespaces, services } from '../common/lists.js';
import { Namespace } from '../namespaces/namespace.type.js';
import { Service } from '../services/service.type.js';
import { Event, EventConnection, EventFilter, EventType } from './event.type.js';
import { eventsPage } from './event.repo.js';
import { subscribeEvents, type EventsArgs } from './event.subscription.js';

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

  @Subscription(() => Event, {
    name: 'events',
    description: "A project's events as they happen, oldest first; `after` (an event ID) first replays every later event once",
    subscribe: ({ args, context }) => subscribeEvents(context as Context, args as EventsArgs),
  })
  eventFeed(
    @Root() event: Event,
    @Arg('projectId', () => ID) _projectId: string,
    @Arg('namespaceId', () => ID, { nullable: true }) _namespaceId: string | null,
    @Arg('serviceId', () => ID, { nullable: true }) _serviceId: string | null,
    @Arg('types', () => [EventType], { nullable: true }) _types: string[] | null,
    @Arg('after', () => String, { nullable: true, description: 'Resume after this event ID' }) _after: string | null,
  ): Event {
    return event;
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
