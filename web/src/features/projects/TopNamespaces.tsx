import { Link } from 'react-router';
import { type FragmentType, getFragmentData, graphql } from '../../gql';
import { Bytes, StatusBadge, UsageBar } from '../../components/ui/Display';

export const TopNamespaceFragment = graphql(`
  fragment TopNamespace_namespace on Namespace {
    id
    slug
    name
    status
    policy {
      quotaBytes
    }
    usage {
      usedBytes
      keyCount
    }
  }
`);

export function TopNamespaces({ project, namespaces }: { project: string; namespaces: FragmentType<typeof TopNamespaceFragment>[] }) {
  const list = namespaces.map((n) => getFragmentData(TopNamespaceFragment, n));
  if (list.length === 0) return <p className="px-4 py-6 text-sm text-slate-500">No namespace has been measured yet.</p>;
  return (
    <ul>
      {list.map((n) => (
        <li key={n.id} className="border-t border-white/5 first:border-t-0">
          <Link to={`/projects/${project}/namespaces/${n.slug}`} className="block px-4 py-3 transition hover:bg-white/[0.03]">
            <div className="mb-1.5 flex items-center justify-between gap-2 text-sm">
              <span className="flex min-w-0 items-center gap-2">
                <span className="truncate font-medium text-white">{n.name}</span>
                {n.status === 'FROZEN' && <StatusBadge status={n.status} />}
              </span>
              <span className="text-xs text-slate-400">
                {n.usage.usedBytes != null && <Bytes value={n.usage.usedBytes} className="text-slate-200" />}
                {n.policy.quotaBytes > 0 && (
                  <>
                    {' / '}
                    <Bytes value={n.policy.quotaBytes} />
                  </>
                )}
              </span>
            </div>
            <UsageBar used={n.usage.usedBytes} limit={n.policy.quotaBytes} label={`${n.name} used`} />
          </Link>
        </li>
      ))}
    </ul>
  );
}
