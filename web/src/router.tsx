import { Suspense, lazy } from 'react';
import { Navigate, Outlet, createBrowserRouter, useLocation, useRouteError } from 'react-router';
import { Page, Shell } from './components/layout/Shell';
import { ProjectLayout } from './components/layout/ProjectLayout';
import { SignInPage } from './components/layout/SignInPage';
import { NotFoundPage } from './components/layout/NotFound';
import { Loading } from './components/ui/States';
import { useToken } from './lib/auth';
import { ProjectsPage } from './features/projects/ProjectsPage';
import { OverviewPage } from './features/projects/OverviewPage';
import { NamespacesPage } from './features/namespaces/NamespacesPage';
import { NamespacePage } from './features/namespaces/NamespacePage';
import { ServicesPage } from './features/services/ServicesPage';
import { ServicePage } from './features/services/ServicePage';
import { EventsPage } from './features/events/EventsPage';

// GraphiQL and its editor are large: loaded only when someone opens the playground.
const PlaygroundPage = lazy(() => import('./features/playground/PlaygroundPage'));

/** Signed out: to sign-in, remembering the deep link to come back to. */
function RequireToken() {
  const token = useToken();
  const { pathname, search } = useLocation();
  if (!token) return <Navigate to={`/sign-in?next=${encodeURIComponent(pathname + search)}`} replace />;
  return <Outlet />;
}

function RouteError() {
  const error = useRouteError();
  return (
    <div className="p-8 text-sm text-rose-200" role="alert">
      The console hit an unexpected error: {error instanceof Error ? error.message : String(error)}. Reload the page to continue.
    </div>
  );
}

export const router = createBrowserRouter([
  { path: '/sign-in', element: <SignInPage /> },
  {
    element: <RequireToken />,
    errorElement: <RouteError />,
    children: [
      {
        element: <Shell />,
        children: [
          { index: true, element: <Navigate to="/projects" replace /> },
          {
            path: 'playground',
            element: (
              <Suspense fallback={<div className="p-8"><Loading rows={3} label="Loading the playground" /></div>}>
                <PlaygroundPage />
              </Suspense>
            ),
          },
          {
            path: 'projects/:project',
            element: <ProjectLayout />,
            children: [
              { index: true, element: <OverviewPage /> },
              { path: 'namespaces', element: <NamespacesPage /> },
              { path: 'namespaces/:namespace', element: <NamespacePage /> },
              { path: 'services', element: <ServicesPage /> },
              { path: 'services/:service', element: <ServicePage /> },
              { path: 'events', element: <EventsPage /> },
              { path: '*', element: <NotFoundPage /> },
            ],
          },
          {
            element: <Page />,
            children: [
              { path: 'projects', element: <ProjectsPage /> },
              { path: '*', element: <NotFoundPage /> },
            ],
          },
        ],
      },
    ],
  },
]);
