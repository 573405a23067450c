import { Arg, Ctx, Field, Int, Mutation, ObjectType, Resolver } from 'type-graphql';
import type { Ctx as Context } from '../context.js';
import { reindex } from './reindex.service.js';

@ObjectType('ReindexResult')
export class ReindexResult {
  @Field(() => Int) projects!: number;
  @Field(() => Int) namespaces!: number;
  @Field(() => Int) services!: number;
  @Field(() => Int) bindings!: number;
  @Field(() => Int, { description: 'How many problems were repaired' }) fixed!: number;
  @Field(() => [String], { description: 'What was repaired, one line each' }) fixes!: string[];
}

@Resolver()
export class ReindexResolver {
  @Mutation(() => ReindexResult, { description: 'Rebuilds every index from the documents; drop: rebuild even what looks right' })
  async reindex(@Arg('drop', () => Boolean, { nullable: true, defaultValue: false }) drop: boolean | null, @Ctx() ctx: Context): Promise<ReindexResult> {
    const r = await reindex(ctx, drop ?? false);
    return Object.assign(new ReindexResult(), { ...r, fixed: r.fixes.length });
  }
}
