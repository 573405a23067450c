import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Node } from '../common/node.js';
import { Connection } from '../common/connection.js';
import { DateTimeISO } from '../common/scalars.js';
import { serviceId } from '../common/ids.js';
import type { ServiceDoc } from './service.record.js';

export enum Scope {
  STRING = 'STRING',
  HASH = 'HASH',
  LIST = 'LIST',
  SET = 'SET',
  SORTED_SET = 'SORTED_SET',
  STREAM = 'STREAM',
  BITMAP = 'BITMAP',
  HYPERLOGLOG = 'HYPERLOGLOG',
  GEO = 'GEO',
  PUBSUB = 'PUBSUB',
}
registerEnumType(Scope, { name: 'Scope', description: 'A family of Redis commands (a Redis ACL category)' });
export type ScopeName = keyof typeof Scope;

@ObjectType('Service', { implements: Node })
export class Service extends Node {
  projectSlug!: string;
  @Field(() => String) slug!: string;
  @Field(() => String) name!: string;
  @Field(() => [Scope], { description: 'The ceiling for the scopes of its bindings' }) scopes!: Scope[];
  @Field(() => String, { description: 'Enough of the token to recognise it; never the secret' }) tokenPreview!: string;
  @Field(() => DateTimeISO, { nullable: true }) tokenRotatedAt!: string | null;
  @Field(() => DateTimeISO, { nullable: true, description: 'Until when the previous token still works' })
  previousTokenExpiresAt!: string | null;
  @Field(() => Int) version!: number;
  @Field(() => DateTimeISO) createdAt!: string;
  @Field(() => DateTimeISO) updatedAt!: string;

  static from(doc: ServiceDoc, now = Date.now()): Service {
    const graceLeft = doc.auth.previousExpiresAt && Date.parse(doc.auth.previousExpiresAt) > now;
    return Object.assign(new Service(), {
      id: serviceId(doc.project, doc.slug),
      projectSlug: doc.project,
      slug: doc.slug,
      name: doc.name,
      scopes: doc.scopes as Scope[],
      tokenPreview: doc.tokenPreview,
      tokenRotatedAt: doc.tokenRotatedAt,
      previousTokenExpiresAt: graceLeft ? doc.auth.previousExpiresAt : null,
      version: doc.version,
      createdAt: doc.createdAt,
      updatedAt: doc.updatedAt,
    });
  }
}

export const ServiceConnection = Connection('Service', Service);

@ObjectType('ServiceWithToken', { description: 'The only time a token is shown: store it now' })
export class ServiceWithToken {
  @Field(() => Service) service!: Service;
  @Field(() => String) token!: string;
}
