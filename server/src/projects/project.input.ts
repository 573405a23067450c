import { Field, InputType } from 'type-graphql';
import { SafeInt } from '../common/scalars.js';

@InputType('CreateProjectInput')
export class CreateProjectInput {
  @Field(() => String, { description: 'Never changes: ^[a-z0-9][a-z0-9-]{0,38}$' }) slug!: string;
  @Field(() => String) name!: string;
  @Field(() => SafeInt, { nullable: true, description: 'Bytes; 0 or omitted = no project-wide quota' })
  quotaBytes?: number | null;
}

@InputType('UpdateProjectInput')
export class UpdateProjectInput {
  @Field(() => String, { nullable: true }) name?: string | null;
  @Field(() => SafeInt, { nullable: true }) quotaBytes?: number | null;
}
