// Small read-only pieces: sizes, times, bars and badges. Each shows the exact value on hover.
import { useEffect, useState } from 'react';
import { Snowflake, Zap } from 'lucide-react';
import { exactBytes, exactTime, formatBytes, formatPercent, relativeTime } from '../../lib/format';

export function Bytes({ value, className = '' }: { value: number; className?: string }) {
  return (
    <span className={`tabular-nums ${className}`} title={exactBytes(value)}>
      {formatBytes(value)}
    </span>
  );
}

// One shared clock so every relative time on the page moves together, once every 15 s.
let now = Date.now();
const ticks = new Set<() => void>();
setInterval(() => {
  now = Date.now();
  ticks.forEach((t) => t());
}, 15_000);

export function Time({ iso, className = '' }: { iso: string; className?: string }) {
  const [, rerender] = useState(0);
  useEffect(() => {
    const t = () => rerender((n) => n + 1);
    ticks.add(t);
    return () => void ticks.delete(t);
  }, []);
  return (
    <time dateTime={iso} title={exactTime(iso)} className={`whitespace-nowrap ${className}`}>
      {relativeTime(iso, Math.max(now, Date.now()))}
    </time>
  );
}

/**
 * Used against a limit. Nothing is drawn as a measurement that is not one: unmeasured usage or
 * no limit gives an empty track.
 */
export function UsageBar({ used, limit, label = 'Used' }: { used: number | null | undefined; limit: number; label?: string }) {
  if (used == null || limit === 0) {
    return <div className="h-1.5 w-full rounded-full bg-white/[0.06]" aria-hidden />;
  }
  const ratio = used / limit;
  const color = ratio >= 1 ? 'from-rose-500 to-rose-400' : ratio >= 0.8 ? 'from-amber-500 to-amber-300' : 'from-accent-strong to-violet-400';
  return (
    <div
      className="h-1.5 w-full overflow-hidden rounded-full bg-white/[0.08]"
      role="meter"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={limit}
      aria-valuenow={Math.min(used, limit)}
      aria-valuetext={`${formatPercent(ratio)} of quota`}
      title={`${formatPercent(ratio)} of ${formatBytes(limit)}`}
    >
      <div className={`h-full rounded-full bg-gradient-to-r ${color} transition-[width] duration-500`} style={{ width: `${Math.max(Math.min(ratio, 1) * 100, ratio > 0 ? 1.5 : 0)}%` }} />
    </div>
  );
}

/** "12 MiB of 1 GiB" with the right muted words when either side is unknown or unlimited. */
export function UsageText({ used, limit }: { used: number | null | undefined; limit: number }) {
  return (
    <span className="text-xs text-slate-400">
      {used == null ? <span className="italic">not measured yet</span> : <Bytes value={used} className="text-slate-200" />}
      {' of '}
      {limit === 0 ? 'no quota' : <Bytes value={limit} />}
      {used != null && limit > 0 && <span className="ml-1.5 text-slate-500">({formatPercent(used / limit)})</span>}
    </span>
  );
}

export function StatusBadge({ status }: { status: 'ACTIVE' | 'FROZEN' }) {
  return status === 'FROZEN' ? (
    <span className="inline-flex items-center gap-1 rounded-full border border-sky-300/30 bg-sky-400/10 px-2 py-0.5 text-xs font-medium text-sky-200" title="Read-only for every service">
      <Snowflake className="size-3" aria-hidden /> Frozen
    </span>
  ) : (
    <span className="inline-flex items-center gap-1 rounded-full border border-emerald-300/25 bg-emerald-400/10 px-2 py-0.5 text-xs font-medium text-emerald-200">
      <Zap className="size-3" aria-hidden /> Active
    </span>
  );
}

export function Stat({ label, children, sub }: { label: string; children: React.ReactNode; sub?: React.ReactNode }) {
  return (
    <div className="glass p-4">
      <p className="text-xs font-medium tracking-wide text-slate-400 uppercase">{label}</p>
      <div className="mt-1.5 text-2xl font-semibold text-white tabular-nums">{children}</div>
      {sub && <div className="mt-1 text-xs text-slate-500">{sub}</div>}
    </div>
  );
}
