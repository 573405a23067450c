import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { KeyRound, Plus, Search } from 'lucide-react';
import { useQuery } from 'urql';
import { Button } from '../../components/ui/Button';
import { PageHeader } from '../../components/ui/Misc';
import { Empty, ErrorState, Loading } from '../../components/ui/States';
import { NotFoundPage } from '../../components/layout/NotFound';
import { ServiceDialog } from './ServiceDialog';
import { ServiceRow, serviceRowData } from './ServiceRow';
import { TokenReveal } from './TokenReveal';
import { ServicesQuery } from './services.operations';
import { useLiveRefetch } from '../events/live';
import { useTitle } from '../../lib/title';
import { LoadMoreRow, MorePage, type PageOf, useMorePages } from '../../components/ui/Pages';

const CONTEXT = { additionalTypenames: ['Service'] };

export function ServicesPage() {
  const { project: slug = '' } = useParams();
  const navigate = useNavigate();
  const [{ data, fetching, error }, refetch] = useQuery({ query: ServicesQuery, variables: { project: slug }, context: CONTEXT });
  const [creating, setCreating] = useState(false);
  useTitle('Services', slug);
  useLiveRefetch(() => refetch({ requestPolicy: 'network-only' }));
  const [created, setCreated] = useState<{ slug: string; name: string; token: string } | null>(null);
  const [search, setSearch] = useState('');
  const pages = useMorePages();

  if (error && !data) return <ErrorState error={error} retry={() => refetch({ requestPolicy: 'network-only' })} />;
  if (fetching && !data) return <Loading rows={4} label="Loading services" />;
  const project = data?.project;
  if (!project) return <NotFoundPage what={`Project “${slug}”`} />;

  const all = project.services.edges.map((e) => e.node);
  const q = search.trim().toLowerCase();
  const matches = (node: (typeof all)[number]) => {
    const s = serviceRowData(node);
    return !q || `${s.slug} ${s.name}`.toLowerCase().includes(q);
  };
  const shown = all.filter(matches);
  const rows = (nodes: typeof all, page: PageOf<unknown>['pageInfo'], last: boolean) => (
    <>
      <tbody>
        {nodes.filter(matches).map((s) => (
          <ServiceRow key={s.id} project={project.slug} service={s} />
        ))}
      </tbody>
      {last && <LoadMoreRow page={page} columns={5} onMore={pages.more} />}
    </>
  );
  const newButton = (
    <Button variant="primary" onClick={() => setCreating(true)}>
      <Plus className="size-4" aria-hidden /> New service
    </Button>
  );

  return (
    <div>
      <PageHeader title="Services" subtitle={`${project.services.totalCount} programs registered in ${project.slug}`} actions={newButton} />
      {all.length === 0 ? (
        <Empty icon={<KeyRound className="size-6" />} title="No services yet" action={newButton}>
          A service is a program that uses Redis. It gets a token for its agent, and bindings decide which namespaces it may use.
        </Empty>
      ) : (
        <>
          <label className="relative mb-4 block">
            <span className="sr-only">Search services</span>
            <Search className="pointer-events-none absolute top-2.5 left-3 size-4 text-slate-500" aria-hidden />
            <input className="input pl-9" placeholder="Search services…" value={search} onChange={(e) => setSearch(e.target.value)} />
          </label>
          <div className="glass overflow-x-auto">
            <table className="w-full">
              <thead>
                <tr>
                  <th className="th">Service</th>
                  <th className="th hidden md:table-cell">Scope ceiling</th>
                  <th className="th">Namespaces</th>
                  <th className="th hidden lg:table-cell">Token</th>
                  <th className="th hidden sm:table-cell">Token issued</th>
                </tr>
              </thead>
              {rows(all, project.services.pageInfo, pages.cursors.length === 0)}
              {pages.cursors.map((after, i) => (
                <MorePage key={after} query={ServicesQuery} variables={{ project: slug, after }} select={(d) => d.project?.services}>
                  {(nodes, page) => rows(nodes, page, i === pages.cursors.length - 1)}
                </MorePage>
              ))}
            </table>
            {shown.length === 0 && pages.cursors.length === 0 && <p className="px-4 py-8 text-center text-sm text-slate-500">No service matches “{search}”.</p>}
          </div>
        </>
      )}
      {creating && (
        <ServiceDialog
          project={project}
          onCreated={(c) => {
            setCreating(false);
            setCreated(c);
          }}
          onClose={() => setCreating(false)}
        />
      )}
      {created && (
        <TokenReveal
          title={`${created.name} is registered`}
          serviceName={created.name}
          token={created.token}
          note="Next: bind it to a namespace so its agent config grants it keys."
          onClose={() => {
            setCreated(null);
            navigate(`/projects/${project.slug}/services/${created.slug}`);
          }}
        />
      )}
    </div>
  );
}
