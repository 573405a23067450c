import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Connection } from '../common/connection.js';
import { DateTimeISO, JSONObject } from '../common/scalars.js';
import { EVENT_TYPES, type EventRecord } from './event.record.js';

export const EventType = Object.fromEntries(EVENT_TYPES.map((t) => [t, t])) as { [K in (typeof EVENT_TYPES)[number]]: K };
registerEnumType(EventType, { name: 'EventType' });

export enum ActorKind {
  ADMIN = 'ADMIN',
  SERVICE = 'SERVICE',
  SYSTEM = 'SYSTEM',
}
registerEnumType(ActorKind, { name: 'ActorKind' });

@ObjectType('Actor')
export class Actor {
  @Field(() => ActorKind) kind!: ActorKind;
  @Field(() => String) id!: string;
}

@ObjectType('Event', { description: 'One audit record: who changed what, before and after (secrets removed)' })
export class Event {
  @Field(() => ID, { description: 'The stream entry ID; pass it as `after` to resume' }) id!: string;
  @Field(() => EventType) type!: string;
  @Field(() => DateTimeISO) at!: string;
  @Field(() => Actor) actor!: Actor;
  @Field(() => ID) projectId!: string;
  @Field(() => ID, { nullable: true }) namespaceId!: string | null;
  @Field(() => ID, { nullable: true }) serviceId!: string | null;
  @Field(() => ID, { nullable: true }) bindingId!: string | null;
  @Field(() => JSONObject, { nullable: true }) before!: Record<string, unknown> | null;
  @Field(() => JSONObject, { nullable: true }) after!: Record<string, unknown> | null;
  @Field(() => String, { nullable: true }) requestId!: string | null;

  static from(id: string, type: string, data: Omit<EventRecord, 'type'>): Event {
    return Object.assign(new Event(), { ...data, id, type, actor: Object.assign(new Actor(), data.actor) });
  }
}

export const EventConnection = Connection('Event', Event);

@InputType('EventFilter')
export class EventFilter {
  @Field(() => ID, { nullable: true }) namespaceId?: string | null;
  @Field(() => ID, { nullable: true }) serviceId?: string | null;
  @Field(() => [EventType], { nullable: true }) types?: string[] | null;
  @Field(() => DateTimeISO, { nullable: true, description: 'Events at or after this time' }) since?: Date | null;
  @Field(() => DateTimeISO, { nullable: true, description: 'Events before this time' }) until?: Date | null;
}
