import { Link } from 'react-router';
import { Lock, PenLine, ShieldCheck } from 'lucide-react';
import { type FragmentType, getFragmentData, graphql } from '../../gql';

export const RedisAccessFragment = graphql(`
  fragment RedisAccess_namespace on Namespace {
    id
    access {
      serviceId
      username
      writable
      writeBlockedBy
      keyPatterns
      channels
      commandsAllowed
      commandsDenied
    }
  }
`);

const BLOCKED: Record<string, string> = {
  FROZEN: 'read-only: the namespace is frozen',
  QUOTA: 'read-only: the namespace is over its hard quota',
  PROJECT_QUOTA: 'read-only: the project is over its quota',
};

/** "%R~acme:orders:order:*" -> what it means, for a tooltip. */
function keyRuleMeaning(rule: string): string {
  if (rule.startsWith('%R~')) return `read keys matching ${rule.slice(3)}`;
  if (rule.startsWith('%W~')) return `write keys matching ${rule.slice(3)}`;
  if (rule.startsWith('~')) return `read and write keys matching ${rule.slice(1)}`;
  return rule;
}

const TONE = {
  plain: 'bg-white/5 text-slate-200',
  allow: 'border border-emerald-300/15 bg-emerald-400/5 text-emerald-200/90',
  deny: 'border border-rose-300/15 bg-rose-400/5 text-rose-200/80',
};

function Rules({ label, rules, tone, title }: { label?: string; rules: readonly string[]; tone: keyof typeof TONE; title?: (rule: string) => string }) {
  return (
    <div className="flex gap-2">
      {label && <span className="w-16 shrink-0 pt-0.5 text-slate-500">{label}</span>}
      <div className="flex min-w-0 flex-wrap gap-1">
        {rules.map((r) => (
          <code key={r} className={`rounded px-1.5 py-0.5 ${TONE[tone]}`} title={title?.(r)}>
            {r}
          </code>
        ))}
      </div>
    </div>
  );
}

/**
 * What each bound service can really do on the data Redis: the ACL user and rules the enforcer
 * applied, read back from the server (not recomputed here).
 */
export function RedisAccess({ project, namespace, serviceNames }: { project: string; namespace: FragmentType<typeof RedisAccessFragment>; serviceNames: Map<string, { slug: string; name: string }> }) {
  const { access } = getFragmentData(RedisAccessFragment, namespace);
  if (access.length === 0) return <p className="px-4 py-5 text-sm text-slate-500">No service has a Redis user for this namespace: nothing can touch its keys.</p>;
  return (
    <ul className="divide-y divide-white/5">
      {access.map((a) => {
        const svc = serviceNames.get(a.serviceId);
        return (
          <li key={a.serviceId} className="grid gap-3 px-4 py-4 lg:grid-cols-[14rem_1fr]" data-testid={`access-${svc?.slug ?? a.serviceId}`}>
            <div>
              {svc ? (
                <Link to={`/projects/${project}/services/${svc.slug}`} className="font-medium text-white hover:text-accent">
                  {svc.name}
                </Link>
              ) : (
                <span className="font-medium text-white">{a.serviceId}</span>
              )}
              <div className="mt-0.5 font-mono text-xs text-slate-400" title="The Redis ACL user this service connects as">
                {a.username}
              </div>
              <div className="mt-2">
                {a.writable ? (
                  <span className="inline-flex items-center gap-1 text-xs text-emerald-300">
                    <PenLine className="size-3.5" aria-hidden /> may write
                  </span>
                ) : a.writeBlockedBy ? (
                  <span className="inline-flex items-center gap-1 text-xs text-sky-200">
                    <Lock className="size-3.5" aria-hidden /> {BLOCKED[a.writeBlockedBy] ?? `read-only (${a.writeBlockedBy})`}
                  </span>
                ) : (
                  <span className="inline-flex items-center gap-1 text-xs text-slate-400">
                    <ShieldCheck className="size-3.5" aria-hidden /> read-only binding
                  </span>
                )}
              </div>
            </div>
            <div className="min-w-0 space-y-2 text-xs">
              <Rules label="Keys" rules={a.keyPatterns} tone="plain" title={keyRuleMeaning} />
              {a.channels.length > 0 && <Rules label="Channels" rules={a.channels} tone="plain" />}
              <Rules label="Allowed" rules={a.commandsAllowed} tone="allow" />
              <details className="group">
                <summary className="cursor-pointer text-slate-500 hover:text-slate-300">Always denied ({a.commandsDenied.length})</summary>
                <div className="mt-1.5 pl-[4.5rem]">
                  <Rules rules={a.commandsDenied} tone="deny" />
                </div>
              </details>
            </div>
          </li>
        );
      })}
    </ul>
  );
}
