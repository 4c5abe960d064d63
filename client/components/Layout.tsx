import { Suspense, useEffect, useRef } from 'react';
import { Link, Outlet, useLocation } from 'react-router';
import { useViewer, ViewerProvider } from '../lib/viewer';
import { canChangeOrgDefaults } from '../lib/viewerRights';
import type { Viewer } from '../graphql/operations';
import { AccountMenu } from './AccountMenu';
import { PageLoading } from './PageLoading';

/**
 * The top-level sections. Planning is per team (/teams/:slug/plan), reached from the overview's
 * "Plan" links and the team page; a team's pages keep "Overview" marked.
 */
const NAV_ITEMS: { to: string; label: string; current(pathname: string): boolean; shownTo?(viewer: Viewer | null | undefined): boolean }[] = [
  // A team's page is a drill-down of the overview, so the overview stays marked there.
  { to: '/', label: 'Overview', current: (p) => p === '/' || p.startsWith('/teams/') },
  { to: '/snapshots', label: 'Snapshots', current: (p) => p.startsWith('/snapshots') },
  { to: '/data', label: 'Data', current: (p) => p.startsWith('/data') },
  // Only for those who can change them; the page itself still shows the defaults to any reader.
  { to: '/defaults', label: 'Defaults', current: (p) => p.startsWith('/defaults'), shownTo: canChangeOrgDefaults },
];

/** Keeps the date range when moving between sections. */
function keepRange(search: string): string {
  const params = new URLSearchParams(search);
  const kept = new URLSearchParams();
  for (const key of ['from', 'to']) {
    const v = params.get(key);
    if (v) kept.set(key, v);
  }
  const s = kept.toString();
  return s ? `?${s}` : '';
}

export function Layout() {
  const location = useLocation();
  const main = useRef<HTMLElement>(null);
  const firstRender = useRef(true);

  // After a client-side navigation, move focus to the new page so screen readers announce it.
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    main.current?.focus({ preventScroll: true });
    window.scrollTo(0, 0);
  }, [location.pathname]);

  return (
    <ViewerProvider>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="site-header">
        <div className="site-header__inner">
          <Link to={{ pathname: '/', search: keepRange(location.search) }} className="brand" aria-label="Headroom home">
            <svg className="brand__mark" viewBox="0 0 32 32" aria-hidden="true">
              <rect width="32" height="32" rx="7" fill="currentColor" opacity="0.18" />
              <path d="M7 22h18M7 22V13m6 9V9m6 13v-7m6 7V11" stroke="currentColor" strokeWidth="3" strokeLinecap="round" />
            </svg>
            <span className="brand__name">Headroom</span>
          </Link>
          <MainNav />
          <AccountMenu />
        </div>
      </header>
      <main id="main" ref={main} tabIndex={-1} className="main">
        <Suspense fallback={<PageLoading />}>
          <Outlet />
        </Suspense>
      </main>
      <footer className="site-footer">
        <p>Headroom · operational load for sprint planning</p>
      </footer>
    </ViewerProvider>
  );
}

/** The sections the signed-in viewer may use (inside ViewerProvider, which knows who that is). */
function MainNav() {
  const location = useLocation();
  const { viewer } = useViewer();
  return (
    <nav aria-label="Main">
      <ul className="nav">
        {NAV_ITEMS.filter((item) => !item.shownTo || item.shownTo(viewer)).map((item) => {
          const current = item.current(location.pathname);
          return (
            <li key={item.to}>
              <Link
                to={{ pathname: item.to, search: keepRange(location.search) }}
                className={`nav__link${current ? ' nav__link--active' : ''}`}
                aria-current={location.pathname === item.to ? 'page' : current ? 'true' : undefined}
              >
                {item.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
