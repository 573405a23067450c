import { Field } from '../../components/ui/Field';
import type { EvictionPolicy } from '../../gql/graphql';
import { bytesForInput, formatDuration, parseBytes, parseDuration } from '../../lib/format';
import { EVICTION } from './policy';

/** The policy as typed: sizes and durations with units, exactly as the user wrote them. */
export interface PolicyDraft {
  quota: string;
  ttl: string;
  eviction: EvictionPolicy;
}

export function policyDraft(p?: { quotaBytes: number; defaultTtlSeconds?: number | null; eviction: EvictionPolicy }): PolicyDraft {
  return {
    quota: p ? bytesForInput(p.quotaBytes) : '',
    ttl: p?.defaultTtlSeconds ? formatDuration(p.defaultTtlSeconds) : '',
    eviction: p?.eviction ?? ('NOEVICTION' as EvictionPolicy),
  };
}

/** Parses a draft: the policy input, or the errors to show at its fields. */
export function parsePolicy(d: PolicyDraft):
  | { ok: true; policy: { quotaBytes: number; defaultTtlSeconds: number | null; eviction: EvictionPolicy } }
  | { ok: false; errors: Record<string, string> } {
  const q = parseBytes(d.quota);
  const t = parseDuration(d.ttl);
  const errors: Record<string, string> = {};
  if (!q.ok) errors.quotaBytes = q.error;
  if (!t.ok) errors.defaultTtlSeconds = t.error;
  if (!q.ok || !t.ok) return { ok: false, errors };
  return { ok: true, policy: { quotaBytes: q.value, defaultTtlSeconds: t.value, eviction: d.eviction } };
}

const DRAFT_FIELD = { quotaBytes: 'quota', defaultTtlSeconds: 'ttl', eviction: 'eviction' } as const;
type PolicyInput = { quotaBytes?: number; defaultTtlSeconds?: number | null; eviction?: EvictionPolicy };

/**
 * Only what the user changed since `initial`: the update is partial, so a field someone else
 * changed meanwhile keeps their value unless this user changed it too.
 */
export function changedPolicy(draft: PolicyDraft, initial: PolicyDraft, policy: Required<PolicyInput>): PolicyInput {
  const out: PolicyInput = {};
  for (const [field, key] of Object.entries(DRAFT_FIELD) as [keyof PolicyInput, keyof PolicyDraft][]) {
    if (draft[key] !== initial[key]) Object.assign(out, { [field]: policy[field] });
  }
  return out;
}

/** The draft moved onto a newer policy: untouched fields take the new values, edits stay. */
export function rebaseDraft(draft: PolicyDraft, initial: PolicyDraft, next: PolicyDraft): PolicyDraft {
  return {
    quota: draft.quota === initial.quota ? next.quota : draft.quota,
    ttl: draft.ttl === initial.ttl ? next.ttl : draft.ttl,
    eviction: draft.eviction === initial.eviction ? next.eviction : draft.eviction,
  };
}

export const POLICY_FIELDS = ['quotaBytes', 'defaultTtlSeconds', 'eviction'] as const;

export function PolicyFields({ value, onChange, errors }: { value: PolicyDraft; onChange: (d: PolicyDraft) => void; errors: (field: string) => string | null }) {
  const chosen = EVICTION.find((e) => e.value === value.eviction);
  return (
    <div className="space-y-4">
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Quota" hint='e.g. "256 MiB" or "10 GiB"; empty: no quota' error={errors('quotaBytes')}>
          <input className="input" name="quota" autoFocus value={value.quota} onChange={(e) => onChange({ ...value, quota: e.target.value })} placeholder="1 GiB" />
        </Field>
        <Field label="Default TTL" hint='For keys written without one, e.g. "1h" or "7d"; empty: none' error={errors('defaultTtlSeconds')}>
          <input className="input" name="ttl" value={value.ttl} onChange={(e) => onChange({ ...value, ttl: e.target.value })} placeholder="none" />
        </Field>
      </div>
      <Field label="Eviction when full" hint={chosen?.explain} error={errors('eviction')}>
        <select className="input" name="eviction" value={value.eviction} onChange={(e) => onChange({ ...value, eviction: e.target.value as EvictionPolicy })}>
          {EVICTION.map((e) => (
            <option key={e.value} value={e.value}>
              {e.label}
            </option>
          ))}
        </select>
      </Field>
    </div>
  );
}
