// The namespace page's facts: what each bound service can do there right now on the data Redis
// (the same compiler the enforcer uses), and the data Redis's real, instance-wide eviction policy.
import { Ctx, Field, FieldResolver, ID, ObjectType, Resolver, Root } from 'type-graphql';
import type { Ctx as Context } from '../context.js';
import { keys } from '../redis/keys.js';
import { loadIndex } from '../redis/project-index.js';
import { loadDoc, loadDocs } from '../common/docs.js';
import { serviceId } from '../common/ids.js';
import { Namespace } from '../namespaces/namespace.type.js';
import type { UsageSample } from '../namespaces/namespace.record.js';
import type { ProjectDoc } from '../projects/project.record.js';
import type { BindingDoc } from '../bindings/binding.record.js';
import { compileSelector, writeBlock } from './compiler.js';
import { redisUsername } from './credentials.js';

@ObjectType('NamespaceAccess', { description: 'What one bound service may do in this namespace now, as enforced on the data Redis' })
export class NamespaceAccess {
  @Field(() => ID) serviceId!: string;
  @Field(() => String, { description: 'The Redis ACL user the service connects as' }) username!: string;
  @Field(() => Boolean, { description: 'False while the namespace is frozen or full under a hard quota' }) writable!: boolean;
  @Field(() => String, { nullable: true, description: 'Why writes are withheld: FROZEN, QUOTA or PROJECT_QUOTA' })
  writeBlockedBy!: string | null;
  @Field(() => [String], { description: 'Key rules: ~ read and write, %R~ read only, %W~ write only' }) keyPatterns!: string[];
  @Field(() => [String], { description: 'Pub/sub channel rules (&<pattern>)' }) channels!: string[];
  @Field(() => [String], { description: 'Command rules granted (+@category, +command)' }) commandsAllowed!: string[];
  @Field(() => [String], { description: 'Command rules always taken away, whatever the scopes' }) commandsDenied!: string[];
}

@Resolver(() => Namespace)
export class NamespaceAccessResolver {
  @FieldResolver(() => [NamespaceAccess], { description: 'Each bound service, as the enforcer compiles it for the data Redis' })
  async access(@Root() ns: Namespace, @Ctx() ctx: Context): Promise<NamespaceAccess[]> {
    const p = ns.projectSlug;
    const [index, usageRaw, project] = await Promise.all([
      loadIndex(ctx, p),
      ctx.loaders.hash.load(keys.usage(p)),
      loadDoc<ProjectDoc>(ctx, keys.project(p)),
    ]);
    const usage = Object.fromEntries(Object.entries(usageRaw).map(([k, v]) => [k, JSON.parse(v) as UsageSample]));
    const used = Object.values(usage).reduce((sum, s) => sum + s.usedBytes, 0);
    const projectOver = (project?.quotaBytes ?? 0) > 0 && used >= project!.quotaBytes;
    const block = writeBlock(ns, usage[ns.slug] ?? null, projectOver);
    const docs = await loadDocs<BindingDoc>(ctx, index.nsBindings(ns.slug).map((svc) => keys.binding(p, ns.slug, svc)));
    return docs.flatMap((b) => {
      if (!b) return [];
      const s = compileSelector(p, { namespace: ns.slug, permissions: b.permissions, patterns: b.patterns, scopes: b.scopes, writeBlocked: block });
      const writable = b.permissions.includes('WRITE') && block === null;
      return [
        Object.assign(new NamespaceAccess(), {
          serviceId: serviceId(p, b.service),
          username: redisUsername(p, b.service),
          writable,
          writeBlockedBy: b.permissions.includes('WRITE') ? block : null,
          keyPatterns: s?.keys ?? [],
          channels: s?.channels ?? [],
          commandsAllowed: s?.commands.filter((c) => c.startsWith('+')) ?? [],
          commandsDenied: s?.commands.filter((c) => c.startsWith('-')) ?? [],
        }),
      ];
    });
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: "The data Redis's maxmemory-policy: instance-wide, so MemMouse reports it and never changes it; null if it cannot be read",
  })
  dataRedisEvictionPolicy(@Ctx() ctx: Context): Promise<string | null> {
    return ctx.app.enforcer.maxmemoryPolicy();
  }
}
