import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { Link2, Pencil, Plus, RefreshCw, Snowflake, Sun, Trash2 } from 'lucide-react';
import { useQuery } from 'urql';
import { Button } from '../../components/ui/Button';
import { Confirm } from '../../components/ui/Confirm';
import { Bytes, StatusBadge, Time, UsageBar } from '../../components/ui/Display';
import { PageHeader, Section } from '../../components/ui/Misc';
import { Empty, ErrorState, Loading } from '../../components/ui/States';
import { toast } from '../../components/ui/Toast';
import { NotFoundPage } from '../../components/layout/NotFound';
import { formatDuration, formatPercent } from '../../lib/format';
import { useAction } from '../../lib/useAction';
import { RefreshUsageMutation } from '../projects/projects.operations';
import { BindingDialog } from './BindingDialog';
import { type BindingData, BindingRow, BindingTableHead, bindingData } from './BindingRow';
import { PolicyDialog } from './PolicyDialog';
import { RedisAccess } from './RedisAccess';
import { EVICTION } from './policy';
import {
  DeleteNamespaceMutation,
  FreezeNamespaceMutation,
  NamespaceQuery,
  UnbindServiceMutation,
  UnfreezeNamespaceMutation,
} from './namespaces.operations';
import { LiveBadge, useLiveRefetch } from '../events/live';
import { useTitle } from '../../lib/title';

const CONTEXT = { additionalTypenames: ['Binding', 'Service'] };
const DELETED = { additionalTypenames: ['Namespace', 'Binding'] };

type Pending = { kind: 'policy' } | { kind: 'freeze' } | { kind: 'delete' } | { kind: 'bind'; binding: BindingData | null } | { kind: 'unbind'; binding: BindingData } | null;

