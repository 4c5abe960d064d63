import type { ServiceLoad } from '../../graphql/operations';
import { formatCount, formatHours } from '../../lib/format';

/** Load per service, noisiest (most ops hours) first, with a bar for its share of the busiest. */
export function ServicesTable({ services }: { services: ServiceLoad[] }) {
  const max = Math.max(0, ...services.map((s) => s.opsHours));
  return (
    <div className="table-scroll" role="region" aria-labelledby="services-caption" tabIndex={0}>
      <table className="table table--services">
        <caption id="services-caption" className="sr-only">
          Load per service, most ops hours first
        </caption>
        <thead>
          <tr>
            <th scope="col">Service</th>
            <th scope="col" className="num">Ops hours</th>
            <th scope="col" className="num">Alerts</th>
            <th scope="col" className="num">Pages</th>
            <th scope="col" className="num">Page hours</th>
            <th scope="col" className="num">Sleep interruptions</th>
            <th scope="col" className="num">Failed deploys</th>
            <th scope="col" className="num">Toil hours</th>
          </tr>
        </thead>
        <tbody>
          {services.map((s) => (
            <tr key={s.service} data-testid={`service-${s.service || 'team'}`}>
              <th scope="row">{s.service || <span className="muted">Whole team (no service)</span>}</th>
              <td className="num">
                <span className="inline-bar" aria-hidden="true">
                  <span style={{ width: `${max > 0 ? (s.opsHours / max) * 100 : 0}%` }} />
                </span>
                <span data-testid={`service-${s.service || 'team'}-opsHours`}>{formatHours(s.opsHours)}</span>
              </td>
              <td className="num">{formatCount(s.alerts)}</td>
              <td className="num">{formatCount(s.pages)}</td>
              <td className="num">{formatHours(s.pageHours)}</td>
              <td className="num">{formatCount(s.sleepInterruptions)}</td>
              <td className="num">{formatCount(s.failedDeploys)}</td>
              <td className="num">{formatHours(s.toilHours)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
