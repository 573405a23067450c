import { type FormEvent, type ReactNode, useState } from 'react';
import { FormActions } from './Button';
import { Dialog } from './Dialog';

interface Props {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  danger?: boolean;
  /** Typing this exactly is required to confirm (for deletes that take data with them). */
  typeToConfirm?: string;
  busy?: boolean;
  onConfirm: () => void;
  onClose: () => void;
}

/** Every destructive or disruptive action goes through this: Enter confirms, ESC cancels. */
export function Confirm({ title, children, confirmLabel, danger, typeToConfirm, busy, onConfirm, onClose }: Props) {
  const [typed, setTyped] = useState('');
  const ready = !typeToConfirm || typed === typeToConfirm;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (ready && !busy) onConfirm();
  };
  return (
    <Dialog title={title} onClose={onClose} locked={busy}>
      <form onSubmit={submit} className="space-y-4">
        <div className="text-sm text-slate-300">{children}</div>
        {typeToConfirm && (
          <div>
            <label className="label" htmlFor="confirm-typed">
              Type <code className="text-white">{typeToConfirm}</code> to confirm
            </label>
            <input id="confirm-typed" className="input" autoFocus autoComplete="off" value={typed} onChange={(e) => setTyped(e.target.value)} />
          </div>
        )}
        <FormActions
          className="flex justify-end gap-2 pt-1"
          submitLabel={confirmLabel}
          onCancel={onClose}
          busy={busy}
          disabled={!ready}
          variant={danger ? 'danger' : 'primary'}
          autoFocus={!typeToConfirm}
        />
      </form>
    </Dialog>
  );
}
