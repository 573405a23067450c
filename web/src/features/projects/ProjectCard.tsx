import { Link } from 'react-router';
import { Boxes, KeyRound, Link2 } from 'lucide-react';
import { type FragmentType, getFragmentData, graphql } from '../../gql';
import { UsageBar, UsageText } from '../../components/ui/Display';
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
  const p = getFragmentData(ProjectCardFragment, props.project);
  const o = p.overview;
  return (
    <li>
      <Link
        to={`/projects/${p.slug}`}
        className="glass group block p-5 transition hover:-translate-y-0.5 hover:border-accent/40 hover:bg-white/[0.07]"
        data-testid={`project-card-${p.slug}`}
      >
        <div className="mb-4 flex items-start justify-between gap-3">
          <div className="min-w-0">
            <h3 className="truncate text-base font-semibold text-white group-hover:text-accent">{p.name}</h3>
            <code className="text-xs text-slate-500">{p.slug}</code>
          </div>
        </div>
        <UsageBar used={o.usedBytes} limit={p.quotaBytes} label={`${p.name} capacity used`} />
        <div className="mt-2">
          <UsageText used={o.usedBytes} limit={p.quotaBytes} />
        </div>
        <ul className="mt-4 flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-400">
          <li className="flex items-center gap-1.5">
            <Boxes className="size-3.5" aria-hidden /> {plural(o.namespaceCount, 'namespace')}
          </li>
          <li className="flex items-center gap-1.5">
            <KeyRound className="size-3.5" aria-hidden /> {plural(o.serviceCount, 'service')}
          </li>
          <li className="flex items-center gap-1.5">
            <Link2 className="size-3.5" aria-hidden /> {plural(o.bindingCount, 'binding')}
          </li>
        </ul>
      </Link>
    </li>
  );
}
