import type { ReactNode } from 'react';
import { periodText, formatValue, isPartial, partialText, rowValue, type ChartRow, type SeriesInfo } from './series';

export interface ChartFrameProps {
  title: ReactNode;
  /** The whole chart in words: its accessible name. */
  summary: string;
  series: readonly SeriesInfo[];
  rows: readonly ChartRow[];
  testId?: string;
  /** Offer the figures as a table under the chart. */
  withTable?: boolean;
  height: number;
  children: ReactNode;
}

/**
 * A chart with its title, a legend in words, an accessible description, and (optionally) the same
 * figures as a table: the picture never carries information that text does not.
 */
export function ChartFrame({ title, summary, series, rows, testId, withTable, height, children }: ChartFrameProps) {
  const partial = rows.filter(isPartial);
  return (
    <figure className="chart" data-testid={testId}>
      <figcaption className="chart__title">{title}</figcaption>
      <ul className="chart__legend" aria-hidden="true">
        {series.map((s) => (
          <li key={s.key}>
            <span className="swatch" style={{ background: s.color }} />
            {s.label}
            {s.unit === 'hours' ? ' (h)' : ''}
          </li>
        ))}
      </ul>
      {partial.length > 0 && (
        <p className="chart__partial" data-testid={testId ? `partial-note-${testId}` : undefined}>
          <span className="swatch swatch--partial" aria-hidden="true" />
          Hatched bars and hollow dots: {partial.map((r) => `${periodText(r)} (${partialText(r)})`).join(', ')} — cut by the date
          range, so {partial.length === 1 ? 'it covers' : 'they cover'} fewer days than the others.
        </p>
      )}
      <div className="chart__canvas" role="img" aria-label={summary} style={{ height }}>
        {children}
      </div>
      {withTable && (
        <details className="chart__table">
          <summary>Show figures as a table</summary>
          <div className="table-scroll" role="region" aria-label="Chart figures" tabIndex={0}>
            <table className="table table--compact">
              <thead>
                <tr>
                  <th scope="col">Period</th>
                  {series.map((s) => (
                    <th scope="col" key={s.key} className="num">
                      {s.label}
                      {s.unit === 'hours' ? ' (h)' : ''}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.start}>
                    <th scope="row">
                      {periodText(r)}
                      {isPartial(r) && <span className="muted"> ({partialText(r)})</span>}
                    </th>
                    {series.map((s) => (
                      <td key={s.key} className="num">
                        {formatValue(rowValue(r, s.key), s.unit).replace(/ h$/, '')}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      )}
    </figure>
  );
}
