import { type ReactNode, useState } from 'react';
import { Check, Copy } from 'lucide-react';
import { Button } from './Button';

export function PageHeader({ title, subtitle, actions, badge }: { title: ReactNode; subtitle?: ReactNode; actions?: ReactNode; badge?: ReactNode }) {
  return (
    <div className="mb-6 flex flex-col gap-3 sm:flex-row sm:items-end sm:justify-between">
      <div className="min-w-0">
        <div className="flex flex-wrap items-center gap-2.5">
          <h1 className="truncate text-2xl font-semibold tracking-tight text-white">{title}</h1>
          {badge}
        </div>
        {subtitle && <div className="mt-1 text-sm text-slate-400">{subtitle}</div>}
      </div>
      {actions && <div className="flex flex-wrap gap-2">{actions}</div>}
    </div>
  );
}

export function Section({ title, actions, children, className = '' }: { title: ReactNode; actions?: ReactNode; children: ReactNode; className?: string }) {
  return (
    <section className={`glass overflow-hidden ${className}`}>
      <header className="flex items-center justify-between gap-3 border-b border-white/8 px-4 py-3">
        <h2 className="text-sm font-semibold text-white">{title}</h2>
        {actions}
      </header>
      {children}
    </section>
  );
}

export function CopyButton({ value, label = 'Copy', onCopied }: { value: string; label?: string; onCopied?: () => void }) {
  const [done, setDone] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
    } catch {
      // Without clipboard permission (plain http on another host): select-and-copy fallback.
      const ta = document.createElement('textarea');
      ta.value = value;
      document.body.append(ta);
      ta.select();
      document.execCommand('copy');
      ta.remove();
    }
    setDone(true);
    onCopied?.();
    setTimeout(() => setDone(false), 2000);
  };
  return (
    <Button size="sm" variant={done ? 'secondary' : 'primary'} onClick={() => void copy()}>
      {done ? <Check className="size-3.5" aria-hidden /> : <Copy className="size-3.5" aria-hidden />}
      {done ? 'Copied' : label}
    </Button>
  );
}

/** Wizard progress: numbered steps, the current one highlighted. */
export function Steps({ steps, current }: { steps: string[]; current: number }) {
  return (
    <ol className="mb-5 flex items-center gap-2 text-xs" aria-label="Steps">
      {steps.map((s, i) => (
        <li key={s} className="flex items-center gap-2" aria-current={i === current ? 'step' : undefined}>
          <span
            className={`flex size-5 items-center justify-center rounded-full border text-[11px] font-semibold ${
              i < current ? 'border-accent/50 bg-accent/20 text-accent' : i === current ? 'border-accent bg-accent-strong text-white' : 'border-white/15 text-slate-500'
            }`}
          >
            {i < current ? <Check className="size-3" /> : i + 1}
          </span>
          <span className={i === current ? 'font-medium text-white' : 'text-slate-500'}>{s}</span>
          {i < steps.length - 1 && <span className="h-px w-6 bg-white/15" aria-hidden />}
        </li>
      ))}
    </ol>
  );
}

export function Toggle<T extends string>({ options, value, onChange, label }: { options: readonly T[]; value: readonly T[]; onChange: (v: T[]) => void; label: string }) {
  return (
    <div role="group" aria-label={label} className="flex flex-wrap gap-1.5">
      {options.map((o) => {
        const on = value.includes(o);
        return (
          <button
            key={o}
            type="button"
            aria-pressed={on}
            onClick={() => onChange(on ? value.filter((v) => v !== o) : [...value, o])}
            className={`rounded-full border px-2.5 py-1 text-xs font-medium transition ${
              on ? 'border-accent/60 bg-accent/20 text-white' : 'border-white/10 bg-white/[0.03] text-slate-400 hover:text-slate-200'
            }`}
          >
            {o.replace('_', ' ')}
          </button>
        );
      })}
    </div>
  );
}
