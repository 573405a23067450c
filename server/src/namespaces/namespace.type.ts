import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Node } from '../common/node.js';
import { Connection } from '../common/connection.js';
import { DateTimeISO, SafeInt } from '../common/scalars.js';
import { namespaceId } from '../common/ids.js';
import { keyPrefix } from '../redis/keys.js';
import type { Eviction, NamespaceDoc, UsageSample } from './namespace.record.js';

export enum NamespaceStatus {
  ACTIVE = 'ACTIVE',
  FROZEN = 'FROZEN',
}
registerEnumType(NamespaceStatus, { name: 'NamespaceStatus', description: 'FROZEN: read-only for every service' });

export enum EvictionPolicy {
  NOEVICTION = 'NOEVICTION',
  ALLKEYS_LRU = 'ALLKEYS_LRU',
  ALLKEYS_LFU = 'ALLKEYS_LFU',
  ALLKEYS_RANDOM = 'ALLKEYS_RANDOM',
  VOLATILE_LRU = 'VOLATILE_LRU',
  VOLATILE_LFU = 'VOLATILE_LFU',
  VOLATILE_RANDOM = 'VOLATILE_RANDOM',
  VOLATILE_TTL = 'VOLATILE_TTL',
}
registerEnumType(EvictionPolicy, {
  name: 'EvictionPolicy',
  description: 'What should give way when the namespace is full (NOEVICTION: refuse writes)',
});

@ObjectType('NamespacePolicy')
export class NamespacePolicy {
  @Field(() => SafeInt, { description: 'Bytes; 0 = no quota' }) quotaBytes!: number;
  @Field(() => Int, { nullable: true, description: 'Applied to keys written without a TTL; null = none' })
  defaultTtlSeconds!: number | null;
  @Field(() => EvictionPolicy) eviction!: Eviction;
}

@ObjectType('NamespaceUsage', { description: 'Measured on the data Redis; null until the first measurement' })
export class NamespaceUsage {
  @Field(() => SafeInt, { nullable: true }) usedBytes!: number | null;
  @Field(() => SafeInt, { nullable: true }) keyCount!: number | null;
  @Field(() => DateTimeISO, { nullable: true }) sampledAt!: string | null;

  static from(sample: UsageSample | null): NamespaceUsage {
    return Object.assign(new NamespaceUsage(), sample ?? { usedBytes: null, keyCount: null, sampledAt: null });
  }
}

@ObjectType('Namespace', { implements: Node })
export class Namespace extends Node {
  /** Internal: the owning project's slug. */
  projectSlug!: string;
  @Field(() => String) slug!: string;
  @Field(() => String) name!: string;
  @Field(() => String, { description: 'Every key of this namespace starts with it: <project>:<namespace>:' })
  keyPrefix!: string;
  @Field(() => NamespaceStatus) status!: NamespaceStatus;
  @Field(() => NamespacePolicy) policy!: NamespacePolicy;
  @Field(() => Int) version!: number;
  @Field(() => DateTimeISO) createdAt!: string;
  @Field(() => DateTimeISO) updatedAt!: string;

  static from(doc: NamespaceDoc): Namespace {
    return Object.assign(new Namespace(), {
      id: namespaceId(doc.project, doc.slug),
      projectSlug: doc.project,
      slug: doc.slug,
      name: doc.name,
      keyPrefix: keyPrefix(doc.project, doc.slug),
      status: doc.status as NamespaceStatus,
      policy: Object.assign(new NamespacePolicy(), doc.policy),
      version: doc.version,
      createdAt: doc.createdAt,
      updatedAt: doc.updatedAt,
    });
  }
}

export const NamespaceConnection = Connection('Namespace', Namespace);
