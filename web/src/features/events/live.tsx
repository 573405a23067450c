// Live events for a project. The server's `events` subscription is not in the schema yet, so
// nothing is subscribed and the badge says so; pages refetch after their own mutations.
import { useEffect, useRef } from 'react';

export type LiveState = 'off' | 'connecting' | 'live' | 'paused';

export function useLiveEvents(projectId: string | null, onEvent: (event: unknown) => void): LiveState {
  const handler = useRef(onEvent);
  handler.current = onEvent;
  useEffect(() => {
    void projectId;
  }, [projectId]);
  return 'off';
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
    >
      <span className={`size-1.5 rounded-full ${live ? 'animate-pulse bg-emerald-300' : 'bg-slate-500'}`} aria-hidden />
      {state === 'live' ? 'Live' : state === 'paused' ? 'Paused' : 'Connecting'}
    </span>
  );
}
