import { useEffect, useMemo, useState } from 'react';
import { useParams } from 'react-router';
import { Activity, ChevronDown, Pause, Play } from 'lucide-react';
import { useQuery } from 'urql';
import { Button } from '../../components/ui/Button';
import { PageHeader } from '../../components/ui/Misc';
import { Empty, ErrorState, Loading } from '../../components/ui/States';
import { NotFoundPage } from '../../components/layout/NotFound';
import type { EventFilter, EventType } from '../../gql/graphql';
import { EventRow, eventLabel } from './EventRow';
import { type LiveEvent, LiveBadge, useLiveEvents } from './live';
import { EventFiltersQuery, EventsQuery } from './events.operations';
import { useTitle } from '../../lib/title';

const PAGE = 30;
const TYPES: EventType[] = [
  'PROJECT_CREATED', 'PROJECT_UPDATED', 'PROJECT_DELETED',
  'NAMESPACE_CREATED', 'NAMESPACE_POLICY_UPDATED', 'NAMESPACE_FROZEN', 'NAMESPACE_UNFROZEN', 'NAMESPACE_DELETED',
  'SERVICE_CREATED', 'SERVICE_UPDATED', 'SERVICE_DELETED', 'SERVICE_TOKEN_ROTATED',
  'BINDING_CREATED', 'BINDING_UPDATED', 'BINDING_DELETED',
  'QUOTA_WARNING', 'QUOTA_EXCEEDED', 'ACCESS_DENIED', 'ACL_DRIFT_REPAIRED',
];

/** One page of older events; the last page offers the next. */
function EventPage({
  projectId,
  filter,
  after,
  isLast,
  hide,
  reload,
  onLoadMore,
}: {
  projectId: string;
  filter: EventFilter;
  after: string | null;
  isLast: boolean;
  /** Bumped to read the page again from the server (events may have been missed). */
  reload: number;
  /** Events already shown from the live feed (one could be in both around the moment of loading). */
  hide: ReadonlySet<string>;
  onLoadMore: (cursor: string) => void;
}) {
  const [{ data, fetching, error }, refetch] = useQuery({ query: EventsQuery, variables: { projectId, filter, first: PAGE, after } });
  useEffect(() => {
    if (reload > 0) refetch({ requestPolicy: 'network-only' });
  }, [reload, refetch]);
  if (error && !data) return <div className="p-4"><ErrorState error={error} retry={() => refetch({ requestPolicy: 'network-only' })} /></div>;
  if (!data) return <div className="p-4"><Loading rows={2} label="Loading events" /></div>;
  const { edges, pageInfo } = data.events;
  return (
    <>
      {edges
        .filter((e) => !hide.has(e.node.id))
        .map((e) => (
          <EventRow key={e.node.id} event={e.node} />
        ))}
      {isLast && pageInfo.hasNextPage && pageInfo.endCursor && (
        <li className="border-t border-white/5 p-3 text-center">
          <Button size="sm" busy={fetching} onClick={() => onLoadMore(pageInfo.endCursor!)}>
            <ChevronDown className="size-3.5" aria-hidden /> Load older
          </Button>
        </li>
      )}
      {isLast && !pageInfo.hasNextPage && after !== null && <li className="border-t border-white/5 p-3 text-center text-xs text-slate-500">That is the oldest event kept.</li>}
      {after === null && edges.length === 0 && <li className="p-6 text-center text-sm text-slate-500">No event matches these filters.</li>}
    </>
  );
}

