import { type FormEvent, useState } from 'react';
import { FormActions } from '../../components/ui/Button';
import { Dialog } from '../../components/ui/Dialog';
import { Field } from '../../components/ui/Field';
import { FormProblem } from '../../components/ui/States';
import { formatDuration, parseDuration } from '../../lib/format';
import { useAction } from '../../lib/useAction';
import { RotateServiceTokenMutation } from './services.operations';

/** A new token now; the old one stops at once or after an overlap window the user chooses. */
export function RotateDialog({ service, onRotated, onClose }: { service: { id: string; name: string }; onRotated: (token: string, graceSeconds: number) => void; onClose: () => void }) {
  const [mode, setMode] = useState<'now' | 'overlap'>('now');
  const [window, setWindow] = useState('15m');
  const [local, setLocal] = useState<string | null>(null);
  const { run, fetching, problem, setProblem } = useAction(RotateServiceTokenMutation);

  async function submit(e: FormEvent) {
    e.preventDefault();
    let grace = 0;
    if (mode === 'overlap') {
      const d = parseDuration(window);
      if (!d.ok || !d.value) {
        // The server's answer to an earlier try no longer applies.
        setProblem(null);
        return setLocal(d.ok ? 'Type how long the old token keeps working, e.g. 15m or 1h' : d.error);
      }
      grace = d.value;
    }
    setLocal(null);
    const data = await run({ id: service.id, graceSeconds: grace });
    if (data) onRotated(data.rotateServiceToken.token, grace);
  }

  const option = (value: 'now' | 'overlap', title: string, text: string) => (
    <label className={`flex cursor-pointer gap-3 rounded-xl border p-3 transition ${mode === value ? 'border-accent/50 bg-accent/10' : 'border-white/10 hover:bg-white/[0.03]'}`}>
      <input type="radio" name="mode" value={value} checked={mode === value} onChange={() => setMode(value)} className="mt-1 accent-[#8ea2ff]" />
      <span>
        <span className="block text-sm font-medium text-white">{title}</span>
        <span className="block text-xs text-slate-400">{text}</span>
      </span>
    </label>
  );

  return (
    <Dialog title={`Rotate ${service.name}'s token`} onClose={onClose} locked={fetching}>
      <form onSubmit={submit} className="space-y-3">
        {problem && problem.field !== 'graceSeconds' && <FormProblem title={problem.title} message={problem.message} />}
        {option('now', 'Rotate now', 'The current token stops working immediately. Use this when it has leaked.')}
        {option('overlap', 'Rotate with an overlap window', 'The current token keeps working for a while, so agents can switch without downtime.')}
        {mode === 'overlap' && (
          <Field label="Old token keeps working for" hint="Up to 7 days, e.g. 15m, 1h or 2d." error={local ?? (problem?.field === 'graceSeconds' ? problem.message : null)}>
            <input className="input" name="grace" autoFocus value={window} onChange={(e) => setWindow(e.target.value)} />
          </Field>
        )}
        <FormActions className="flex justify-end gap-2 pt-2" submitLabel="Rotate token" variant="danger" onCancel={onClose} busy={fetching} />
      </form>
    </Dialog>
  );
}

export function rotationNote(grace: number): string {
  return grace > 0 ? `The previous token keeps working for ${formatDuration(grace)}, then never again.` : 'The previous token no longer works.';
}
