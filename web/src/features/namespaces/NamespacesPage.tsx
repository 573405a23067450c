import { useState } from 'react';
import { useParams } from 'react-router';
import { Boxes, Plus, Search } from 'lucide-react';
import { useQuery } from 'urql';
import { getFragmentData } from '../../gql';
import { Button } from '../../components/ui/Button';
import { PageHeader } from '../../components/ui/Misc';
import { Empty, ErrorState, Loading } from '../../components/ui/States';
import { NotFoundPage } from '../../components/layout/NotFound';
import { NamespaceRow, NamespaceRowFragment } from './NamespaceRow';
import { NamespaceWizard } from './NamespaceWizard';
import { NamespacesQuery } from './namespaces.operations';
import { useLiveRefetch } from '../events/live';
import { useTitle } from '../../lib/title';
import { LoadMoreRow, MorePage, type PageOf, useMorePages } from '../../components/ui/Pages';

const CONTEXT = { additionalTypenames: ['Namespace'] };

export function NamespacesPage() {
  const { project: slug = '' } = useParams();
  const [{ data, fetching, error }, refetch] = useQuery({ query: NamespacesQuery, variables: { project: slug }, context: CONTEXT });
  const [creating, setCreating] = useState(false);
  useTitle('Namespaces', slug);
  useLiveRefetch(() => refetch({ requestPolicy: 'network-only' }));
  const [search, setSearch] = useState('');
  const [status, setStatus] = useState<'ALL' | 'ACTIVE' | 'FROZEN'>('ALL');
  const pages = useMorePages();

  if (error && !data) return <ErrorState error={error} retry={() => refetch({ requestPolicy: 'network-only' })} />;
  if (fetching && !data) return <Loading rows={4} label="Loading namespaces" />;
  const project = data?.project;
  if (!project) return <NotFoundPage what={`Project “${slug}”`} />;

  const all = project.namespaces.edges.map((e) => e.node);
  const q = search.trim().toLowerCase();
  const matches = (node: (typeof all)[number]) => {
    const n = getFragmentData(NamespaceRowFragment, node);
    return (status === 'ALL' || n.status === status) && (!q || `${n.slug} ${n.name} ${n.keyPrefix}`.toLowerCase().includes(q));
  };
  const shown = all.filter(matches);
  const rows = (nodes: typeof all, page: PageOf<unknown>['pageInfo'], last: boolean) => (
    <>
      <tbody>
        {nodes.filter(matches).map((n) => (
          <NamespaceRow key={n.id} project={project.slug} namespace={n} />
        ))}
      </tbody>
      {last && <LoadMoreRow page={page} columns={6} onMore={pages.more} />}
    </>
  );
  const newButton = (
    <Button variant="primary" onClick={() => setCreating(true)}>
      <Plus className="size-4" aria-hidden /> New namespace
    </Button>
  );

  return (
    <div>
      <PageHeader title="Namespaces" subtitle={`${project.namespaces.totalCount} key prefixes in ${project.slug}, each with its own quota and policy`} actions={newButton} />
      {all.length === 0 ? (
        <Empty icon={<Boxes className="size-6" />} title="No namespaces yet" action={newButton}>
          A namespace is a key prefix (<code>{project.slug}:orders:</code>) with a quota, a default TTL and an eviction policy. Services get access to it through bindings.
        </Empty>
      ) : (
        <>
          <div className="mb-4 flex flex-col gap-2 sm:flex-row">
            <label className="relative flex-1">
              <span className="sr-only">Search namespaces</span>
              <Search className="pointer-events-none absolute top-2.5 left-3 size-4 text-slate-500" aria-hidden />
              <input className="input pl-9" placeholder="Search by name or prefix…" value={search} onChange={(e) => setSearch(e.target.value)} />
            </label>
            <select className="input sm:w-40" aria-label="Status" value={status} onChange={(e) => setStatus(e.target.value as typeof status)}>
              <option value="ALL">All statuses</option>
              <option value="ACTIVE">Active</option>
              <option value="FROZEN">Frozen</option>
            </select>
          </div>
          <div className="glass overflow-x-auto">
            <table className="w-full">
              <thead>
                <tr>
                  <th className="th">Namespace</th>
                  <th className="th">Status</th>
                  <th className="th">Usage</th>
                  <th className="th hidden lg:table-cell">Keys</th>
                  <th className="th hidden xl:table-cell">Policy</th>
                  <th className="th hidden lg:table-cell">Measured</th>
                </tr>
              </thead>
              {rows(all, project.namespaces.pageInfo, pages.cursors.length === 0)}
              {pages.cursors.map((after, i) => (
                <MorePage key={after} query={NamespacesQuery} variables={{ project: slug, after }} select={(d) => d.project?.namespaces}>
                  {(nodes, page) => rows(nodes, page, i === pages.cursors.length - 1)}
                </MorePage>
              ))}
            </table>
            {shown.length === 0 && pages.cursors.length === 0 && <p className="px-4 py-8 text-center text-sm text-slate-500">No namespace matches “{search}”.</p>}
          </div>
        </>
      )}
      {creating && <NamespaceWizard project={project} onClose={() => setCreating(false)} />}
    </div>
  );
}
