import { useState } from 'react';
import { useNavigate } from 'react-router';
import { toast } from '../../components/ui/Toast';
import { NameSlugFields, checkNameSlug, effectiveSlug, emptyNameSlug } from '../../components/forms/NameSlug';
import { Review, Wizard } from '../../components/forms/Wizard';
import { formatBytes, formatDuration } from '../../lib/format';
import { useAction } from '../../lib/useAction';
import { PolicyFields, parsePolicy, policyDraft } from './PolicyFields';
import { evictionLabel } from './policy';
import { CreateNamespaceMutation } from './namespaces.operations';

const STEPS = ['Name', 'Policy', 'Review'];
const STEP_OF: Record<string, number> = { name: 0, slug: 0, quotaBytes: 1, defaultTtlSeconds: 1, eviction: 1 };

export function NamespaceWizard({ project, onClose }: { project: { id: string; slug: string }; onClose: () => void }) {
  const navigate = useNavigate();
  const [names, setNames] = useState(emptyNameSlug);
  const [draft, setDraft] = useState(() => policyDraft());
  const { run, fetching, problem } = useAction(CreateNamespaceMutation);
  const slug = effectiveSlug(names);
  const parsed = parsePolicy(draft);

  const check = (step: number) => (step === 0 ? checkNameSlug(names) : step === 1 && !parsed.ok ? parsed.errors : {});

  async function create() {
    if (!parsed.ok) return;
    const data = await run({ projectId: project.id, input: { name: names.name.trim(), slug, policy: parsed.policy } });
    if (data) {
      toast.success('Namespace created', `Its keys start with ${project.slug}:${slug}:`);
      onClose();
      navigate(`/projects/${project.slug}/namespaces/${data.createNamespace.slug}`);
    }
  }

  return (
    <Wizard
      title="New namespace"
      description="A key prefix in the shared Redis with its own quota, default TTL and eviction policy."
      steps={STEPS}
      stepOf={STEP_OF}
      check={check}
      problem={problem}
      busy={fetching}
      submitLabel="Create namespace"
      onSubmit={() => void create()}
      onClose={onClose}
      render={(step, errors) =>
        step === 0 ? (
          <NameSlugFields
            value={names}
            onChange={setNames}
            errors={errors}
            placeholder={{ name: 'Orders', slug: 'orders' }}
            slugHint={`Its keys will start with ${project.slug}:${slug || '…'}: — the slug never changes.`}
          />
        ) : step === 1 ? (
          <PolicyFields value={draft} onChange={setDraft} errors={errors} />
        ) : (
          parsed.ok && (
            <Review
              rows={[
                ['Name', names.name],
                ['Key prefix', <code key="p">{`${project.slug}:${slug}:`}</code>],
                ['Quota', parsed.policy.quotaBytes ? formatBytes(parsed.policy.quotaBytes) : 'No quota'],
                ['Default TTL', parsed.policy.defaultTtlSeconds ? formatDuration(parsed.policy.defaultTtlSeconds) : 'None'],
                ['Eviction', evictionLabel(parsed.policy.eviction)],
              ]}
            />
          )
        )
      }
    />
  );
}
