import { Field, ObjectType, registerEnumType } from 'type-graphql';

export enum ViewerKind {
  ADMIN = 'ADMIN',
  SERVICE = 'SERVICE',
}
registerEnumType(ViewerKind, { name: 'ViewerKind', description: 'Who is calling' });

export interface Viewer {
  kind: 'ADMIN' | 'SERVICE' | 'SYSTEM';
  /** 'admin', a service ID, or the name of a background job. */
  id: string;
  project?: string;
  service?: string;
}

@ObjectType('Viewer')
export class ViewerType {
  @Field(() => ViewerKind) kind!: ViewerKind;
  @Field(() => String, { description: '"admin", or the service ID for a service token' }) id!: string;
}