export function EventsPage() {
  const { project: slug = '' } = useParams();
  const [{ data, fetching, error }, refetch] = useQuery({ query: EventFiltersQuery, variables: { project: slug } });
  const [namespaceId, setNamespaceId] = useState('');
  const [serviceId, setServiceId] = useState('');
  const [type, setType] = useState<EventType | ''>('');
  const [pages, setPages] = useState<(string | null)[]>([null]);
  const [paused, setPaused] = useState(false);
  useTitle('Events', slug);
  // Events that arrived since the list was loaded, newest first; `held` while paused.
  const [arrived, setArrived] = useState<LiveEvent[]>([]);
  const [held, setHeld] = useState<LiveEvent[]>([]);
  const filter = useMemo<EventFilter>(() => ({ namespaceId: namespaceId || null, serviceId: serviceId || null, types: type ? [type] : null }), [namespaceId, serviceId, type]);
  const project = data?.project;
  const matches = (e: LiveEvent) => (!namespaceId || e.namespaceId === namespaceId) && (!serviceId || e.serviceId === serviceId) && (!type || e.type === type);
  // After a reconnect the newest page is read again: it holds what arrived live and what was missed.
  const [reload, setReload] = useState(0);
  const live = useLiveEvents(
    (e) => {
      if (!matches(e)) return;
      if (paused) setHeld((h) => [e, ...h]);
      else setArrived((a) => [e, ...a]);
    },
    () => {
      setArrived([]);
      setHeld([]);
      setReload((n) => n + 1);
    },
  );
  const arrivedIds = useMemo(() => new Set(arrived.map((e) => e.id)), [arrived]);

  if (error && !data) return <ErrorState error={error} retry={() => refetch({ requestPolicy: 'network-only' })} />;
  if (fetching && !data) return <Loading rows={5} label="Loading events" />;
  if (!project) return <NotFoundPage what={`Project “${slug}”`} />;
  const reset = () => {
    setPages([null]);
    setArrived([]);
    setHeld([]);
  };
  const togglePause = () => {
    if (paused) {
      setArrived((a) => [...held, ...a]);
      setHeld([]);
    }
    setPaused(!paused);
  };

  return (
    <div>
      <PageHeader
        title="Events"
        badge={<LiveBadge state={paused ? 'paused' : live} />}
        subtitle="Every change in this project, who made it, and what it changed"
        actions={
          live !== 'off' && (
            <Button onClick={togglePause}>
              {paused ? <Play className="size-4" aria-hidden /> : <Pause className="size-4" aria-hidden />}
              {paused ? `Resume${held.length ? ` (${held.length} new)` : ''}` : 'Pause'}
            </Button>
          )
        }
      />
      <div className="mb-4 grid gap-2 sm:grid-cols-3">
        <select className="input" aria-label="Namespace" value={namespaceId} onChange={(e) => { setNamespaceId(e.target.value); reset(); }}>
          <option value="">All namespaces</option>
          {project.namespaces.edges.map(({ node }) => (
            <option key={node.id} value={node.id}>{node.name}</option>
          ))}
        </select>
        <select className="input" aria-label="Service" value={serviceId} onChange={(e) => { setServiceId(e.target.value); reset(); }}>
          <option value="">All services</option>
          {project.services.edges.map(({ node }) => (
            <option key={node.id} value={node.id}>{node.name}</option>
          ))}
        </select>
        <select className="input" aria-label="Event type" value={type} onChange={(e) => { setType(e.target.value as EventType | ''); reset(); }}>
          <option value="">All event types</option>
          {TYPES.map((t) => (
            <option key={t} value={t}>{eventLabel(t)}</option>
          ))}
        </select>
      </div>
      <div className="glass overflow-hidden">
        <ul data-testid="event-list">
          {arrived.map((e) => (
            <EventRow key={e.id} event={e} fresh />
          ))}
          {pages.map((after, i) => (
            <EventPage
              key={after ?? 'first'}
              projectId={project.id}
              filter={filter}
              after={after}
              isLast={i === pages.length - 1}
              hide={arrivedIds}
              reload={after === null ? reload : 0}
              onLoadMore={(c) => setPages([...pages, c])}
            />
          ))}
        </ul>
      </div>
      {project.namespaces.edges.length === 0 && project.services.edges.length === 0 && (
        <div className="mt-6">
          <Empty icon={<Activity className="size-6" />} title="A quiet project">
            Create a namespace or a service and its events appear here.
          </Empty>
        </div>
      )}
    </div>
  );
}
