// Loading, empty and error states: every screen shows one of these instead of a blank.
import type { ReactNode } from 'react';
import { CircleAlert, RotateCw } from 'lucide-react';
import type { CombinedError } from 'urql';
import { describeError } from '../../lib/errors';
import { Button } from './Button';

export function Skeleton({ className = '' }: { className?: string }) {
  return <div className={`skeleton rounded-lg ${className}`} aria-hidden />;
}

export function Loading({ rows = 3, label = 'Loading' }: { rows?: number; label?: string }) {
  return (
    <div role="status" aria-label={label} className="space-y-3">
      {Array.from({ length: rows }, (_, i) => (
        <Skeleton key={i} className="h-16" />
      ))}
    </div>
  );
}

export function Empty({ icon, title, children, action }: { icon?: ReactNode; title: string; children?: ReactNode; action?: ReactNode }) {
  return (
    <div className="glass flex flex-col items-center px-6 py-12 text-center">
      {icon && <div className="mb-3 rounded-2xl border border-white/10 bg-white/5 p-3 text-accent">{icon}</div>}
      <h3 className="text-base font-semibold text-white">{title}</h3>
      {children && <p className="mt-1 max-w-md text-sm text-slate-400">{children}</p>}
      {action && <div className="mt-5">{action}</div>}
    </div>
  );
}

export function ErrorState({ error, retry }: { error: CombinedError; retry?: () => void }) {
  const p = describeError(error);
  return (
    <div role="alert" className="glass flex flex-col items-start gap-3 border-rose-400/25 p-5 sm:flex-row sm:items-center">
      <CircleAlert className="size-5 shrink-0 text-rose-300" aria-hidden />
      <div className="flex-1">
        <p className="font-medium text-white">{p.title}</p>
        <p className="text-sm text-slate-400">{p.message}</p>
      </div>
      {retry && (
        <Button size="sm" onClick={retry}>
          <RotateCw className="size-3.5" aria-hidden /> Retry
        </Button>
      )}
    </div>
  );
}

/** The inline notice a form shows for a problem that belongs to no single field. */
export function FormProblem({ title, message }: { title: string; message: string }) {
  return (
    <div role="alert" className="mb-4 flex gap-2.5 rounded-xl border border-rose-400/25 bg-rose-500/10 p-3 text-sm">
      <CircleAlert className="mt-0.5 size-4 shrink-0 text-rose-300" aria-hidden />
      <div>
        <p className="font-medium text-rose-100">{title}</p>
        <p className="text-rose-200/80">{message}</p>
      </div>
    </div>
  );
}
