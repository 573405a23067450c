import { type FormEvent, useEffect, useRef, useState } from 'react';
import { RotateCw } from 'lucide-react';
import { Button, FormActions } from '../../components/ui/Button';
import { Dialog } from '../../components/ui/Dialog';
import { FormProblem } from '../../components/ui/States';
import { toast } from '../../components/ui/Toast';
import type { EvictionPolicy } from '../../gql/graphql';
import { isFieldProblem } from '../../lib/errors';
import { useAction } from '../../lib/useAction';
import { POLICY_FIELDS, PolicyFields, changedPolicy, parsePolicy, policyDraft, rebaseDraft } from './PolicyFields';
import { UpdateNamespacePolicyMutation } from './namespaces.operations';

interface Props {
  namespace: { id: string; name: string; version: number; policy: { quotaBytes: number; defaultTtlSeconds?: number | null; eviction: EvictionPolicy } };
  onReload: () => void;
  onClose: () => void;
}

/** Edit a namespace's policy; a stale version (someone else saved first) is explained, not lost. */
export function PolicyDialog({ namespace, onReload, onClose }: Props) {
  const [draft, setDraft] = useState(() => policyDraft(namespace.policy));
  // The policy the draft started from; edits are what differs from it.
  const initial = useRef(draft);
  const [local, setLocal] = useState<Record<string, string>>({});
  // The version the user saw: a save against it fails with CONFLICT if someone else saved since.
  const [baseVersion, setBaseVersion] = useState(namespace.version);
  const { run, fetching, problem, setProblem } = useAction(UpdateNamespacePolicyMutation);

  // A newer policy arrived (live, or after "reload"): fields the user has not touched follow it.
  const { quotaBytes, defaultTtlSeconds, eviction } = namespace.policy;
  useEffect(() => {
    const prev = initial.current;
    const next = policyDraft({ quotaBytes, defaultTtlSeconds, eviction });
    initial.current = next;
    setDraft((d) => rebaseDraft(d, prev, next));
  }, [quotaBytes, defaultTtlSeconds, eviction]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const parsed = parsePolicy(draft);
    if (!parsed.ok) {
      setProblem(null);
      return setLocal(parsed.errors);
    }
    setLocal({});
    const changes = changedPolicy(draft, initial.current, parsed.policy);
    if (Object.keys(changes).length === 0) return onClose();
    const data = await run({ id: namespace.id, policy: changes, expectedVersion: baseVersion });
    if (data) {
      toast.success('Policy saved', namespace.name);
      onClose();
    }
  }

  const errors = (f: string) => local[f] ?? (problem?.field === f ? problem.message : null);
  return (
    <Dialog title="Edit policy" description={namespace.name} onClose={onClose} locked={fetching}>
      <form onSubmit={submit} noValidate>
        {problem && !isFieldProblem(problem, POLICY_FIELDS) && <FormProblem title={problem.title} message={problem.message} />}
        {problem?.code === 'CONFLICT' && (
          <Button
            size="sm"
            className="-mt-2 mb-4"
            onClick={() => {
              setProblem(null);
              setBaseVersion(namespace.version);
              onReload();
            }}
          >
            <RotateCw className="size-3.5" aria-hidden /> Reload the latest version
          </Button>
        )}
        <PolicyFields value={draft} onChange={setDraft} errors={errors} />
        <FormActions className="mt-6 flex justify-end gap-2" submitLabel="Save policy" onCancel={onClose} busy={fetching} />
      </form>
    </Dialog>
  );
}
