import { Field, InputType, Int } from 'type-graphql';
import { SafeInt } from '../common/scalars.js';
import { EvictionPolicy } from './namespace.type.js';

@InputType('NamespacePolicyInput', { description: 'Partial: an omitted field keeps its value' })
export class NamespacePolicyInput {
  @Field(() => SafeInt, { nullable: true, description: 'Bytes; 0 = no quota' }) quotaBytes?: number | null;
  @Field(() => Int, { nullable: true, description: 'null clears the default TTL' }) defaultTtlSeconds?: number | null;
  @Field(() => EvictionPolicy, { nullable: true }) eviction?: EvictionPolicy | null;
}

@InputType('CreateNamespaceInput')
export class CreateNamespaceInput {
  @Field(() => String) slug!: string;
  @Field(() => String) name!: string;
  @Field(() => NamespacePolicyInput, { nullable: true, description: 'Defaults: no quota, no default TTL, NOEVICTION' })
  policy?: NamespacePolicyInput | null;
}
