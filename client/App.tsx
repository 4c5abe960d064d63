import { lazy } from 'react';
import { createBrowserRouter, type RouteObject } from 'react-router';
import { Layout } from './components/Layout';
import { RouteError } from './components/RouteError';
import OverviewPage from './pages/OverviewPage';

// The overview is the landing page and ships in the first bundle; every other page loads on demand.
const TeamPage = lazy(() => import('./pages/TeamPage'));
const NotFoundPage = lazy(() => import('./pages/NotFoundPage'));

/**
 * The routes. Planning (`teams/:slug/plan`) and Snapshots (`snapshots`) are added here, lazily,
 * when their pages exist, and listed in Layout's NAV_ITEMS.
 */
export const routes: RouteObject[] = [
  {
    element: <Layout />,
    errorElement: <RouteError />,
    children: [
      { index: true, element: <OverviewPage /> },
      { path: 'teams/:slug', element: <TeamPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];

export function createRouter() {
  return createBrowserRouter(routes);
}
