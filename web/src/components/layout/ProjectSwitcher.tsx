import { useEffect, useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { Check, ChevronsUpDown, FolderKanban, LayoutGrid } from 'lucide-react';
import { useQuery } from 'urql';
import { SwitcherProjectsQuery } from '../../features/projects/projects.operations';

const CONTEXT = { additionalTypenames: ['Project'] };

/** The navbar's project picker: type to filter, Enter opens the first match, ESC closes. */
export function ProjectSwitcher({ current }: { current: string | undefined }) {
  const [{ data }] = useQuery({ query: SwitcherProjectsQuery, context: CONTEXT });
  const [open, setOpen] = useState(false);
  const [filter, setFilter] = useState('');
  const box = useRef<HTMLDivElement>(null);
  const navigate = useNavigate();
  const projects = data?.projects.edges.map((e) => e.node) ?? [];
  const currentProject = projects.find((p) => p.slug === current);
  const shown = projects.filter((p) => `${p.slug} ${p.name}`.toLowerCase().includes(filter.toLowerCase()));

  useEffect(() => {
    if (!open) return;
    const onDown = (e: MouseEvent) => box.current && !box.current.contains(e.target as Node) && setOpen(false);
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && setOpen(false);
    document.addEventListener('mousedown', onDown);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('mousedown', onDown);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

  const go = (slug: string) => {
    setOpen(false);
    setFilter('');
    navigate(`/projects/${slug}`);
  };

  return (
    <div className="relative" ref={box}>
      <button
        type="button"
        onClick={() => setOpen(!open)}
        aria-haspopup="listbox"
        aria-expanded={open}
        aria-label="Switch project"
        className="flex h-8 max-w-[11rem] items-center gap-2 rounded-lg border border-white/10 bg-white/[0.04] px-2.5 text-sm text-slate-200 transition hover:bg-white/[0.08] sm:max-w-[16rem]"
      >
        <FolderKanban className="size-4 shrink-0 text-accent" aria-hidden />
        <span className="truncate">{currentProject?.name ?? current ?? 'Choose project'}</span>
        <ChevronsUpDown className="size-3.5 shrink-0 text-slate-500" aria-hidden />
      </button>
      {open && (
        <div className="glass-strong animate-rise absolute top-10 left-0 z-40 w-72 p-1.5">
          <input
            className="input mb-1.5 h-8 py-1 text-sm"
            placeholder="Find a project…"
            autoFocus
            value={filter}
            onChange={(e) => setFilter(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && shown[0]) go(shown[0].slug);
            }}
          />
          <ul role="listbox" aria-label="Projects" className="max-h-72 overflow-y-auto">
            {shown.map((p) => (
              <li key={p.id} role="option" aria-selected={p.slug === current}>
                <button type="button" onClick={() => go(p.slug)} className="flex w-full items-center gap-2 rounded-md px-2 py-1.5 text-left text-sm hover:bg-white/[0.07]">
                  <span className="min-w-0 flex-1 truncate text-slate-100">{p.name}</span>
                  <code className="text-xs text-slate-500">{p.slug}</code>
                  {p.slug === current && <Check className="size-3.5 text-accent" aria-hidden />}
                </button>
              </li>
            ))}
            {shown.length === 0 && <li className="px-2 py-2 text-sm text-slate-500">No project matches.</li>}
          </ul>
          <Link to="/projects" onClick={() => setOpen(false)} className="mt-1 flex items-center gap-2 rounded-md border-t border-white/8 px-2 py-2 text-sm text-slate-300 hover:bg-white/[0.07]">
            <LayoutGrid className="size-4" aria-hidden /> All projects
          </Link>
        </div>
      )}
    </div>
  );
}