export function NamespacePage() {
  const { project: projectSlug = '', namespace: nsSlug = '' } = useParams();
  const navigate = useNavigate();
  const [{ data, fetching, error }, refetch] = useQuery({ query: NamespaceQuery, variables: { project: projectSlug, namespace: nsSlug }, context: CONTEXT });
  const [pending, setPending] = useState<Pending>(null);
  useTitle(data?.project?.namespace?.name ?? nsSlug, projectSlug);
  const freeze = useAction(FreezeNamespaceMutation, { toastErrors: true });
  const unfreeze = useAction(UnfreezeNamespaceMutation, { toastErrors: true });
  const remove = useAction(DeleteNamespaceMutation, { toastErrors: true, context: DELETED });
  const unbind = useAction(UnbindServiceMutation, { toastErrors: true, context: DELETED });
  const refresh = useAction(RefreshUsageMutation, { toastErrors: true });
  const reload = () => refetch({ requestPolicy: 'network-only' });
  const live = useLiveRefetch(reload);

  if (error && !data) return <ErrorState error={error} retry={reload} />;
  if (fetching && !data) return <Loading rows={4} label="Loading namespace" />;
  const project = data?.project;
  const ns = project?.namespace;
  if (!project || !ns) return <NotFoundPage what={`Namespace “${nsSlug}”`} />;

  const frozen = ns.status === 'FROZEN';
  const services = project.services.edges.map((e) => e.node);
  const eviction = EVICTION.find((e) => e.value === ns.policy.eviction);
  const close = () => setPending(null);

  async function toggleFreeze() {
    const ok = frozen ? await unfreeze.run({ id: ns!.id }) : await freeze.run({ id: ns!.id });
    if (ok) {
      toast.success(frozen ? 'Namespace unfrozen' : 'Namespace frozen', frozen ? 'Services may write again.' : 'Every service is read-only here now.');
      close();
    }
  }

  return (
    <div>
      <PageHeader
        title={ns.name}
        badge={
          <>
            <StatusBadge status={ns.status} />
            <LiveBadge state={live} />
          </>
        }
        subtitle={
          <span className="flex flex-wrap items-center gap-x-3 gap-y-1">
            <span>
              keys under <code className="rounded bg-white/5 px-1.5 py-0.5 text-slate-200">{ns.keyPrefix}</code>
            </span>
            <span className="text-slate-500">
              updated <Time iso={ns.updatedAt} /> · v{ns.version}
            </span>
          </span>
        }
        actions={
          <>
            <Button onClick={() => setPending({ kind: 'freeze' })}>
              {frozen ? <Sun className="size-4" aria-hidden /> : <Snowflake className="size-4" aria-hidden />}
              {frozen ? 'Unfreeze' : 'Freeze'}
            </Button>
            <Button onClick={() => setPending({ kind: 'policy' })}>
              <Pencil className="size-4" aria-hidden /> Edit policy
            </Button>
            <Button variant="ghost" onClick={() => setPending({ kind: 'delete' })} aria-label="Delete namespace" title="Delete namespace" className="hover:text-rose-300">
              <Trash2 className="size-4" aria-hidden />
            </Button>
          </>
        }
      />

      {frozen && (
        <div className="mb-6 flex items-start gap-3 rounded-2xl border border-sky-300/25 bg-sky-400/10 p-4 text-sm text-sky-100">
          <Snowflake className="mt-0.5 size-4 shrink-0" aria-hidden />
          Frozen: every service bound here can read but not write. Unfreeze to restore write access.
        </div>
      )}

      <div className="grid gap-4 lg:grid-cols-2">
        <section className="glass p-5" aria-label="Usage">
          <div className="flex items-start justify-between gap-3">
            <div>
              <p className="text-xs font-medium tracking-wide text-slate-400 uppercase">Usage</p>
              <p className="mt-1.5 text-2xl font-semibold text-white tabular-nums" data-testid="ns-used">
                {ns.usage.usedBytes == null ? <span className="text-slate-500">not measured</span> : <Bytes value={ns.usage.usedBytes} />}
                <span className="ml-2 text-sm font-normal text-slate-400">of {ns.policy.quotaBytes === 0 ? 'no quota' : <Bytes value={ns.policy.quotaBytes} />}</span>
              </p>
            </div>
            <Button size="sm" onClick={() => void refresh.run({ projectId: project.id })} busy={refresh.fetching} title="Measure usage on the data Redis now">
              <RefreshCw className="size-3.5" aria-hidden /> Refresh
            </Button>
          </div>
          <div className="mt-3">
            <UsageBar used={ns.usage.usedBytes} limit={ns.policy.quotaBytes} label="Namespace used" />
          </div>
          <dl className="mt-4 grid grid-cols-3 gap-3 border-t border-white/5 pt-3 text-sm">
            <div>
              <dt className="text-xs text-slate-500">Keys</dt>
              <dd className="mt-0.5 text-lg font-semibold text-white tabular-nums" data-testid="ns-keys">
                {ns.usage.keyCount == null ? '—' : ns.usage.keyCount.toLocaleString('en-US')}
              </dd>
            </div>
            <div>
              <dt className="text-xs text-slate-500">Of quota</dt>
              <dd className="mt-0.5 text-lg font-semibold text-white tabular-nums">
                {ns.usage.usedBytes == null || ns.policy.quotaBytes === 0 ? '—' : formatPercent(ns.usage.usedBytes / ns.policy.quotaBytes)}
              </dd>
            </div>
            <div>
              <dt className="text-xs text-slate-500">Measured</dt>
              <dd className="mt-1 text-slate-300">{ns.usage.sampledAt ? <Time iso={ns.usage.sampledAt} /> : 'not yet'}</dd>
            </div>
          </dl>
        </section>
        <section className="glass p-5" aria-label="Policy">
          <div className="flex items-start justify-between gap-3">
            <p className="text-xs font-medium tracking-wide text-slate-400 uppercase">Policy</p>
            <Button size="sm" variant="ghost" onClick={() => setPending({ kind: 'policy' })}>
              <Pencil className="size-3.5" aria-hidden /> Edit
            </Button>
          </div>
          <dl className="mt-1 grid grid-cols-[7rem_1fr] gap-y-2 text-sm" data-testid="ns-policy">
            <dt className="text-slate-400">Quota</dt>
            <dd className="text-white">{ns.policy.quotaBytes === 0 ? 'No quota' : <Bytes value={ns.policy.quotaBytes} />}</dd>
            <dt className="text-slate-400">Default TTL</dt>
            <dd className="text-white">{ns.policy.defaultTtlSeconds == null ? 'None' : <span title={`${ns.policy.defaultTtlSeconds} seconds`}>{formatDuration(ns.policy.defaultTtlSeconds)}</span>}</dd>
            <dt className="text-slate-400">Eviction</dt>
            <dd>
              <span className="text-white">{eviction?.label ?? ns.policy.eviction}</span>
              <span className="block text-xs text-slate-500">{eviction?.explain}</span>
            </dd>
            <dt className="text-slate-400">Data Redis</dt>
            <dd className="text-xs text-slate-400" title="The data Redis's own maxmemory-policy applies to the whole instance; MemMouse reports it and never changes it. Agents apply this namespace's policy.">
              {ns.dataRedisEvictionPolicy == null ? 'maxmemory-policy unknown' : <>maxmemory-policy <code className="text-slate-200">{ns.dataRedisEvictionPolicy}</code> (instance-wide)</>}
            </dd>
          </dl>
        </section>
      </div>

      <Section
        className="mt-6"
        title={`Service bindings (${ns.bindings.length})`}
        actions={
          <Button size="sm" variant="primary" onClick={() => setPending({ kind: 'bind', binding: null })}>
            <Plus className="size-3.5" aria-hidden /> Bind service
          </Button>
        }
      >
        {ns.bindings.length === 0 ? (
          <div className="p-4">
            <Empty icon={<Link2 className="size-6" />} title="No service may use this namespace yet">
              Bind a service to say which keys it may read or write here, with which command families and at what rate.
            </Empty>
          </div>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full">
              <BindingTableHead side="namespace" actions />
              <tbody>
                {ns.bindings.map((b) => (
                  <BindingRow
                    key={b.id}
                    project={project.slug}
                    binding={b}
                    side="namespace"
                    onEdit={() => setPending({ kind: 'bind', binding: bindingData(b) })}
                    onRemove={() => setPending({ kind: 'unbind', binding: bindingData(b) })}
                  />
                ))}
              </tbody>
            </table>
          </div>
        )}
        <p className="border-t border-white/5 px-4 py-2.5 text-xs text-slate-500">
          Key patterns are shown with the namespace prefix: that is the full set of keys each service's agent config grants here.
        </p>
      </Section>

      <Section className="mt-6" title="Redis access, as enforced">
        <RedisAccess
          project={project.slug}
          namespace={ns}
          serviceNames={new Map(ns.bindings.map((b) => bindingData(b).service).map((s) => [s.id, { slug: s.slug, name: s.name }]))}
        />
      </Section>

      {pending?.kind === 'policy' && <PolicyDialog namespace={ns} onReload={reload} onClose={close} />}
      {pending?.kind === 'bind' && (
        <BindingDialog
          namespace={ns}
          services={services}
          boundServiceIds={ns.bindings.map((b) => bindingData(b).service.id)}
          binding={pending.binding}
          onClose={close}
        />
      )}
      {pending?.kind === 'freeze' && (
        <Confirm
          title={frozen ? `Unfreeze ${ns.name}?` : `Freeze ${ns.name}?`}
          confirmLabel={frozen ? 'Unfreeze' : 'Freeze namespace'}
          danger={!frozen}
          busy={freeze.fetching || unfreeze.fetching}
          onConfirm={() => void toggleFreeze()}
          onClose={close}
        >
          {frozen
            ? `Services bound with write access (${ns.bindings.filter((b) => bindingData(b).permissions.includes('WRITE')).length}) will be able to write again.`
            : `All ${ns.bindings.length} bound services become read-only at once: writes to ${ns.keyPrefix}* are refused until you unfreeze it.`}
        </Confirm>
      )}
      {pending?.kind === 'unbind' && (
        <Confirm
          title={`Remove ${pending.binding.service.name}'s access?`}
          confirmLabel="Remove binding"
          danger
          busy={unbind.fetching}
          onConfirm={async () => {
            if (await unbind.run({ id: pending.binding.id })) {
              toast.success('Binding removed');
              close();
            }
          }}
          onClose={close}
        >
          {pending.binding.service.name} will no longer be able to use keys under <code>{ns.keyPrefix}</code>.
        </Confirm>
      )}
      {pending?.kind === 'delete' && (
        <Confirm
          title={`Delete ${ns.name}?`}
          confirmLabel="Delete namespace"
          danger
          typeToConfirm={ns.slug}
          busy={remove.fetching}
          onConfirm={async () => {
            if (await remove.run({ id: ns.id, purgeKeys: true })) {
              toast.success('Namespace deleted', `${ns.keyPrefix}* is gone.`);
              navigate(`/projects/${project.slug}/namespaces`);
            }
          }}
          onClose={close}
        >
          This deletes the namespace, its {ns.bindings.length} bindings and every key under <code>{ns.keyPrefix}</code> on the data Redis. It cannot be undone.
        </Confirm>
      )}
    </div>
  );
}
