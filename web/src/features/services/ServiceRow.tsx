import { Link } from 'react-router';
import { type FragmentType, getFragmentData, graphql } from '../../gql';
import { Time } from '../../components/ui/Display';

export const ServiceRowFragment = graphql(`
  fragment ServiceRow_service on Service {
    id
    slug
    name
    scopes
    tokenPreview
    tokenRotatedAt
    createdAt
    namespaces {
      id
      slug
    }
  }
`);

export function serviceRowData(s: FragmentType<typeof ServiceRowFragment>) {
  return getFragmentData(ServiceRowFragment, s);
}

export function ServiceRow({ project, service }: { project: string; service: FragmentType<typeof ServiceRowFragment> }) {
  const s = serviceRowData(service);
  return (
    <tr className="group transition hover:bg-white/[0.03]" data-testid={`service-row-${s.slug}`}>
      <td className="td">
        <Link to={`/projects/${project}/services/${s.slug}`} className="font-medium text-white group-hover:text-accent">
          {s.name}
        </Link>
        <div className="font-mono text-xs text-slate-500">{s.slug}</div>
      </td>
      <td className="td hidden md:table-cell">
        <div className="flex max-w-80 flex-wrap gap-1">
          {s.scopes.map((x) => (
            <span key={x} className="chip">
              {x.toLowerCase().replace('_', ' ')}
            </span>
          ))}
        </div>
      </td>
      <td className="td text-sm text-slate-300">
        {s.namespaces.length === 0 ? (
          <span className="text-slate-500">none</span>
        ) : (
          <span className="flex flex-wrap gap-1">
            {s.namespaces.map((n) => (
              <Link key={n.id} to={`/projects/${project}/namespaces/${n.slug}`} className="chip hover:text-white">
                {n.slug}
              </Link>
            ))}
          </span>
        )}
      </td>
      <td className="td hidden font-mono text-xs text-slate-400 lg:table-cell">{s.tokenPreview}</td>
      <td className="td hidden text-xs text-slate-500 sm:table-cell">
        <Time iso={s.tokenRotatedAt ?? s.createdAt} />
      </td>
    </tr>
  );
}
