import { useState } from 'react';
import { useNavigate } from 'react-router';
import { Field } from '../../components/ui/Field';
import { toast } from '../../components/ui/Toast';
import { NameSlugFields, checkNameSlug, effectiveSlug, emptyNameSlug } from '../../components/forms/NameSlug';
import { Review, Wizard } from '../../components/forms/Wizard';
import { formatBytes, parseBytes } from '../../lib/format';
import { useAction } from '../../lib/useAction';
import { CreateProjectMutation } from './projects.operations';

const STEPS = ['Name', 'Capacity', 'Review'];
const STEP_OF: Record<string, number> = { name: 0, slug: 0, quotaBytes: 1 };

export function ProjectWizard({ onClose }: { onClose: () => void }) {
  const navigate = useNavigate();
  const [names, setNames] = useState(emptyNameSlug);
  const [quota, setQuota] = useState('');
  const { run, fetching, problem } = useAction(CreateProjectMutation);
  const slug = effectiveSlug(names);
  const parsed = parseBytes(quota);

  const check = (step: number) => (step === 0 ? checkNameSlug(names) : step === 1 && !parsed.ok ? { quotaBytes: parsed.error } : {});

  async function create() {
    const data = await run({ input: { name: names.name.trim(), slug, quotaBytes: parsed.ok ? parsed.value : 0 } });
    if (data) {
      toast.success('Project created', `${data.createProject.slug} is ready for namespaces.`);
      onClose();
      navigate(`/projects/${data.createProject.slug}`);
    }
  }

  return (
    <Wizard
      title="New project"
      description="A project is a team's share of Redis: its namespaces and the services that use them."
      steps={STEPS}
      stepOf={STEP_OF}
      check={check}
      problem={problem}
      busy={fetching}
      submitLabel="Create project"
      onSubmit={() => void create()}
      onClose={onClose}
      render={(step, errors) =>
        step === 0 ? (
          <NameSlugFields value={names} onChange={setNames} errors={errors} placeholder={{ name: 'Acme Shop', slug: 'acme' }} slugHint="Used in IDs and key prefixes; it never changes." />
        ) : step === 1 ? (
          <Field label="Project quota" hint='The most all its namespaces may hold together, e.g. "10 GiB". Empty: no project-wide quota.' error={errors('quotaBytes')}>
            <input className="input" name="quota" autoFocus value={quota} onChange={(e) => setQuota(e.target.value)} placeholder="10 GiB" />
          </Field>
        ) : (
          <Review
            rows={[
              ['Name', names.name],
              ['ID', <code key="id">project:{slug}</code>],
              ['Quota', parsed.ok && parsed.value > 0 ? formatBytes(parsed.value) : 'No project-wide quota'],
            ]}
          />
        )
      }
    />
  );
}
