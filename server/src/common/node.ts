import { Field, ID, InterfaceType } from 'type-graphql';

@InterfaceType('Node', { description: 'An object with a global ID (`namespace:acme/orders`)' })
export abstract class Node {
  @Field(() => ID) id!: string;
}
