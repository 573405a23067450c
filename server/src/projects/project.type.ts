import { Field, Float, Int, ObjectType } from 'type-graphql';
import { Node } from '../common/node.js';
import { Connection } from '../common/connection.js';
import { DateTimeISO, SafeInt } from '../common/scalars.js';
import { projectId } from '../common/ids.js';
import type { ProjectDoc } from './project.record.js';

@ObjectType('Project', { implements: Node })
export class Project extends Node {
  @Field(() => String) slug!: string;
  @Field(() => String) name!: string;
  @Field(() => SafeInt, { description: 'Bytes; 0 = no project-wide quota' }) quotaBytes!: number;
  @Field(() => DateTimeISO) createdAt!: string;
  @Field(() => DateTimeISO) updatedAt!: string;
  @Field(() => Int) version!: number;

  static from(doc: ProjectDoc): Project {
    return Object.assign(new Project(), { ...doc, id: projectId(doc.slug) });
  }
}

export const ProjectConnection = Connection('Project', Project);

@ObjectType('ProjectOverview')
export class ProjectOverview {
  /** Internal: the project this overview is about. */
  slug!: string;
  @Field(() => SafeInt, { nullable: true, description: 'Sum of measured namespace usage; null until measured' })
  usedBytes!: number | null;
  @Field(() => SafeInt) quotaBytes!: number;
  @Field(() => Int) namespaceCount!: number;
  @Field(() => Int) serviceCount!: number;
  @Field(() => Int) bindingCount!: number;
  @Field(() => Float, { nullable: true, description: 'Null: nothing measures request rates yet' })
  readsPerSec!: number | null;
  @Field(() => Float, { nullable: true, description: 'Null: nothing measures request rates yet' })
  writesPerSec!: number | null;
}
