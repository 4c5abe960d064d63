// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { ChartFrame } from '../../client/charts/ChartFrame';
import { barFill, hatchId } from '../../client/charts/partial';
import { isPartial, partialText, toRows, type SeriesDef } from '../../client/charts/series';

afterEach(cleanup);

type P = { start: string; end: string; days: number; bucketDays: number; alerts: number };
const SERIES: SeriesDef<P>[] = [{ key: 'alerts', label: 'Alerts', color: '#b45309', unit: 'count', value: (p) => p.alerts }];
const points: P[] = [
  { start: '2026-11-02', end: '2026-11-08', days: 7, bucketDays: 7, alerts: 70 },
  { start: '2026-11-09', end: '2026-11-10', days: 2, bucketDays: 7, alerts: 20 },
];

describe('partial buckets', () => {
  it.each([
    [{ days: 7, bucketDays: 7 }, false, ''],
    [{ days: 2, bucketDays: 7 }, true, '2 of 7 days'],
    [{ days: 1, bucketDays: 1 }, false, ''],
    [{}, false, ''],
  ])('%j → partial %s', (row, partial, text) => {
    expect(isPartial(row)).toBe(partial);
    expect(partialText(row)).toBe(text);
  });

  it('hatches the bars of partial buckets only', () => {
    const rows = toRows(points, SERIES);
    expect(barFill(rows[0], 'chart-x', SERIES[0])).toBe('#b45309');
    expect(barFill(rows[1], 'chart-x', SERIES[0])).toBe(`url(#${hatchId('chart-x', 'alerts')})`);
  });

  it('says in the legend and the table which buckets the range cuts', () => {
    const rows = toRows(points, SERIES);
    render(
      <ChartFrame title="Alerts" summary="Alerts" series={SERIES} rows={rows} testId="chart-x" height={100} withTable>
        <svg />
      </ChartFrame>,
    );
    expect(screen.getByTestId('partial-note-chart-x').textContent).toContain('Nov 9 – Nov 10 (2 of 7 days)');
    expect(screen.getByRole('region', { name: 'Chart figures' }).textContent).toContain('(2 of 7 days)');
  });

  it('adds no note when every bucket is whole', () => {
    render(
      <ChartFrame title="Alerts" summary="Alerts" series={SERIES} rows={toRows(points.slice(0, 1), SERIES)} testId="chart-y" height={100}>
        <svg />
      </ChartFrame>,
    );
    expect(screen.queryByTestId('partial-note-chart-y')).toBeNull();
  });
});
