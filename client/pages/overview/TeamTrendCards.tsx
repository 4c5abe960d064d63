import { Link } from 'react-router';
import TeamTrendChart from '../../charts/TeamTrendChart';
import type { DateRange, TrendPoint } from '../../graphql/operations';
import { rangeSearch } from '../../lib/dateRange';

export interface TrendCard {
  slug: string;
  name: string;
  series: TrendPoint[];
}

/** One small weekly chart per team, in the order of the table. */
export function TeamTrendCards({ cards, range }: { cards: TrendCard[]; range: DateRange }) {
  if (cards.length === 0) return <p className="muted">No team matches the filter.</p>;
  return (
    <ul className="card-grid">
      {cards.map((c) => (
        <li key={c.slug} className="card trend-card">
          <h3 className="trend-card__title">
            <Link to={{ pathname: `/teams/${c.slug}`, search: rangeSearch(range) }}>{c.name}</Link>
          </h3>
          {c.series.every((p) => p.alerts === 0 && p.pageHours === 0) ? (
            <p className="muted trend-card__quiet">No alerts or page hours in this range.</p>
          ) : (
            <TeamTrendChart slug={c.slug} name={c.name} points={c.series} />
          )}
        </li>
      ))}
    </ul>
  );
}
