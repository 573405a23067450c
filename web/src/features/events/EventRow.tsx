import { useState } from 'react';
import { Link } from 'react-router';
import { Activity, Boxes, ChevronRight, FolderKanban, KeyRound, Link2, ShieldAlert, TriangleAlert } from 'lucide-react';
import { type FragmentType, getFragmentData, graphql } from '../../gql';
import { Time } from '../../components/ui/Display';
import { diffRows } from './diff';

export const EventRowFragment = graphql(`
  fragment EventRow_event on Event {
    id
    type
    at
    actor {
      kind
      id
    }
    projectId
    namespaceId
    serviceId
    bindingId
    before
    after
    requestId
  }
`);

export function eventLabel(type: string): string {
  const s = type.toLowerCase().replace(/_/g, ' ');
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function iconFor(type: string) {
  if (type.startsWith('QUOTA')) return <TriangleAlert className="size-4 text-amber-300" aria-hidden />;
  if (type === 'ACCESS_DENIED' || type === 'ACL_DRIFT_REPAIRED') return <ShieldAlert className="size-4 text-rose-300" aria-hidden />;
  if (type.startsWith('NAMESPACE')) return <Boxes className="size-4 text-sky-300" aria-hidden />;
  if (type.startsWith('SERVICE')) return <KeyRound className="size-4 text-violet-300" aria-hidden />;
  if (type.startsWith('BINDING')) return <Link2 className="size-4 text-emerald-300" aria-hidden />;
  if (type.startsWith('PROJECT')) return <FolderKanban className="size-4 text-accent" aria-hidden />;
  return <Activity className="size-4 text-slate-300" aria-hidden />;
}

/** "namespace:acme/orders" -> { project: "acme", path: ["orders"] } */
export function splitId(id: string | null | undefined): { kind: string; project: string; path: string[] } | null {
  if (!id) return null;
  const m = /^([a-z]+):([^/]+)\/?(.*)$/.exec(id);
  return m ? { kind: m[1]!, project: m[2]!, path: m[3] ? m[3].split('/') : [] } : null;
}

function Subject({ event }: { event: { namespaceId?: string | null; serviceId?: string | null; bindingId?: string | null; projectId: string } }) {
  const b = splitId(event.bindingId);
  if (b && b.path.length === 2) {
    return (
      <span className="text-slate-300">
        <Link className="hover:text-white hover:underline" to={`/projects/${b.project}/services/${b.path[1]}`}>
          {b.path[1]}
        </Link>
        <span className="text-slate-500"> → </span>
        <Link className="hover:text-white hover:underline" to={`/projects/${b.project}/namespaces/${b.path[0]}`}>
          {b.path[0]}
        </Link>
      </span>
    );
  }
  const ns = splitId(event.namespaceId);
  if (ns?.path[0]) {
    return (
      <Link className="text-slate-300 hover:text-white hover:underline" to={`/projects/${ns.project}/namespaces/${ns.path[0]}`}>
        {ns.path[0]}
      </Link>
    );
  }
  const svc = splitId(event.serviceId);
  if (svc?.path[0]) {
    return (
      <Link className="text-slate-300 hover:text-white hover:underline" to={`/projects/${svc.project}/services/${svc.path[0]}`}>
        {svc.path[0]}
      </Link>
    );
  }
  return <span className="text-slate-300">{splitId(event.projectId)?.project}</span>;
}

export function EventRow(props: { event: FragmentType<typeof EventRowFragment>; fresh?: boolean; compact?: boolean }) {
  const e = getFragmentData(EventRowFragment, props.event);
  const [open, setOpen] = useState(false);
  const rows = open ? diffRows(e.before, e.after) : [];
  const actor = e.actor.kind === 'ADMIN' ? 'admin' : e.actor.kind === 'SYSTEM' ? 'MemMouse' : (splitId(e.actor.id)?.path[0] ?? e.actor.id);
  return (
    <li className={`border-t border-white/5 first:border-t-0 ${props.fresh ? 'animate-flash' : ''}`} data-event-type={e.type}>
      <button
        type="button"
        onClick={() => setOpen(!open)}
        aria-expanded={open}
        className="flex w-full items-center gap-3 px-4 py-2.5 text-left text-sm transition hover:bg-white/[0.03]"
      >
        <span className="rounded-lg border border-white/8 bg-white/[0.04] p-1.5">{iconFor(e.type)}</span>
        <span className="min-w-0 flex-1">
          <span className="font-medium text-white">{eventLabel(e.type)}</span>{' '}
          <span className="text-slate-500">·</span> <Subject event={e} />
          {!props.compact && <span className="block text-xs text-slate-500 sm:inline sm:before:content-['_·_']">by {actor}</span>}
        </span>
        <Time iso={e.at} className="text-xs text-slate-500" />
        <ChevronRight className={`size-4 shrink-0 text-slate-500 transition ${open ? 'rotate-90' : ''}`} aria-hidden />
      </button>
      {open && (
        <div className="px-4 pb-3 pl-14">
          {rows.length === 0 ? (
            <p className="text-xs text-slate-500">No field changes recorded.</p>
          ) : (
            <table className="text-xs" aria-label="Changes">
              <tbody>
                {rows.map((r) => (
                  <tr key={r.path} className="align-top">
                    <td className="py-1 pr-6 font-mono whitespace-nowrap text-slate-400">{r.path}</td>
                    <td className="py-1 pr-1 font-mono break-all">
                      {r.before && (
                        <span className="rounded bg-rose-500/15 px-1 text-rose-200 line-through decoration-rose-300/40" title={r.before.exact}>
                          {r.before.text}
                        </span>
                      )}
                    </td>
                    <td className="px-1.5 py-1 text-slate-600" aria-hidden>
                      {r.before && r.after ? '→' : ''}
                    </td>
                    <td className="py-1 font-mono break-all">
                      {r.after && (
                        <span className="rounded bg-emerald-500/15 px-1 text-emerald-200" title={r.after.exact}>
                          {r.after.text}
                        </span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <p className="mt-2 text-[11px] text-slate-600">
            by {e.actor.kind === 'ADMIN' ? 'an admin token' : e.actor.kind === 'SYSTEM' ? 'MemMouse itself' : e.actor.id}
            {e.requestId && <> · request {e.requestId}</>} · event {e.id} · <Time iso={e.at} />
          </p>
        </div>
      )}
    </li>
  );
}
