// Seeds the demo through the same rules as the API, then writes real sample keys to the data Redis
// and measures them, so the usage shown is real.
import type { Redis } from 'ioredis';
import type { Ctx } from '../context.js';
import { AppError, alreadyExists } from '../errors.js';
import { keyPrefix, keys } from '../redis/keys.js';
import { projectId } from '../common/ids.js';
import { createProject, deleteProject } from '../projects/project.service.js';
import { createNamespace } from '../namespaces/namespace.service.js';
import { createService } from '../services/service.service.js';
import { bindService } from '../bindings/binding.service.js';
import type { EvictionPolicy } from '../namespaces/namespace.type.js';
import type { Scope } from '../services/service.type.js';
import type { Access } from '../bindings/binding.type.js';
import type { ServiceDoc } from '../services/service.record.js';
import type { ProjectDoc } from '../projects/project.record.js';
import { DEMO, type DemoProject } from './seed.data.js';

export interface SeedOutcome {
  projects: ProjectDoc[];
  namespaceCount: number;
  serviceCount: number;
  bindingCount: number;
  keyCount: number;
  tokens: { doc: ServiceDoc; token: string }[];
}

/** Deterministic filler so two seeds write the same bytes. */
const filler = (size: number, seed: number) => 'memmouse-'.repeat(Math.ceil(size / 9)).slice(0, Math.max(1, size - (seed % 7)));

async function writeSample(data: Redis, prefix: string, sample: DemoProject['namespaces'][number]['sample']): Promise<number> {
  const pipe = data.pipeline();
  for (let i = 1; i <= sample.count; i++) {
    const key = prefix + sample.name.replace('{i}', String(i));
    // Uneven sizes: every fifth key is several times larger.
    const size = i % 5 === 0 ? sample.size * 4 : sample.size;
    pipe.del(key);
    switch (sample.kind) {
      case 'string':
        pipe.set(key, filler(size, i));
        break;
      case 'hash':
        pipe.hset(key, { status: i % 3 ? 'paid' : 'pending', total: String(i * 7.5), items: filler(size, i) });
        break;
      case 'list':
        for (let j = 0; j < 5; j++) pipe.rpush(key, filler(size / 5, i + j));
        break;
      case 'zset':
        for (let j = 0; j < size / 20; j++) pipe.zadd(key, (i * 31 + j * 17) % 10000, `player-${j}`);
        break;
      case 'stream':
        for (let j = 0; j < 5; j++) pipe.xadd(key, '*', 'event', 'score', 'player', `player-${j}`, 'detail', filler(size, j));
        break;
    }
  }
  await pipe.exec();
  return sample.count;
}

export async function seedDemo(ctx: Ctx, opts: { force: boolean; drop: boolean }): Promise<SeedOutcome> {
  const existing = await ctx.app.redis.zrange(keys.projects, 0, -1);
  const demoSlugs = DEMO.map((d) => d.slug);
  const present = existing.filter((p) => demoSlugs.includes(p));
  if (present.length && !opts.drop) {
    throw alreadyExists('demo project', present.map(projectId).join(', '));
  }
  const others = existing.filter((p) => !demoSlugs.includes(p));
  if (others.length && !opts.force) {
    throw new AppError('CONFLICT', `The store already holds ${others.length} other project(s); pass force: true to add the demo anyway`, {
      field: 'force',
      reason: 'NOT_EMPTY',
    });
  }
  for (const p of present) await deleteProject(ctx, p, true, true);

  const out: SeedOutcome = { projects: [], namespaceCount: 0, serviceCount: 0, bindingCount: 0, keyCount: 0, tokens: [] };
  for (const demo of DEMO) {
    out.projects.push(await createProject(ctx, { slug: demo.slug, name: demo.name, quotaBytes: demo.quotaBytes }));
    for (const ns of demo.namespaces) {
      await createNamespace(ctx, demo.slug, {
        slug: ns.slug,
        name: ns.name,
        policy: { ...ns.policy, eviction: ns.policy.eviction as EvictionPolicy },
      });
      out.keyCount += await writeSample(ctx.app.data, keyPrefix(demo.slug, ns.slug), ns.sample);
      out.namespaceCount++;
    }
    for (const svc of demo.services) {
      out.tokens.push(await createService(ctx, demo.slug, { slug: svc.slug, name: svc.name, scopes: svc.scopes as Scope[] }));
      out.serviceCount++;
    }
    for (const b of demo.bindings) {
      await bindService(ctx, demo.slug, b.namespace, b.service, {
        permissions: b.permissions as Access[],
        patterns: b.patterns,
        scopes: b.scopes as Scope[],
        rate: b.rate ?? null,
      });
      out.bindingCount++;
    }
    await ctx.app.usage.collect(demo.slug);
  }
  return out;
}
