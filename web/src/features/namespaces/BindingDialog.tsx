import { type FormEvent, useState } from 'react';
import { Plus, X } from 'lucide-react';
import { Button, FormActions } from '../../components/ui/Button';
import { Dialog } from '../../components/ui/Dialog';
import { Field } from '../../components/ui/Field';
import { Toggle } from '../../components/ui/Misc';
import { FormProblem } from '../../components/ui/States';
import { toast } from '../../components/ui/Toast';
import type { Access, Scope } from '../../gql/graphql';
import { fieldError, isFieldProblem } from '../../lib/errors';
import { MAX_INT } from '../../lib/format';
import { useAction } from '../../lib/useAction';
import type { BindingData } from './BindingRow';
import { BindServiceMutation, UpdateBindingMutation } from './namespaces.operations';

const FIELDS = ['serviceId', 'permissions', 'patterns', 'scopes', 'rate.readRps', 'rate.writeRps', 'rate'];
const ACCESS: Access[] = ['READ', 'WRITE'];
const RPS_HINT = `A whole number of requests per second up to ${MAX_INT.toLocaleString('en-US')}, or empty for unlimited`;

interface ServiceOption {
  id: string;
  slug: string;
  name: string;
  scopes: Scope[];
}

function rps(text: string): number | null | 'bad' {
  const t = text.trim();
  if (t === '' || t.toLowerCase() === 'unlimited') return null;
  return /^\d+$/.test(t) && Number(t) <= MAX_INT ? Number(t) : 'bad';
}

