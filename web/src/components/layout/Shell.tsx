import { Link, NavLink, Outlet, useParams } from 'react-router';
import { LogOut, SquareTerminal } from 'lucide-react';
import { clearToken } from '../../lib/auth';
import { resetWebsocket } from '../../lib/urql';
import { ProjectSwitcher } from './ProjectSwitcher';

export function Logo() {
  return (
    <span className="flex items-center gap-2 font-semibold tracking-tight text-white">
      <svg viewBox="0 0 24 24" className="size-6" aria-hidden>
        <defs>
          <linearGradient id="mm-logo" x1="0" y1="0" x2="1" y2="1">
            <stop offset="0" stopColor="#8ea2ff" />
            <stop offset="1" stopColor="#c084fc" />
          </linearGradient>
        </defs>
        <path d="M12 2 22 12 12 22 2 12Z" fill="url(#mm-logo)" />
        <path d="M12 7 17 12 12 17 7 12Z" fill="#0b0e17" opacity=".55" />
      </svg>
      MemMouse
    </span>
  );
}

const navLink = ({ isActive }: { isActive: boolean }) =>
  `flex h-8 items-center gap-1.5 rounded-lg px-2.5 text-sm transition ${isActive ? 'bg-white/[0.09] text-white' : 'text-slate-400 hover:text-white'}`;

/** The signed-in frame: a sticky glass navbar over the page. */
export function Shell() {
  const { project } = useParams();
  const signOut = () => {
    clearToken('You signed out.');
    resetWebsocket();
  };
  return (
    <div className="flex min-h-screen flex-col">
      <header className="sticky top-0 z-30 border-b border-white/8 bg-ink-900/70 backdrop-blur-xl">
        <div className="mx-auto flex h-14 max-w-[90rem] items-center gap-2 px-3 sm:gap-4 sm:px-6">
          <Link to="/projects" aria-label="MemMouse home" className="shrink-0">
            <Logo />
          </Link>
          <span className="h-5 w-px bg-white/10" aria-hidden />
          <ProjectSwitcher current={project} />
          <nav className="ml-auto flex items-center gap-1" aria-label="Main">
            <NavLink to="/projects" end className={(s) => `${navLink(s)} hidden sm:flex`}>
              Projects
            </NavLink>
            <NavLink to="/playground" className={navLink} title="GraphQL playground">
              <SquareTerminal className="size-4" aria-hidden />
              <span className="hidden sm:inline">Playground</span>
            </NavLink>
            <button type="button" onClick={signOut} className={navLink({ isActive: false })} title="Sign out">
              <LogOut className="size-4" aria-hidden />
              <span className="hidden sm:inline">Sign out</span>
            </button>
          </nav>
        </div>
      </header>
      <Outlet />
    </div>
  );
}

/** Pages outside a project get a centred column. */
export function Page() {
  return (
    <main className="w-full flex-1 px-4 py-6 sm:px-6 sm:py-8">
      <Outlet />
    </main>
  );
}
