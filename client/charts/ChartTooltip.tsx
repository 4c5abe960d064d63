import type { ReactNode } from 'react';
import { formatValue, isPartial, partialText, periodText, rowValue, type ChartRow, type SeriesInfo } from './series';

interface Props {
  active?: boolean;
  payload?: ReadonlyArray<{ payload?: unknown }>;
  series: readonly SeriesInfo[];
  footer?: (row: ChartRow) => ReactNode;
}

/** The tooltip of every chart: the period, then each series with its unit. */
export function ChartTooltip({ active, payload, series, footer }: Props) {
  const row = payload?.[0]?.payload as ChartRow | undefined;
  if (!active || !row) return null;
  return (
    <div className="chart-tooltip">
      <p className="chart-tooltip__title">{periodText(row)}</p>
      {isPartial(row) && <p className="chart-tooltip__partial">Partial: {partialText(row)} inside the range</p>}
      <ul>
        {series.map((s) => (
          <li key={s.key}>
            <span className="swatch" style={{ background: s.color }} aria-hidden="true" />
            {s.label}: <strong>{formatValue(rowValue(row, s.key), s.unit)}</strong>
          </li>
        ))}
      </ul>
      {footer?.(row)}
    </div>
  );
}
