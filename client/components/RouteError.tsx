import { isRouteErrorResponse, Link, useRouteError } from 'react-router';

/** Shown when a page fails to render or its code fails to load (e.g. after a deploy replaced the chunks). */
export function RouteError() {
  const error = useRouteError();
  const message = isRouteErrorResponse(error) ? `${error.status} ${error.statusText}` : error instanceof Error ? error.message : String(error);
  return (
    <main className="main" id="main">
      <div className="state state--error" role="alert">
        <span className="state__icon" aria-hidden="true">!</span>
        <div className="state__body">
          <p className="state__title">Something went wrong showing this page</p>
          <p className="state__text">{message}</p>
          <p className="state__text">
            <button type="button" className="button" onClick={() => window.location.reload()}>
              Reload the page
            </button>{' '}
            <Link to="/">Go to the overview</Link>
          </p>
        </div>
      </div>
    </main>
  );
}
