import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { Ctx as Context } from '../context.js';
import { keys } from '../redis/keys.js';
import { loadDoc } from './docs.js';
import { parseAnyId } from './ids.js';
import { bindings, namespaces, services } from './lists.js';
import { Node } from './node.js';
import { Project } from '../projects/project.type.js';
import type { ProjectDoc } from '../projects/project.record.js';
import { ViewerKind, ViewerType } from '../auth/viewer.js';

@Resolver()
export class NodeResolver {
  @Query(() => ViewerType, { description: 'Who is calling' })
  viewer(@Ctx() ctx: Context): ViewerType {
    return Object.assign(new ViewerType(), { kind: ctx.viewer.kind as ViewerKind, id: ctx.viewer.id });
  }

  @Query(() => Node, { nullable: true, description: 'Any object by its global ID; null if it does not exist' })
  async node(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<Node | null> {
    const ref = parseAnyId(id);
    if (!ref) return null;
    const p = ref.project;
    switch (ref.kind) {
      case 'project': {
        const doc = await loadDoc<ProjectDoc>(ctx, keys.project(p));
        return doc ? Project.from(doc) : null;
      }
      case 'namespace':
        return (await namespaces(ctx, p, [ref.namespace!]))[0] ?? null;
      case 'service':
        return (await services(ctx, p, [ref.service!]))[0] ?? null;
      case 'binding':
        return (await bindings(ctx, p, [[ref.namespace!, ref.service!]]))[0] ?? null;
    }
  }
}
