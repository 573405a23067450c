import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import type { Ctx as Context } from '../context.js';
import { badInput } from '../errors.js';
import { keys } from '../redis/keys.js';
import { loadIndex } from '../redis/project-index.js';
import { namespaces, present } from '../common/lists.js';
import { Namespace } from '../namespaces/namespace.type.js';
import type { UsageSample } from '../namespaces/namespace.record.js';
import { Event } from '../events/event.type.js';
import { recentEvents } from '../events/event.repo.js';
import { ProjectOverview } from './project.type.js';

const limit = (field: string, given: number | null, max: number, fallback: number) => {
  const n = given ?? fallback;
  if (!Number.isInteger(n) || n < 1 || n > max) throw badInput(field, `must be between 1 and ${max}`);
  return n;
};

@Resolver(() => ProjectOverview)
export class OverviewResolver {
  @FieldResolver(() => [Namespace], { description: 'Measured namespaces with the most used bytes first' })
  async topNamespaces(@Root() o: ProjectOverview, @Arg('limit', () => Int, { nullable: true, defaultValue: 5 }) n: number | null, @Ctx() ctx: Context) {
    const count = limit('limit', n, 50, 5);
    const [idx, usage] = await Promise.all([loadIndex(ctx, o.slug), ctx.loaders.hash.load(keys.usage(o.slug))]);
    const used = (ns: string) => (usage[ns] ? (JSON.parse(usage[ns]) as UsageSample).usedBytes : -1);
    const top = idx.namespaces
      .filter((ns) => usage[ns])
      .sort((a, b) => used(b) - used(a) || a.localeCompare(b))
      .slice(0, count);
    return present(await namespaces(ctx, o.slug, top));
  }

  @FieldResolver(() => [Event], { description: 'Newest first' })
  async recentEvents(@Root() o: ProjectOverview, @Arg('limit', () => Int, { nullable: true, defaultValue: 10 }) n: number | null, @Ctx() ctx: Context) {
    return recentEvents(ctx, o.slug, limit('limit', n, 100, 10));
  }
}
