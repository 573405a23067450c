import { useSyncExternalStore } from 'react';
import { CircleAlert, CircleCheck, X } from 'lucide-react';
import type { CombinedError } from 'urql';
import { describeError } from '../../lib/errors';

interface ToastItem {
  id: number;
  kind: 'error' | 'success';
  title: string;
  message?: string;
}

let items: ToastItem[] = [];
let next = 1;
const listeners = new Set<() => void>();
const emit = () => listeners.forEach((l) => l());

function dismiss(id: number) {
  items = items.filter((t) => t.id !== id);
  emit();
}

function push(item: Omit<ToastItem, 'id'>) {
  const id = next++;
  items = [...items.slice(-3), { ...item, id }];
  emit();
  setTimeout(() => dismiss(id), item.kind === 'error' ? 8000 : 3500);
}

export const toast = {
  success: (title: string, message?: string) => push({ kind: 'success', title, message }),
  error: (title: string, message?: string) => push({ kind: 'error', title, message }),
  /** A failed request that no form field can show. */
  problem: (error: CombinedError) => {
    const p = describeError(error);
    push({ kind: 'error', title: p.title, message: p.message });
  },
};

export function Toaster() {
  const list = useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => items,
  );
  return (
    <div className="pointer-events-none fixed right-4 bottom-4 z-[60] flex w-[min(24rem,calc(100vw-2rem))] flex-col gap-2" aria-live="polite">
      {list.map((t) => (
        <div key={t.id} role={t.kind === 'error' ? 'alert' : 'status'} className="glass-strong animate-rise pointer-events-auto flex items-start gap-3 p-3.5">
          {t.kind === 'error' ? (
            <CircleAlert className="mt-0.5 size-4 shrink-0 text-rose-300" aria-hidden />
          ) : (
            <CircleCheck className="mt-0.5 size-4 shrink-0 text-emerald-300" aria-hidden />
          )}
          <div className="min-w-0 flex-1 text-sm">
            <p className="font-medium text-white">{t.title}</p>
            {t.message && <p className="mt-0.5 text-slate-400">{t.message}</p>}
          </div>
          <button type="button" className="text-slate-500 hover:text-white" aria-label="Dismiss" onClick={() => dismiss(t.id)}>
            <X className="size-4" />
          </button>
        </div>
      ))}
    </div>
  );
}
