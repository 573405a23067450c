import { type FormEvent, useState } from 'react';
import { useNavigate } from 'react-router';
import { Button, FormActions } from '../../components/ui/Button';
import { Confirm } from '../../components/ui/Confirm';
import { Dialog } from '../../components/ui/Dialog';
import { Field } from '../../components/ui/Field';
import { FormProblem } from '../../components/ui/States';
import { toast } from '../../components/ui/Toast';
import { fieldError, isFieldProblem } from '../../lib/errors';
import { bytesForInput, parseBytes } from '../../lib/format';
import { useAction } from '../../lib/useAction';
import { DeleteProjectMutation, UpdateProjectMutation } from './projects.operations';

interface Props {
  project: { id: string; slug: string; name: string; quotaBytes: number; version: number };
  counts: { namespaces: number; services: number };
  onClose: () => void;
}

const DELETE_CONTEXT = { additionalTypenames: ['Project'] };

export function ProjectSettings({ project, counts, onClose }: Props) {
  const navigate = useNavigate();
  const [name, setName] = useState(project.name);
  const [quota, setQuota] = useState(bytesForInput(project.quotaBytes));
  const [quotaError, setQuotaError] = useState<string | null>(null);
  const [deleting, setDeleting] = useState(false);
  const [version] = useState(project.version);
  const update = useAction(UpdateProjectMutation);
  const remove = useAction(DeleteProjectMutation, { toastErrors: true, context: DELETE_CONTEXT });

  async function save(e: FormEvent) {
    e.preventDefault();
    const q = parseBytes(quota);
    if (!q.ok) return setQuotaError(q.error);
    setQuotaError(null);
    const data = await update.run({ id: project.id, input: { name: name.trim(), quotaBytes: q.value }, expectedVersion: version });
    if (data) {
      toast.success('Project saved');
      onClose();
    }
  }

  async function destroy() {
    const data = await remove.run({ id: project.id, force: true });
    if (data) {
      toast.success('Project deleted', `${project.slug} and everything in it is gone.`);
      navigate('/projects');
    }
  }

  const p = update.problem;
  if (deleting) {
    return (
      <Confirm
        title={`Delete ${project.name}?`}
        confirmLabel="Delete project"
        danger
        typeToConfirm={project.slug}
        busy={remove.fetching}
        onConfirm={() => void destroy()}
        onClose={() => setDeleting(false)}
      >
        This deletes the project with its {counts.namespaces} namespaces (and their keys on the data Redis), its {counts.services} services and all their
        bindings. It cannot be undone.
      </Confirm>
    );
  }
  return (
    <Dialog title="Project settings" description={<code>{project.id}</code>} onClose={onClose} locked={update.fetching}>
      <form onSubmit={save} className="space-y-4" noValidate>
        {p && !isFieldProblem(p, ['name', 'quotaBytes']) && <FormProblem title={p.title} message={p.message} />}
        <Field label="Name" error={fieldError(p, 'name')}>
          <input className="input" autoFocus value={name} onChange={(e) => setName(e.target.value)} maxLength={100} />
        </Field>
        <Field label="Project quota" hint="Empty: no project-wide quota." error={quotaError ?? fieldError(p, 'quotaBytes')}>
          <input className="input" value={quota} onChange={(e) => setQuota(e.target.value)} placeholder="10 GiB" />
        </Field>
        <div className="flex flex-wrap items-center justify-between gap-2 pt-2">
          <Button variant="ghost" className="text-rose-300 hover:text-rose-200" onClick={() => setDeleting(true)}>
            Delete project…
          </Button>
          <FormActions className="flex gap-2" submitLabel="Save" onCancel={onClose} busy={update.fetching} />
        </div>
      </form>
    </Dialog>
  );
}
