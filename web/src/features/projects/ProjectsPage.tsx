import { useState } from 'react';
import { FolderPlus, Plus } from 'lucide-react';
import { useQuery } from 'urql';
import { Button } from '../../components/ui/Button';
import { PageHeader } from '../../components/ui/Misc';
import { Empty, ErrorState, Loading } from '../../components/ui/States';
import { ProjectCard } from './ProjectCard';
import { ProjectWizard } from './ProjectWizard';
import { ProjectsQuery } from './projects.operations';
import { useTitle } from '../../lib/title';

const CONTEXT = { additionalTypenames: ['Project'] };

export function ProjectsPage() {
  const [{ data, fetching, error }, refetch] = useQuery({ query: ProjectsQuery, context: CONTEXT });
  const [creating, setCreating] = useState(false);
  useTitle('Projects');
  const edges = data?.projects.edges ?? [];
  return (
    <div className="mx-auto max-w-6xl">
      <PageHeader
        title="Projects"
        subtitle={data ? `${data.projects.totalCount} ${data.projects.totalCount === 1 ? 'project' : 'projects'} sharing this Redis` : 'Everything MemMouse governs, by team'}
        actions={
          <Button variant="primary" onClick={() => setCreating(true)}>
            <Plus className="size-4" aria-hidden /> New project
          </Button>
        }
      />
      {error && !data ? (
        <ErrorState error={error} retry={() => refetch({ requestPolicy: 'network-only' })} />
      ) : fetching && !data ? (
        <Loading rows={3} label="Loading projects" />
      ) : edges.length === 0 ? (
        <Empty
          icon={<FolderPlus className="size-6" />}
          title="No projects yet"
          action={
            <Button variant="primary" onClick={() => setCreating(true)}>
              <Plus className="size-4" aria-hidden /> Create the first project
            </Button>
          }
        >
          A project is a team's share of Redis: it holds namespaces (key prefixes with a quota) and the services allowed to use them.
        </Empty>
      ) : (
        <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {edges.map((e) => (
            <ProjectCard key={e.node.id} project={e.node} />
          ))}
        </ul>
      )}
      {creating && <ProjectWizard onClose={() => setCreating(false)} />}
    </div>
  );
}
