import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { Activity, Boxes, Gauge, KeyRound, Link2, RefreshCw, Settings } from 'lucide-react';
import { useQuery } from 'urql';
import { Button } from '../../components/ui/Button';
import { Bytes, Stat, UsageBar } from '../../components/ui/Display';
import { formatPercent } from '../../lib/format';
import { PageHeader, Section } from '../../components/ui/Misc';
import { ErrorState, Loading } from '../../components/ui/States';
import { useAction } from '../../lib/useAction';
import { EventRow } from '../events/EventRow';
import { LiveBadge, useLiveEvents, useLiveRefetch } from '../events/live';
import { NotFoundPage } from '../../components/layout/NotFound';
import { ProjectSettings } from './ProjectSettings';
import { TopNamespaces } from './TopNamespaces';
import { ProjectOverviewQuery, RefreshUsageMutation } from './projects.operations';
import { useTitle } from '../../lib/title';

const CONTEXT = { additionalTypenames: ['Namespace', 'Service', 'Binding'] };

export function OverviewPage() {
  const { project: slug = '' } = useParams();
  const [{ data, fetching, error }, refetch] = useQuery({ query: ProjectOverviewQuery, variables: { slug }, context: CONTEXT });
  const refresh = useAction(RefreshUsageMutation, { toastErrors: true });
  const [settings, setSettings] = useState(false);
  const project = data?.project;
  useTitle(project?.name ?? slug);
  // A live event means the numbers changed: fetch the overview again (one request, no reload).
  const live = useLiveRefetch(() => refetch({ requestPolicy: 'network-only' }));
  const [fresh, setFresh] = useState<ReadonlySet<string>>(new Set());
  useLiveEvents((e) => setFresh((s) => new Set(s).add(e.id)));

  if (error && !data) return <ErrorState error={error} retry={() => refetch({ requestPolicy: 'network-only' })} />;
  if (fetching && !data) return <Loading rows={4} label="Loading overview" />;
  if (!project) return <NotFoundPage what={`Project “${slug}”`} />;
  const o = project.overview;

  return (
    <div>
      <PageHeader
        title={project.name}
        subtitle={<code>{project.id}</code>}
        actions={
          <>
            <Button onClick={() => void refresh.run({ projectId: project.id })} busy={refresh.fetching} title="Measure every namespace on the data Redis now">
              <RefreshCw className="size-4" aria-hidden /> Measure usage
            </Button>
            <Button onClick={() => setSettings(true)}>
              <Settings className="size-4" aria-hidden /> Settings
            </Button>
          </>
        }
      />

      <div className="grid grid-cols-2 gap-3 sm:gap-4 xl:grid-cols-4">
        <div className="glass col-span-2 p-4">
          <div className="flex items-center justify-between">
            <p className="text-xs font-medium tracking-wide text-slate-400 uppercase">Capacity</p>
            <Gauge className="size-4 text-slate-500" aria-hidden />
          </div>
          <div className="mt-1.5 text-2xl font-semibold text-white tabular-nums" data-testid="capacity-used">
            {o.usedBytes == null ? <span className="text-slate-500">not measured</span> : <Bytes value={o.usedBytes} />}
            <span className="ml-2 text-sm font-normal text-slate-400">
              of {o.quotaBytes === 0 ? 'no quota' : <Bytes value={o.quotaBytes} />}
            </span>
          </div>
          <div className="mt-3">
            <UsageBar used={o.usedBytes} limit={o.quotaBytes} label="Project capacity used" />
          </div>
          <p className="mt-1.5 text-xs text-slate-400">
            {o.usedBytes == null
              ? 'Usage appears after the first measurement.'
              : o.quotaBytes === 0
                ? 'No project-wide quota: only namespace quotas apply.'
                : `${formatPercent(o.usedBytes / o.quotaBytes)} of the project quota`}
          </p>
        </div>
        <div className="glass col-span-2 p-4">
          <div className="flex items-center justify-between">
            <p className="text-xs font-medium tracking-wide text-slate-400 uppercase">Operations</p>
            <Activity className="size-4 text-slate-500" aria-hidden />
          </div>
          {o.readsPerSec == null && o.writesPerSec == null ? (
            <p className="mt-2 text-sm text-slate-400">
              No agent data yet. Reads and writes per second appear here once agents report them; MemMouse never estimates them.
            </p>
          ) : (
            <div className="mt-1.5 flex gap-8 text-2xl font-semibold text-white tabular-nums">
              <span>
                {o.readsPerSec?.toLocaleString('en-US') ?? '—'}
                <span className="ml-1 text-sm font-normal text-slate-400">reads/s</span>
              </span>
              <span>
                {o.writesPerSec?.toLocaleString('en-US') ?? '—'}
                <span className="ml-1 text-sm font-normal text-slate-400">writes/s</span>
              </span>
            </div>
          )}
        </div>
        <Link to="namespaces" className="block">
          <Stat label="Namespaces">
            <span className="flex items-center gap-2">
              <Boxes className="size-5 text-sky-300" aria-hidden />
              <span data-testid="count-namespaces">{o.namespaceCount}</span>
            </span>
          </Stat>
        </Link>
        <Link to="services" className="block">
          <Stat label="Services">
            <span className="flex items-center gap-2">
              <KeyRound className="size-5 text-violet-300" aria-hidden />
              <span data-testid="count-services">{o.serviceCount}</span>
            </span>
          </Stat>
        </Link>
        <Stat label="Bindings">
          <span className="flex items-center gap-2">
            <Link2 className="size-5 text-emerald-300" aria-hidden />
            <span data-testid="count-bindings">{o.bindingCount}</span>
          </span>
        </Stat>
        <Stat label="Project quota">{o.quotaBytes === 0 ? <span className="text-slate-500">none</span> : <Bytes value={o.quotaBytes} />}</Stat>
      </div>

      <div className="mt-6 grid items-start gap-6 lg:grid-cols-5">
        <Section title="Top namespaces by used bytes" className="lg:col-span-2" actions={<Link to="namespaces" className="text-xs text-accent hover:underline">All namespaces</Link>}>
          <TopNamespaces project={project.slug} namespaces={o.topNamespaces} />
        </Section>
        <Section
          title={
            <span className="flex items-center gap-2">
              Recent events <LiveBadge state={live} />
            </span>
          }
          className="lg:col-span-3"
          actions={<Link to="events" className="text-xs text-accent hover:underline">All events</Link>}
        >
          {o.recentEvents.length === 0 ? (
            <p className="px-4 py-6 text-sm text-slate-500">Nothing has happened in this project yet.</p>
          ) : (
            <ul data-testid="recent-events">
              {o.recentEvents.map((e) => (
                <EventRow key={e.id} event={e} compact fresh={fresh.has(e.id)} />
              ))}
            </ul>
          )}
        </Section>
      </div>
      {settings && (
        <ProjectSettings
          project={project}
          counts={{ namespaces: o.namespaceCount, services: o.serviceCount }}
          onClose={() => setSettings(false)}
        />
      )}
    </div>
  );
}
