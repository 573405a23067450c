import { type ButtonHTMLAttributes, type ReactNode, forwardRef } from 'react';
import { LoaderCircle } from 'lucide-react';

type Variant = 'primary' | 'secondary' | 'ghost' | 'danger';

const VARIANTS: Record<Variant, string> = {
  primary: 'bg-accent-strong text-white shadow-[0_4px_20px_rgba(109,131,255,0.35)] hover:bg-accent border border-white/15',
  secondary: 'bg-white/[0.07] text-slate-100 border border-white/12 hover:bg-white/[0.12]',
  ghost: 'text-slate-300 hover:bg-white/[0.07] hover:text-white border border-transparent',
  danger: 'bg-rose-500/90 text-white border border-white/15 hover:bg-rose-500 shadow-[0_4px_20px_rgba(244,63,94,0.3)]',
};

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: Variant;
  size?: 'sm' | 'md';
  busy?: boolean;
}

export const Button = forwardRef<HTMLButtonElement, ButtonProps>(function Button(
  { variant = 'secondary', size = 'md', busy = false, className = '', children, disabled, type = 'button', ...rest },
  ref,
) {
  const sizing = size === 'sm' ? 'h-8 px-2.5 text-[13px] gap-1.5' : 'h-9 px-3.5 text-sm gap-2';
  return (
    <button
      ref={ref}
      type={type}
      disabled={disabled || busy}
      aria-busy={busy || undefined}
      className={`inline-flex shrink-0 cursor-pointer items-center justify-center rounded-lg font-medium whitespace-nowrap transition disabled:cursor-not-allowed disabled:opacity-50 ${sizing} ${VARIANTS[variant]} ${className}`}
      {...rest}
    >
      {busy && <LoaderCircle className="size-4 animate-spin" aria-hidden />}
      {children}
    </button>
  );
});

interface FormActionsProps {
  submitLabel: ReactNode;
  onCancel: () => void;
  busy?: boolean;
  /** Submitting is not possible yet (the form lacks something it needs). */
  disabled?: boolean;
  variant?: 'primary' | 'danger';
  autoFocus?: boolean;
  className?: string;
}

/** A form's Cancel and submit buttons, the same in every dialog. */
export function FormActions({ submitLabel, onCancel, busy, disabled, variant = 'primary', autoFocus, className = 'flex justify-end gap-2' }: FormActionsProps) {
  return (
    <div className={className}>
      <Button variant="ghost" onClick={onCancel} disabled={busy}>
        Cancel
      </Button>
      <Button type="submit" variant={variant} busy={busy} disabled={disabled} autoFocus={autoFocus}>
        {submitLabel}
      </Button>
    </div>
  );
}
