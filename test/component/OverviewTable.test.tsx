// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { useState } from 'react';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import type { Kpis, OverviewRow } from '../../client/graphql/operations';
import { OverviewTable } from '../../client/pages/overview/OverviewTable';
import { DEFAULT_SORT, nextSort, sortRows, type SortState } from '../../client/lib/teamTable';

afterEach(cleanup);

const zero: Kpis = {
  alerts: 0, pages: 0, pageHours: 0, businessPageHours: 0, offHoursPageHours: 0, sleepPageHours: 0,
  sleepInterruptions: 0, deploys: 0, failedDeploys: 0, changeFailureRate: null, toilHours: 0,
};
const rows: OverviewRow[] = [
  { team: { slug: 'payments', name: 'Payments', timezone: 'Europe/Berlin', members: 7 }, kpis: { ...zero, alerts: 43, pageHours: 13.5, deploys: 20, failedDeploys: 2, changeFailureRate: 0.1 } },
  { team: { slug: 'search', name: 'Search', timezone: 'UTC', members: 1 }, kpis: { ...zero, alerts: 3, pageHours: 0.8 } },
];
const range = { from: '2024-05-01', to: '2024-05-28' };

function Harness() {
  const [sort, setSort] = useState<SortState>(DEFAULT_SORT);
  return <OverviewTable rows={sortRows(rows, sort)} range={range} sort={sort} onSort={(k) => setSort((s) => nextSort(s, k))} filter="" />;
}

function renderTable() {
  render(<RouterProvider router={createMemoryRouter([{ path: '/', element: <Harness /> }])} />);
}

const order = () => screen.getAllByTestId(/^team-row-/).map((r) => r.dataset.testid);

describe('OverviewTable', () => {
  it('writes each KPI by its kind under a stable test id', () => {
    renderTable();
    expect(screen.getByTestId('kpi-payments-alerts').textContent).toBe('43');
    expect(screen.getByTestId('kpi-payments-pageHours').textContent).toBe('13.5');
    expect(screen.getByTestId('kpi-payments-changeFailureRate').textContent).toBe('10.0%');
    expect(screen.getByTestId('kpi-search-changeFailureRate').textContent).toBe('—');
    expect(screen.getByTestId('kpi-search-toilHours').textContent).toBe('0.0');
  });

  it('links each team to its page, keeping the range', () => {
    renderTable();
    const link = within(screen.getByTestId('team-row-search')).getByRole('link', { name: 'Search' });
    expect(link.getAttribute('href')).toBe('/teams/search?from=2024-05-01&to=2024-05-28');
    expect(screen.getByTestId('team-row-search').textContent).toContain('1 member');
  });

  it('sorts by a column header button and marks the column with aria-sort', () => {
    renderTable();
    expect(order()).toEqual(['team-row-payments', 'team-row-search']);
    expect(screen.getByRole('columnheader', { name: /Team/ }).getAttribute('aria-sort')).toBe('ascending');

    fireEvent.click(screen.getByRole('button', { name: /Total page hours/ }));
    expect(order()).toEqual(['team-row-payments', 'team-row-search']);
    fireEvent.click(screen.getByRole('button', { name: /Total page hours/ }));
    expect(order()).toEqual(['team-row-search', 'team-row-payments']);
    const header = screen.getByRole('button', { name: /Total page hours/ }).closest('th')!;
    expect(header.getAttribute('aria-sort')).toBe('ascending');
    expect(screen.getByRole('columnheader', { name: /Team/ }).getAttribute('aria-sort')).toBeNull();
  });
});
