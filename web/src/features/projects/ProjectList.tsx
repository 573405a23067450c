import { useEffect } from 'react';
import { useQuery } from 'urql';
import { errorMessage, isUnauthenticated } from '../../lib/errors';
import { ProjectCard } from './ProjectCard';
import { ConsoleQuery, PROJECTS_PAGE_SIZE } from './projects.operations';

interface Props {
  onUnauthenticated: (message: string) => void;
  onSignOut: () => void;
}

export function ProjectList({ onUnauthenticated, onSignOut }: Props) {
  // network-only: the one client outlives sign-in/sign-out, so never show another token's cache.
  const [{ data, fetching, error }, refetch] = useQuery({
    query: ConsoleQuery,
    variables: { first: PROJECTS_PAGE_SIZE },
    requestPolicy: 'network-only',
  });

  const unauthenticated = error !== undefined && isUnauthenticated(error);
  useEffect(() => {
    if (error && unauthenticated) onUnauthenticated(errorMessage(error));
  }, [error, unauthenticated, onUnauthenticated]);

  const edges = data?.projects.edges ?? [];
  const total = data?.projects.totalCount ?? 0;

  return (
    <section className="console">
      <header className="console-head">
        <div>
          <h2>Projects</h2>
          {data && (
            <p className="muted">
              Signed in as <code>{data.viewer.id}</code> ({data.viewer.kind.toLowerCase()})
            </p>
          )}
        </div>
        <div className="actions">
          <button type="button" className="ghost" disabled={fetching} onClick={() => refetch({ requestPolicy: 'network-only' })}>
            {fetching ? 'Loading…' : 'Refresh'}
          </button>
          <button type="button" className="ghost" onClick={onSignOut}>
            Sign out
          </button>
        </div>
      </header>

      {error && !unauthenticated && (
        <p className="alert" role="alert">
          {errorMessage(error)}
        </p>
      )}
      {!data && fetching && <p className="muted">Loading projects…</p>}
      {data && edges.length === 0 && (
        <p className="card empty">No projects yet. Create one through the GraphQL API or seed the demo data.</p>
      )}
      {edges.length > 0 && (
        <ul className="projects">
          {edges.map(({ node }) => (
            <ProjectCard key={node.id} project={node} />
          ))}
        </ul>
      )}
      {total > edges.length && (
        <p className="muted">
          Showing {edges.length} of {total} projects.
        </p>
      )}
    </section>
  );
}
