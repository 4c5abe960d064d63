import { lazy } from 'react';
import { createBrowserRouter, type RouteObject } from 'react-router';
import { Layout } from './components/Layout';
import { RouteError } from './components/RouteError';
import OverviewPage from './pages/OverviewPage';

// The overview is the landing page and ships in the first bundle; every other page loads on demand.
const TeamPage = lazy(() => import('./pages/TeamPage'));
const NotFoundPage = lazy(() => import('./pages/NotFoundPage'));
const PlanningPage = lazy(() => import('./pages/PlanningPage'));
const SignInPage = lazy(() => import('./pages/SignInPage'));
const SnapshotsPage = lazy(() => import('./pages/SnapshotsPage'));
const SnapshotPage = lazy(() => import('./pages/SnapshotPage'));
const DataPage = lazy(() => import('./pages/DataPage'));
const NewTeamPage = lazy(() => import('./pages/teams/NewTeamPage'));
const DefaultsPage = lazy(() => import('./pages/DefaultsPage'));

/** The routes; sections are listed in Layout's NAV_ITEMS. */
export const routes: RouteObject[] = [
  {
    element: <Layout />,
    errorElement: <RouteError />,
    children: [
      { index: true, element: <OverviewPage /> },
      { path: 'teams/new', element: <NewTeamPage /> },
      { path: 'teams/:slug', element: <TeamPage /> },
      { path: 'teams/:slug/plan', element: <PlanningPage /> },
      { path: 'signin', element: <SignInPage /> },
      { path: 'snapshots', element: <SnapshotsPage /> },
      { path: 'snapshots/:id', element: <SnapshotPage /> },
      { path: 'data', element: <DataPage /> },
      { path: 'defaults', element: <DefaultsPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];

export function createRouter() {
  return createBrowserRouter(routes);
}
