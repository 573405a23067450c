import { Field, InputType, Int } from 'type-graphql';
import { Scope } from '../services/service.type.js';
import { Access } from './binding.type.js';

@InputType('RateLimitInput', { description: 'Requests per second; null = unlimited; omitted keeps the value on update' })
export class RateLimitInput {
  @Field(() => Int, { nullable: true }) readRps?: number | null;
  @Field(() => Int, { nullable: true }) writeRps?: number | null;
}

@InputType('BindingInput')
export class BindingInput {
  @Field(() => [Access]) permissions!: Access[];
  @Field(() => [String], { description: "Redis globs relative to the namespace's keyPrefix, e.g. orders:*" }) patterns!: string[];
  @Field(() => [Scope], { description: "A subset of the service's scopes" }) scopes!: Scope[];
  @Field(() => RateLimitInput, { nullable: true }) rate?: RateLimitInput | null;
}

@InputType('BindingPatch', { description: 'Partial: an omitted field keeps its value' })
export class BindingPatch {
  @Field(() => [Access], { nullable: true }) permissions?: Access[] | null;
  @Field(() => [String], { nullable: true }) patterns?: string[] | null;
  @Field(() => [Scope], { nullable: true }) scopes?: Scope[] | null;
  @Field(() => RateLimitInput, { nullable: true }) rate?: RateLimitInput | null;
}
