import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Node } from '../common/node.js';
import { DateTimeISO } from '../common/scalars.js';
import { bindingId } from '../common/ids.js';
import { Scope } from '../services/service.type.js';
import type { BindingDoc } from './binding.record.js';

export enum Access {
  READ = 'READ',
  WRITE = 'WRITE',
}
registerEnumType(Access, { name: 'Access' });

@ObjectType('RateLimit', { description: 'Requests per second an agent allows; null = unlimited' })
export class RateLimit {
  @Field(() => Int, { nullable: true }) readRps!: number | null;
  @Field(() => Int, { nullable: true }) writeRps!: number | null;
}

@ObjectType('Binding', { implements: Node })
export class Binding extends Node {
  projectSlug!: string;
  namespaceSlug!: string;
  serviceSlug!: string;
  @Field(() => [Access]) permissions!: Access[];
  @Field(() => [String], { description: "Redis globs relative to the namespace's keyPrefix" }) patterns!: string[];
  @Field(() => [Scope]) scopes!: Scope[];
  @Field(() => RateLimit) rate!: RateLimit;
  @Field(() => Int) version!: number;
  @Field(() => DateTimeISO) createdAt!: string;
  @Field(() => DateTimeISO) updatedAt!: string;

  static from(doc: BindingDoc): Binding {
    return Object.assign(new Binding(), {
      id: bindingId(doc.project, doc.namespace, doc.service),
      projectSlug: doc.project,
      namespaceSlug: doc.namespace,
      serviceSlug: doc.service,
      permissions: doc.permissions as Access[],
      patterns: doc.patterns,
      scopes: doc.scopes as Scope[],
      rate: Object.assign(new RateLimit(), doc.rate),
      version: doc.version,
      createdAt: doc.createdAt,
      updatedAt: doc.updatedAt,
    });
  }
}
