import { Link } from 'react-router';

export default function NotFoundPage() {
  return (
    <div className="not-found">
      <title>Page not found · Headroom</title>
      <p className="not-found__code" aria-hidden="true">404</p>
      <h1>Page not found</h1>
      <p>There is no page at this address.</p>
      <Link className="button" to="/">
        Go to the overview
      </Link>
    </div>
  );
}
