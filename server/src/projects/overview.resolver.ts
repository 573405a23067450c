import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import type { Ctx as Context } from '../context.js';
import { badInput } from '../errors.js';
import { argRule } from '../common/preflight.js';
import { keys } from '../redis/keys.js';
import { loadIndex } from '../redis/project-index.js';
import { namespaces, present } from '../common/lists.js';
import { Namespace } from '../namespaces/namespace.type.js';
import type { UsageSample } from '../namespaces/namespace.record.js';
import { Event } from '../events/event.type.js';
import { recentEvents } from '../events/event.repo.js';
import { ProjectOverview } from './project.type.js';

const limit = (max: number, fallback: number) => (args: { limit?: number | null }) => {
  const n = args.limit ?? fallback;
  if (!Number.isInteger(n) || n < 1 || n > max) throw badInput('limit', `must be between 1 and ${max}`);
  return n;
};
const topLimit = argRule('ProjectOverview.topNamespaces', limit(50, 5));
const recentLimit = argRule('ProjectOverview.recentEvents', limit(100, 10));

@Resolver(() => ProjectOverview)
export class OverviewResolver {
  @FieldResolver(() => [Namespace], { description: 'Measured namespaces with the most used bytes first' })
  async topNamespaces(@Root() o: ProjectOverview, @Arg('limit', () => Int, { nullable: true, defaultValue: 5 }) n: number | null, @Ctx() ctx: Context) {
    const count = topLimit({ limit: n });
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
    return recentEvents(ctx, o.slug, recentLimit({ limit: n }));
  }
}
