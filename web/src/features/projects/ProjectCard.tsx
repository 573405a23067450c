import { type FragmentType, getFragmentData, graphql } from '../../gql';
import { Bytes } from '../../components/Bytes';
import { CapacityBar } from '../../components/CapacityBar';
import { plural } from '../../lib/format';

export const ProjectCardFragment = graphql(`
  fragment ProjectCard_project on Project {
    id
    slug
    name
    quotaBytes
    overview {
      usedBytes
      namespaceCount
      serviceCount
      bindingCount
    }
  }
`);

export function ProjectCard(props: { project: FragmentType<typeof ProjectCardFragment> }) {
  const project = getFragmentData(ProjectCardFragment, props.project);
  const { usedBytes, namespaceCount, serviceCount, bindingCount } = project.overview;
  return (
    <li className="card project">
      <header className="project-head">
        <h3>{project.name}</h3>
        <code className="slug">{project.slug}</code>
      </header>
      <CapacityBar usedBytes={usedBytes} quotaBytes={project.quotaBytes} />
      <p className="capacity-label">
        {usedBytes == null ? (
          <span className="muted">not measured yet</span>
        ) : (
          <>
            <Bytes value={usedBytes} /> used
          </>
        )}
        {' · '}
        {project.quotaBytes === 0 ? (
          <span className="muted">no quota</span>
        ) : (
          <>
            <Bytes value={project.quotaBytes} /> quota
          </>
        )}
      </p>
      <ul className="counts">
        <li>{plural(namespaceCount, 'namespace')}</li>
        <li>{plural(serviceCount, 'service')}</li>
        <li>{plural(bindingCount, 'binding')}</li>
      </ul>
    </li>
  );
}
