import { Link } from 'react-router';
import { type FragmentType, getFragmentData, graphql } from '../../gql';
import { Bytes, StatusBadge, Time, UsageBar } from '../../components/ui/Display';
import { formatDuration } from '../../lib/format';
import { evictionLabel } from './policy';

export const NamespaceRowFragment = graphql(`
  fragment NamespaceRow_namespace on Namespace {
    id
    slug
    name
    keyPrefix
    status
    policy {
      quotaBytes
      defaultTtlSeconds
      eviction
    }
    usage {
      usedBytes
      keyCount
      sampledAt
    }
  }
`);

export function NamespaceRow({ project, namespace }: { project: string; namespace: FragmentType<typeof NamespaceRowFragment> }) {
  const n = getFragmentData(NamespaceRowFragment, namespace);
  const href = `/projects/${project}/namespaces/${n.slug}`;
  return (
    <tr className="group transition hover:bg-white/[0.03]" data-testid={`namespace-row-${n.slug}`}>
      <td className="td">
        <Link to={href} className="font-medium text-white group-hover:text-accent">
          {n.name}
        </Link>
        <div className="font-mono text-xs text-slate-500">{n.keyPrefix}</div>
      </td>
      <td className="td">
        <StatusBadge status={n.status} />
      </td>
      <td className="td w-64">
        <div className="mb-1.5 flex justify-between text-xs text-slate-400">
          {n.usage.usedBytes == null ? <span className="italic">not measured</span> : <Bytes value={n.usage.usedBytes} className="text-slate-200" />}
          <span>{n.policy.quotaBytes === 0 ? 'no quota' : <Bytes value={n.policy.quotaBytes} />}</span>
        </div>
        <UsageBar used={n.usage.usedBytes} limit={n.policy.quotaBytes} label={`${n.name} used`} />
      </td>
      <td className="td hidden text-sm text-slate-300 tabular-nums lg:table-cell">{n.usage.keyCount?.toLocaleString('en-US') ?? '—'}</td>
      <td className="td hidden text-xs text-slate-400 xl:table-cell">
        {evictionLabel(n.policy.eviction)}
        {n.policy.defaultTtlSeconds != null && <div>TTL {formatDuration(n.policy.defaultTtlSeconds)}</div>}
      </td>
      <td className="td hidden text-xs text-slate-500 lg:table-cell">{n.usage.sampledAt ? <Time iso={n.usage.sampledAt} /> : '—'}</td>
    </tr>
  );
}
