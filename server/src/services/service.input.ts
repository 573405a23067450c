import { Field, InputType } from 'type-graphql';
import { Scope } from './service.type.js';

@InputType('CreateServiceInput')
export class CreateServiceInput {
  @Field(() => String) slug!: string;
  @Field(() => String) name!: string;
  @Field(() => [Scope], { description: 'The most its bindings may grant' }) scopes!: Scope[];
}

@InputType('UpdateServiceInput', { description: 'Partial: an omitted field keeps its value' })
export class UpdateServiceInput {
  @Field(() => String, { nullable: true }) name?: string | null;
  @Field(() => [Scope], { nullable: true }) scopes?: Scope[] | null;
}
