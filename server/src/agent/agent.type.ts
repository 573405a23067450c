import { Field, ID, Int, ObjectType } from 'type-graphql';
import { DateTimeISO } from '../common/scalars.js';
import { Access, RateLimit } from '../bindings/binding.type.js';
import { NamespacePolicy, NamespaceStatus } from '../namespaces/namespace.type.js';
import { Scope } from '../services/service.type.js';

@ObjectType('AgentRedis', { description: 'Where and as whom the agent connects to the data Redis' })
export class AgentRedis {
  @Field(() => String) host!: string;
  @Field(() => Int) port!: number;
  @Field(() => Boolean) tls!: boolean;
  @Field(() => String, { nullable: true, description: "The service's Redis ACL user: mm:<project>:<service>" }) username!: string | null;
  @Field(() => String, {
    nullable: true,
    description: "Derived from the service token (never stored); changes when the token is rotated. Null in an admin's read",
  })
  password!: string | null;
}

@ObjectType('AgentNamespace')
export class AgentNamespace {
  @Field(() => ID) id!: string;
  @Field(() => String) slug!: string;
  @Field(() => String) keyPrefix!: string;
  @Field(() => NamespaceStatus) status!: NamespaceStatus;
  @Field(() => [Access]) permissions!: Access[];
  @Field(() => [String], { description: 'Absolute key patterns (keyPrefix + binding pattern)' }) patterns!: string[];
  @Field(() => [Scope]) scopes!: Scope[];
  @Field(() => RateLimit) rate!: RateLimit;
  @Field(() => NamespacePolicy) policy!: NamespacePolicy;
}

@ObjectType('AgentConfig', { description: "What an agent needs to use its service's namespaces" })
export class AgentConfig {
  @Field(() => String) project!: string;
  @Field(() => String) service!: string;
  @Field(() => String, { description: 'Changes whenever anything in this config changes (also the ETag)' }) revision!: string;
  @Field(() => DateTimeISO) issuedAt!: string;
  @Field(() => AgentRedis) redis!: AgentRedis;
  @Field(() => [AgentNamespace]) namespaces!: AgentNamespace[];
}
