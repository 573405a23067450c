import { type FormEvent, useState } from 'react';
import { FormActions } from '../../components/ui/Button';
import { Dialog } from '../../components/ui/Dialog';
import { Toggle } from '../../components/ui/Misc';
import { FormProblem } from '../../components/ui/States';
import { toast } from '../../components/ui/Toast';
import { NameSlugFields, checkNameSlug, effectiveSlug, emptyNameSlug } from '../../components/forms/NameSlug';
import type { Scope } from '../../gql/graphql';
import { isFieldProblem } from '../../lib/errors';
import { useAction } from '../../lib/useAction';
import { CreateServiceMutation, UpdateServiceMutation } from './services.operations';
import { SCOPES } from './scopes';

const FIELDS = ['name', 'slug', 'scopes'];

interface Existing {
  id: string;
  slug: string;
  name: string;
  scopes: Scope[];
  version: number;
}

/** Register a service (then its token is shown once) or edit one's name and scope ceiling. */
export function ServiceDialog({
  project,
  service,
  onCreated,
  onClose,
}: {
  project: { id: string; slug: string };
  service?: Existing;
  onCreated?: (created: { slug: string; name: string; token: string }) => void;
  onClose: () => void;
}) {
  const [names, setNames] = useState(service ? { name: service.name, slug: service.slug, slugTouched: true } : emptyNameSlug);
  const [scopes, setScopes] = useState<Scope[]>(service?.scopes ?? ['STRING', 'HASH']);
  const [local, setLocal] = useState<Record<string, string>>({});
  // The version this dialog was opened on: a live refetch must not paper over someone else's change.
  const [version] = useState(service?.version);
  const create = useAction(CreateServiceMutation);
  const update = useAction(UpdateServiceMutation);
  const { fetching, problem } = service ? update : create;

  async function submit(e: FormEvent) {
    e.preventDefault();
    const errors = checkNameSlug(names);
    if (scopes.length === 0) errors.scopes = 'Choose at least one command family';
    setLocal(errors);
    if (Object.keys(errors).length) return;
    if (service) {
      if (await update.run({ id: service.id, input: { name: names.name.trim(), scopes }, expectedVersion: version })) {
        toast.success('Service saved');
        onClose();
      }
      return;
    }
    const data = await create.run({ projectId: project.id, input: { name: names.name.trim(), slug: effectiveSlug(names), scopes } });
    if (data) onCreated?.({ slug: data.createService.service.slug, name: names.name.trim(), token: data.createService.token });
  }

  const errors = (f: string) => local[f] ?? (problem?.field === f ? problem.message : null);
  return (
    <Dialog title={service ? `Edit ${service.name}` : 'New service'} description="A program that uses this project's Redis through its bindings." onClose={onClose} locked={fetching}>
      <form onSubmit={submit} className="space-y-5" noValidate>
        {problem && !isFieldProblem(problem, FIELDS) && <FormProblem title={problem.title} message={problem.message} />}
        {service ? (
          <NameSlugFields value={names} onChange={(v) => setNames({ ...v, slug: service.slug })} errors={errors} placeholder={{ name: '', slug: '' }} slugHint="The slug never changes." />
        ) : (
          <NameSlugFields value={names} onChange={setNames} errors={errors} placeholder={{ name: 'Checkout API', slug: 'checkout' }} slugHint="Used in its ID and Redis user name; it never changes." />
        )}
        <div>
          <p className="label">Command scopes</p>
          <p className="hint -mt-0.5 mb-2">The most any of its bindings may grant (Redis command families).</p>
          <Toggle label="Command scopes" options={SCOPES} value={scopes} onChange={setScopes} />
          {errors('scopes') && (
            <p className="mt-1.5 text-xs text-rose-300" role="alert" data-field-error>
              {errors('scopes')}
            </p>
          )}
        </div>
        <FormActions
          className="flex justify-end gap-2 border-t border-white/8 pt-4"
          submitLabel={service ? 'Save' : 'Create service'}
          onCancel={onClose}
          busy={fetching}
        />
      </form>
    </Dialog>
  );
}
