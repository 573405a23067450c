import { Link, NavLink, Outlet, useLocation, useParams } from 'react-router';
import { Activity, Boxes, ChevronRight, KeyRound, LayoutDashboard } from 'lucide-react';
import { ProjectLive } from '../../features/events/live';

const SECTIONS = [
  { to: '', label: 'Overview', icon: LayoutDashboard, end: true },
  { to: 'namespaces', label: 'Namespaces', icon: Boxes },
  { to: 'services', label: 'Services', icon: KeyRound },
  { to: 'events', label: 'Events', icon: Activity },
] as const;

function Breadcrumbs() {
  const { project = '', namespace, service } = useParams();
  const section = useLocation().pathname.split('/')[3];
  const crumbs: { to: string; label: string }[] = [
    { to: '/projects', label: 'Projects' },
    { to: `/projects/${project}`, label: project },
  ];
  const s = SECTIONS.find((x) => x.to === section);
  if (s && s.to) crumbs.push({ to: `/projects/${project}/${s.to}`, label: s.label });
  if (namespace) crumbs.push({ to: `/projects/${project}/namespaces/${namespace}`, label: namespace });
  if (service) crumbs.push({ to: `/projects/${project}/services/${service}`, label: service });
  return (
    <nav aria-label="Breadcrumb" className="mb-5">
      <ol className="flex flex-wrap items-center gap-1 text-xs">
        {crumbs.map((c, i) => (
          <li key={c.to} className="flex items-center gap-1">
            {i > 0 && <ChevronRight className="size-3 text-slate-600" aria-hidden />}
            {i === crumbs.length - 1 ? (
              <span aria-current="page" className="rounded-full border border-accent/30 bg-accent/15 px-2.5 py-1 font-medium text-white">
                {c.label}
              </span>
            ) : (
              <Link to={c.to} className="rounded-full border border-white/10 bg-white/[0.04] px-2.5 py-1 text-slate-300 transition hover:border-white/20 hover:text-white">
                {c.label}
              </Link>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}

/** A project's frame: its sections in a sidebar (a tab strip on a phone), breadcrumbs on top. */
export function ProjectLayout() {
  const { project = '' } = useParams();
  const base = `/projects/${project}`;
  const item = ({ isActive }: { isActive: boolean }) =>
    `flex items-center gap-2.5 rounded-lg px-2.5 py-1.5 text-sm whitespace-nowrap transition sm:px-3 sm:py-2 ${
      isActive ? 'bg-accent/15 text-white shadow-[inset_0_0_0_1px_rgba(142,162,255,0.25)]' : 'text-slate-400 hover:bg-white/[0.05] hover:text-white'
    }`;
  return (
    <div className="mx-auto flex w-full max-w-[90rem] flex-1 flex-col md:flex-row">
      <aside className="sticky top-14 z-20 border-b border-white/8 bg-ink-900/70 backdrop-blur-xl md:h-[calc(100vh-3.5rem)] md:w-56 md:shrink-0 md:border-r md:border-b-0 md:bg-transparent md:backdrop-blur-none">
        <nav aria-label="Project sections" className="flex gap-0.5 overflow-x-auto px-2 py-2 sm:gap-1 sm:px-3 md:flex-col md:py-6">
          <p className="mb-2 hidden px-3 text-[11px] font-medium tracking-wider text-slate-500 uppercase md:block">Project</p>
          {SECTIONS.map(({ to, label, icon: Icon, ...rest }) => (
            <NavLink key={label} to={to ? `${base}/${to}` : base} end={'end' in rest} className={item}>
              <Icon className="hidden size-4 sm:block" aria-hidden /> {label}
            </NavLink>
          ))}
        </nav>
      </aside>
      <main className="min-w-0 flex-1 px-4 py-6 sm:px-8 sm:py-8">
        <Breadcrumbs />
        <ProjectLive slug={project}>
          <Outlet />
        </ProjectLive>
      </main>
    </div>
  );
}
