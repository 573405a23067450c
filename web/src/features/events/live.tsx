// Live events for the open project: one subscription per project (kept by ProjectLive in the
// project layout), handed to whichever components listen. Pages refetch what an event changes.
import { type ReactNode, createContext, useContext, useEffect, useRef, useSyncExternalStore } from 'react';
import { useClient, useQuery } from 'urql';
import type { ProjectEventsSubscription as ProjectEventsResult } from '../../gql/graphql';
import { socketStatus } from '../../lib/urql';
import { ProjectEventsSubscription, ProjectIdQuery } from './events.operations';

export type LiveEvent = ProjectEventsResult['events'];
export type LiveState = 'off' | 'connecting' | 'live' | 'paused';
type Listener = (event: LiveEvent) => void;

interface Live {
  listeners: Set<Listener>;
  /** Called when the feed may have missed events (the socket came back after a drop). */
  resyncs: Set<() => void>;
  active: boolean;
}

const LiveContext = createContext<Live | null>(null);

export function ProjectLive({ slug, children }: { slug: string; children: ReactNode }) {
  const [{ data }] = useQuery({ query: ProjectIdQuery, variables: { slug } });
  const projectId = data?.project?.id ?? null;
  const live = useRef<Live>({ listeners: new Set(), resyncs: new Set(), active: false });
  live.current.active = projectId !== null;
  const client = useClient();
  // Subscribed outside React state on purpose: a state updater may run more than once, and each
  // event must reach the listeners exactly once.
  useEffect(() => {
    if (!projectId) return;
    const { unsubscribe } = client.subscription(ProjectEventsSubscription, { projectId }).subscribe((result) => {
      if (result.data) for (const l of live.current.listeners) l(result.data.events);
    });
    return unsubscribe;
  }, [client, projectId]);
  // Events sent while the socket was down never arrive: when it is back, listeners reload instead.
  useEffect(() => {
    let last = socketStatus.get();
    return socketStatus.subscribe(() => {
      const now = socketStatus.get();
      if (now === 'live' && last !== 'live' && socketStatus.ups() > 1) for (const r of live.current.resyncs) r();
      last = now;
    });
  }, []);
  return <LiveContext.Provider value={live.current}>{children}</LiveContext.Provider>;
}

/**
 * Calls `onEvent` for every event of the open project, and `onResync` when events may have been
 * missed (after a reconnect); returns the feed's state for a badge.
 */
export function useLiveEvents(onEvent: Listener, onResync?: () => void): LiveState {
  const live = useContext(LiveContext);
  const handler = useRef(onEvent);
  handler.current = onEvent;
  const resync = useRef(onResync);
  resync.current = onResync;
  useEffect(() => {
    if (!live) return;
    const l: Listener = (e) => handler.current(e);
    const r = () => resync.current?.();
    live.listeners.add(l);
    live.resyncs.add(r);
    return () => {
      live.listeners.delete(l);
      live.resyncs.delete(r);
    };
  }, [live]);
  const socket = useSyncExternalStore(socketStatus.subscribe, socketStatus.get);
  return live?.active ? socket : 'off';
}

/**
 * Refetches a page's data when an event arrives (or may have been missed). A burst of events (a seed, a script) becomes
 * one refetch, not one per event.
 */
export function useLiveRefetch(refetch: () => void): LiveState {
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const latest = useRef(refetch);
  latest.current = refetch;
  useEffect(() => () => void (timer.current && clearTimeout(timer.current)), []);
  const schedule = () => {
    if (timer.current) return;
    timer.current = setTimeout(() => {
      timer.current = null;
      latest.current();
    }, 250);
  };
  return useLiveEvents(schedule, schedule);
}

export function LiveBadge({ state }: { state: LiveState }) {
  if (state === 'off') return null;
  const live = state === 'live';
  return (
    <span
      className={`inline-flex items-center gap-1.5 rounded-full border px-2 py-0.5 text-[11px] font-medium ${
        live ? 'border-emerald-300/30 bg-emerald-400/10 text-emerald-200' : 'border-white/10 bg-white/5 text-slate-400'
      }`}
      data-live={state}
      title={live ? 'Changes appear here as they happen' : state === 'paused' ? 'New events are held until you resume' : 'Connecting to the live feed…'}
    >
      <span className={`size-1.5 rounded-full ${live ? 'animate-pulse bg-emerald-300' : 'bg-slate-500'}`} aria-hidden />
      {state === 'live' ? 'Live' : state === 'paused' ? 'Paused' : 'Connecting'}
    </span>
  );
}