/** Bind a service to a namespace, or edit an existing binding (patterns, access, scopes, rates). */
export function BindingDialog({
  namespace,
  services,
  boundServiceIds,
  binding,
  onClose,
}: {
  namespace: { id: string; slug: string; keyPrefix: string };
  services: ServiceOption[];
  /** Services with a binding here already: bindService replaces a binding, so a new one must not pick them. */
  boundServiceIds: readonly string[];
  binding: BindingData | null;
  onClose: () => void;
}) {
  const choices = binding ? services : services.filter((s) => !boundServiceIds.includes(s.id));
  const [serviceId, setServiceId] = useState(binding?.service.id ?? choices[0]?.id ?? '');
  const service = services.find((s) => s.id === serviceId) ?? (binding ? { ...binding.service, scopes: binding.service.scopes } : undefined);
  const [permissions, setPermissions] = useState<Access[]>(binding?.permissions ?? ['READ', 'WRITE']);
  const [patterns, setPatterns] = useState<string[]>(binding?.patterns ?? ['*']);
  const [scopes, setScopes] = useState<Scope[]>(binding?.scopes ?? service?.scopes ?? []);
  const [readRps, setReadRps] = useState(binding?.rate.readRps?.toString() ?? '');
  const [writeRps, setWriteRps] = useState(binding?.rate.writeRps?.toString() ?? '');
  const [local, setLocal] = useState<Record<string, string>>({});
  const create = useAction(BindServiceMutation);
  const update = useAction(UpdateBindingMutation);
  const { fetching, problem, setProblem } = binding ? update : create;

  function chooseService(id: string) {
    setServiceId(id);
    // Scopes can only be a subset of the new service's: start from all of them.
    setScopes(services.find((s) => s.id === id)?.scopes ?? []);
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    const r = rps(readRps);
    const w = rps(writeRps);
    const errors: Record<string, string> = {};
    if (!serviceId) errors.serviceId = 'Choose a service';
    if (r === 'bad') errors['rate.readRps'] = RPS_HINT;
    if (w === 'bad') errors['rate.writeRps'] = RPS_HINT;
    setLocal(errors);
    if (Object.keys(errors).length || r === 'bad' || w === 'bad') return setProblem(null);
    const input = { permissions, patterns: patterns.map((p) => p.trim()), scopes, rate: { readRps: r, writeRps: w } };
    const ok = binding
      ? await update.run({ id: binding.id, input, expectedVersion: binding.version })
      : await create.run({ namespaceId: namespace.id, serviceId, input });
    if (ok) {
      toast.success(binding ? 'Binding saved' : 'Service bound', `${service?.slug} → ${namespace.slug}`);
      onClose();
    }
  }

  const err = (f: string, i?: number) => local[f] ?? fieldError(problem, f, i);

  return (
    <Dialog
      title={binding ? `Edit binding: ${binding.service.name}` : 'Bind a service'}
      description={
        <>
          What the service may do with keys under <code className="text-slate-200">{namespace.keyPrefix}</code>
        </>
      }
      onClose={onClose}
      locked={fetching}
      wide
    >
      <form onSubmit={submit} className="space-y-5" noValidate>
        {problem && !isFieldProblem(problem, FIELDS) && <FormProblem title={problem.title} message={problem.message} />}
        <Field
          label="Service"
          error={err('serviceId')}
          hint={
            services.length === 0
              ? 'This project has no services yet: create one first.'
              : choices.length === 0
                ? 'Every service of this project is bound here already: edit its binding instead.'
                : undefined
          }
        >
          <select className="input" name="service" value={serviceId} onChange={(e) => chooseService(e.target.value)} disabled={!!binding}>
            {choices.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name} ({s.slug})
              </option>
            ))}
          </select>
        </Field>
        <div>
          <p className="label">Access</p>
          <Toggle label="Access" options={ACCESS} value={permissions} onChange={setPermissions} />
          {err('permissions') && <p className="mt-1.5 text-xs text-rose-300" role="alert">{err('permissions')}</p>}
        </div>
        <div>
          <p className="label">Key patterns</p>
          <p className="hint -mt-0.5 mb-2">Redis globs after the namespace's prefix, e.g. <code>order:*</code>. They can never reach outside the namespace.</p>
          <ul className="space-y-2">
            {patterns.map((p, i) => (
              <li key={i}>
                <div className="flex items-center gap-2">
                  <span className="hidden font-mono text-xs text-slate-500 sm:inline">{namespace.keyPrefix}</span>
                  <input
                    className="input font-mono"
                    aria-label={`Pattern ${i + 1}`}
                    name={`pattern-${i}`}
                    aria-invalid={fieldError(problem, 'patterns', i) ? true : undefined}
                    value={p}
                    spellCheck={false}
                    onChange={(e) => setPatterns(patterns.map((x, j) => (j === i ? e.target.value : x)))}
                  />
                  <Button size="sm" variant="ghost" aria-label={`Remove pattern ${i + 1}`} disabled={patterns.length === 1} onClick={() => setPatterns(patterns.filter((_, j) => j !== i))}>
                    <X className="size-3.5" aria-hidden />
                  </Button>
                </div>
                {problem?.field === 'patterns' && problem.index === i && (
                  <p className="mt-1.5 text-xs text-rose-300" role="alert" data-field-error>
                    {problem.message}
                  </p>
                )}
              </li>
            ))}
          </ul>
          {problem?.field === 'patterns' && problem.index === null && <p className="mt-1.5 text-xs text-rose-300" role="alert">{problem.message}</p>}
          <Button size="sm" variant="ghost" className="mt-2" onClick={() => setPatterns([...patterns, ''])}>
            <Plus className="size-3.5" aria-hidden /> Add pattern
          </Button>
        </div>
        <div>
          <p className="label">Command scopes</p>
          <p className="hint -mt-0.5 mb-2">Limited to what {service?.name ?? 'the service'} may use at most.</p>
          {service && service.scopes.length > 0 ? (
            <Toggle label="Command scopes" options={service.scopes} value={scopes} onChange={setScopes} />
          ) : (
            <p className="text-sm text-slate-500">The service has no scopes.</p>
          )}
          {err('scopes') && <p className="mt-1.5 text-xs text-rose-300" role="alert">{err('scopes')}</p>}
        </div>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field label="Read limit (requests/s)" hint="Empty: unlimited" error={err('rate.readRps')}>
            <input className="input" inputMode="numeric" name="readRps" value={readRps} onChange={(e) => setReadRps(e.target.value)} placeholder="unlimited" />
          </Field>
          <Field label="Write limit (requests/s)" hint="Empty: unlimited" error={err('rate.writeRps')}>
            <input className="input" inputMode="numeric" name="writeRps" value={writeRps} onChange={(e) => setWriteRps(e.target.value)} placeholder="unlimited" />
          </Field>
        </div>
        <FormActions
          className="flex justify-end gap-2 border-t border-white/8 pt-4"
          submitLabel={binding ? 'Save binding' : 'Bind service'}
          onCancel={onClose}
          busy={fetching}
          disabled={!serviceId}
        />
      </form>
    </Dialog>
  );
}
