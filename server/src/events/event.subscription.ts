// Subscription.events: checks the caller and the arguments, then opens a feed on the hub.
import type { Ctx } from '../context.js';
import { badInput, forbidden } from '../errors.js';
import { parseId } from '../common/ids.js';
import { requireProject } from '../projects/project.service.js';
import type { Feed } from './hub.js';
import { checkStreamId } from './stream-id.js';
import { socketHooks } from './ws.js';

export interface EventsArgs {
  projectId: string;
  namespaceId?: string | null;
  serviceId?: string | null;
  types?: string[] | null;
  after?: string | null;
}

function sameProject(id: string | null | undefined, kind: 'namespace' | 'service', project: string): string | null {
  if (!id) return null;
  const field = `${kind}Id`;
  if (parseId(id, kind, field).project !== project) throw badInput(field, `${id} is not in project ${project}`);
  return id;
}

export async function subscribeEvents(ctx: Ctx, args: EventsArgs): Promise<Feed> {
  // Root-field middleware does not run on a subscription's subscribe step: check here.
  if (ctx.viewer.kind !== 'ADMIN') throw forbidden('Events are read with an admin token');
  const project = parseId(args.projectId, 'project', 'projectId').project;
  const filter = {
    namespaceId: sameProject(args.namespaceId, 'namespace', project),
    serviceId: sameProject(args.serviceId, 'service', project),
    types: args.types ?? null,
  };
  const after = args.after ? checkStreamId(args.after) : null;
  await requireProject(ctx, project);
  const hooks = socketHooks(ctx);
  return ctx.app.events.open({ project, after, filter, authorized: hooks?.authorized, onOverflow: hooks?.overflow });
}
