// Rebuilds every index from the documents: the project list, each project's index hash and quota
// hash. Bindings whose namespace or service is gone are removed. Reports what it fixed.
import type { Ctx } from '../context.js';
import { indexField, keys, splitList } from '../redis/keys.js';
import { bindingId, projectId } from '../common/ids.js';
import { mutate } from '../common/mutate.js';
import { readRevision } from '../common/docs.js';
import type { ControlRedis } from '../redis/client.js';
import type { NamespaceDoc } from '../namespaces/namespace.record.js';

export interface ReindexOutcome {
  projects: number;
  namespaces: number;
  services: number;
  bindings: number;
  fixes: string[];
}

async function scanAll(redis: ControlRedis, match: string): Promise<string[]> {
  const found: string[] = [];
  let cursor = '0';
  do {
    const [next, batch] = await redis.scan(cursor, 'MATCH', match, 'COUNT', 1000);
    cursor = next;
    found.push(...batch);
  } while (cursor !== '0');
  return [...new Set(found)];
}

const lastPart = (key: string) => key.slice(key.lastIndexOf(':') + 1);
const same = (a: Record<string, string>, b: Record<string, string>) =>
  Object.keys(a).length === Object.keys(b).length && Object.entries(a).every(([k, v]) => b[k] === v);

async function reindexProject(ctx: Ctx, p: string, drop: boolean, out: ReindexOutcome): Promise<void> {
  const redis = ctx.app.redis;
  const found = await mutate(ctx, p, async (tx) => {
    const fixes: string[] = [];
    const revision = await readRevision(ctx, keys.revision(p));
    const nsKeys = await scanAll(redis, keys.docPattern(p, 'ns'));
    const svcList = (await scanAll(redis, keys.docPattern(p, 'svc'))).map(lastPart).sort();
    const nsDocs = (nsKeys.length ? await redis.mget(...nsKeys) : [])
      .filter((raw): raw is string => raw !== null)
      .map((raw) => JSON.parse(raw) as NamespaceDoc)
      .sort((a, b) => a.slug.localeCompare(b.slug));
    const nsList = nsDocs.map((d) => d.slug);

    const index: Record<string, string> = {};
    const bindingPrefix = keys.binding(p, '', '').slice(0, -1); // `…:bind:`
    const orphans: string[] = [];
    let bindings = 0;
    for (const key of await scanAll(redis, keys.docPattern(p, 'bind'))) {
      const [ns, svc] = key.slice(bindingPrefix.length).split(':') as [string, string];
      if (!nsList.includes(ns) || !svcList.includes(svc)) {
        orphans.push(key);
        fixes.push(`removed binding ${bindingId(p, ns, svc)}: its ${nsList.includes(ns) ? 'service' : 'namespace'} is gone`);
        continue;
      }
      bindings++;
      for (const [field, member] of [
        [indexField.nsBindings(ns), svc],
        [indexField.svcBindings(svc), ns],
      ] as const) {
        index[field] = [...splitList(index[field]), member].sort().join(',');
      }
    }
    if (nsList.length) index[indexField.namespaces] = nsList.join(',');
    if (svcList.length) index[indexField.services] = svcList.join(',');
    const quotas = Object.fromEntries(nsDocs.map((d) => [d.slug, String(d.policy.quotaBytes)]));

    // Compare as sets: list order inside a field carries no meaning.
    const normalise = (h: Record<string, string>) =>
      Object.fromEntries(Object.entries(h).map(([k, v]) => [k, splitList(v).sort().join(',')]));
    const [currentIndex, currentQuotas] = await Promise.all([redis.hgetall(keys.index(p)), redis.hgetall(keys.quotas(p))]);
    const indexOk = same(normalise(currentIndex), index);
    const quotasOk = same(currentQuotas, quotas);
    if (!indexOk) fixes.push(`rebuilt the index of ${projectId(p)}`);
    if (!quotasOk) fixes.push(`rebuilt the quota table of ${projectId(p)}`);

    tx.revision(revision);
    for (const key of orphans) tx.del(key);
    if (drop || !indexOk) {
      tx.del(keys.index(p));
      for (const [f, v] of Object.entries(index)) tx.hset(keys.index(p), f, v);
    }
    if (drop || !quotasOk) {
      tx.del(keys.quotas(p));
      for (const [f, v] of Object.entries(quotas)) tx.hset(keys.quotas(p), f, v);
    }
    return { fixes, namespaces: nsList.length, services: svcList.length, bindings };
  });
  out.fixes.push(...found.fixes);
  out.namespaces += found.namespaces;
  out.services += found.services;
  out.bindings += found.bindings;
}

export async function reindex(ctx: Ctx, drop: boolean): Promise<ReindexOutcome> {
  const redis = ctx.app.redis;
  const out: ReindexOutcome = { projects: 0, namespaces: 0, services: 0, bindings: 0, fixes: [] };
  const docKeys = await scanAll(redis, keys.projectDocPattern);
  const projects = docKeys.map((k) => k.slice(k.indexOf('{') + 1, k.indexOf('}'))).sort();
  const listed = await redis.zrange(keys.projects, 0, -1);
  for (const p of projects) if (!listed.includes(p)) out.fixes.push(`added ${projectId(p)} to the project list`);
  for (const p of listed) if (!projects.includes(p)) out.fixes.push(`removed ${projectId(p)} from the project list: it has no document`);
  if (drop || out.fixes.length) {
    const pipe = redis.multi().del(keys.projects);
    if (projects.length) pipe.zadd(keys.projects, ...projects.flatMap((p) => [0, p]));
    await pipe.exec();
  }
  for (const p of projects) await reindexProject(ctx, p, drop, out);
  out.projects = projects.length;
  return out;
}
