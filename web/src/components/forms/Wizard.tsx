import { type FormEvent, type ReactNode, useEffect, useRef, useState } from 'react';
import { ArrowLeft, ArrowRight } from 'lucide-react';
import { Button } from '../ui/Button';
import { Dialog } from '../ui/Dialog';
import { Steps } from '../ui/Misc';
import { FormProblem } from '../ui/States';
import { type Problem, isFieldProblem } from '../../lib/errors';

interface Props {
  title: string;
  description: string;
  steps: string[];
  /** Which step holds each field, so a server error at a field sends the user back to it. */
  stepOf: Record<string, number>;
  /** Checks a step's fields; returns the errors to show (empty: go on). */
  check: (step: number) => Record<string, string>;
  render: (step: number, errors: (field: string) => string | null) => ReactNode;
  submitLabel: string;
  problem: Problem | null;
  busy: boolean;
  onSubmit: () => void;
  onClose: () => void;
}

/** A dialog in steps: Enter goes on, Back goes back, ESC / Cancel / × close it. */
export function Wizard({ title, description, steps, stepOf, check, render, submitLabel, problem, busy, onSubmit, onClose }: Props) {
  const [step, setStep] = useState(0);
  const [local, setLocal] = useState<Record<string, string>>({});

  useEffect(() => {
    const s = problem?.field ? stepOf[problem.field] : undefined;
    if (s !== undefined) setStep(s);
  }, [problem, stepOf]);

  // A step without a field of its own (the review) would leave focus on the page, where Enter does
  // nothing: give it to the step's main button so Enter keeps going.
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (!form.current?.contains(document.activeElement)) form.current?.querySelector<HTMLButtonElement>('button[type=submit]')?.focus();
  }, [step]);

  function submit(e: FormEvent) {
    e.preventDefault();
    const errors = check(step);
    setLocal(errors);
    if (Object.keys(errors).length) return;
    if (step < steps.length - 1) setStep(step + 1);
    else onSubmit();
  }

  const errorAt = (field: string) => local[field] ?? (problem?.field === field ? problem.message : null);

  return (
    <Dialog title={title} description={description} onClose={onClose} locked={busy}>
      <form ref={form} onSubmit={submit} noValidate>
        <Steps steps={steps} current={step} />
        {problem && !isFieldProblem(problem, Object.keys(stepOf)) && <FormProblem title={problem.title} message={problem.message} />}
        {render(step, errorAt)}
        <div className="mt-6 flex items-center justify-between gap-2">
          <Button variant="ghost" onClick={onClose} disabled={busy}>
            Cancel
          </Button>
          <div className="flex gap-2">
            {step > 0 && (
              <Button onClick={() => setStep(step - 1)} disabled={busy}>
                <ArrowLeft className="size-4" aria-hidden /> Back
              </Button>
            )}
            <Button type="submit" variant="primary" busy={busy}>
              {step < steps.length - 1 ? (
                <>
                  Next <ArrowRight className="size-4" aria-hidden />
                </>
              ) : (
                submitLabel
              )}
            </Button>
          </div>
        </div>
      </form>
    </Dialog>
  );
}

export function Review({ rows }: { rows: [string, ReactNode][] }) {
  return (
    <dl className="grid grid-cols-[8rem_1fr] gap-y-2 rounded-xl border border-white/8 bg-black/20 p-4 text-sm">
      {rows.map(([k, v]) => (
        <div key={k} className="contents">
          <dt className="text-slate-400">{k}</dt>
          <dd className="min-w-0 break-words text-white">{v}</dd>
        </div>
      ))}
    </dl>
  );
}
