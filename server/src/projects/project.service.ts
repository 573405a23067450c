// Project rules: creation, partial update under the quota rule, delete (cascading with force).
import type { Ctx } from '../context.js';
import { event } from '../context.js';
import { AppError, alreadyExists, badInput, conflict, notFound } from '../errors.js';
import { keys, keyPrefix } from '../redis/keys.js';
import { loadIndex } from '../redis/project-index.js';
import { projectId } from '../common/ids.js';
import { loadDoc, now, readRevision, requireDoc, revise } from '../common/docs.js';
import { mutate, unchanged } from '../common/mutate.js';
import * as v from '../common/validate.js';
import { purgeKeys } from '../usage/purge.js';
import type { ProjectDoc } from './project.record.js';
import type { CreateProjectInput, UpdateProjectInput } from './project.input.js';

export const requireProject = (ctx: Ctx, p: string) => requireDoc<ProjectDoc>(ctx, keys.project(p), 'project', projectId(p));

export async function createProject(ctx: Ctx, input: CreateProjectInput): Promise<ProjectDoc> {
  const slug = v.slug('input.slug', input.slug, true);
  const doc: ProjectDoc = {
    slug,
    name: v.name('input.name', input.name),
    quotaBytes: v.bytes('input.quotaBytes', input.quotaBytes ?? 0),
    createdAt: now(),
    updatedAt: now(),
    version: 1,
  };
  await mutate(ctx, slug, async (tx) => {
    tx.absent(keys.project(slug), () => alreadyExists('project', projectId(slug)))
      .set(keys.project(slug), doc)
      .emit(event(ctx, 'PROJECT_CREATED', { project: slug }, null, doc));
  });
  // The cross-project list stands apart from the project's slot; reindex rebuilds it if this is lost.
  await ctx.app.redis.zadd(keys.projects, 0, slug);
  return doc;
}

export async function updateProject(
  ctx: Ctx,
  slug: string,
  input: UpdateProjectInput,
  expectedVersion: number | null | undefined,
): Promise<ProjectDoc> {
  const name = input.name == null ? undefined : v.name('input.name', input.name);
  if (input.quotaBytes === null) throw badInput('input.quotaBytes', 'must be a number of bytes (0 = no quota)');
  const quota = input.quotaBytes === undefined ? undefined : v.bytes('input.quotaBytes', input.quotaBytes);
  return mutate(ctx, slug, async (tx) => {
    const before = await requireProject(ctx, slug);
    const id = projectId(slug);
    if (expectedVersion != null && expectedVersion !== before.version) throw conflict(id, expectedVersion, before.version);
    const after = revise(before, { name: name ?? before.name, quotaBytes: quota ?? before.quotaBytes });
    if (!after) return unchanged(tx, before);
    tx.version(keys.project(slug), id, before.version, expectedVersion, () => notFound('project', id));
    if (quota !== undefined && quota > 0) tx.quota('', -1, 'input.quotaBytes', quota);
    tx.set(keys.project(slug), after).emit(event(ctx, 'PROJECT_UPDATED', { project: slug }, before, after));
    return after;
  });
}

export async function deleteProject(ctx: Ctx, slug: string, force: boolean, purge: boolean): Promise<void> {
  let removed: { doc: ProjectDoc; namespaces: string[] } | null = null;
  await mutate(ctx, slug, async (tx) => {
    const doc = await requireProject(ctx, slug);
    const revision = await readRevision(ctx, keys.revision(slug));
    const idx = await loadIndex(ctx, slug);
    if (!force && (idx.namespaces.length || idx.services.length)) {
      throw new AppError(
        'CONFLICT',
        `Project ${slug} still has ${idx.namespaces.length} namespace(s) and ${idx.services.length} service(s); delete them first or pass force: true`,
        { field: 'force', reason: 'NOT_EMPTY' },
      );
    }
    tx.revision(revision).withoutRevision();
    for (const ns of idx.namespaces) {
      tx.del(keys.namespace(slug, ns));
      for (const svc of idx.nsBindings(ns)) tx.del(keys.binding(slug, ns, svc));
    }
    for (const svc of idx.services) tx.del(keys.service(slug, svc));
    for (const key of [keys.index, keys.quotas, keys.usage, keys.passwords, keys.quotaLevels, keys.deniedSeen, keys.events, keys.revision, keys.project]) {
      tx.del(key(slug));
    }
    removed = { doc, namespaces: idx.namespaces };
  });
  await ctx.app.redis.zrem(keys.projects, slug);
  // The commit above carries no event in the project's stream, so mutate cannot tell it wrote.
  await ctx.app.enforcer.afterCommit(slug);
  const { doc, namespaces } = removed!;
  // The project's own stream is gone with it, so its deletion is recorded in the cross-project stream.
  const record = event(ctx, 'PROJECT_DELETED', { project: slug }, { ...doc, namespaces }, null);
  const { type, ...data } = record;
  await ctx.app.redis.xadd(keys.audit, 'MAXLEN', '~', ctx.app.config.eventsMaxLen, '*', 'type', type, 'data', JSON.stringify(data));
  if (purge) for (const ns of namespaces) await purgeKeys(ctx.app.data, keyPrefix(slug, ns));
}

export async function getProject(ctx: Ctx, slug: string): Promise<ProjectDoc | null> {
  return loadDoc<ProjectDoc>(ctx, keys.project(slug));
}

