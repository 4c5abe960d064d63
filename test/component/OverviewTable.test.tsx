// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { useState } from 'react';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import type { GroupRow, OverviewRow, RatedKpis, Totals } from '../../client/graphql/operations';
import { OverviewTable } from '../../client/pages/overview/OverviewTable';
import { DEFAULT_SORT, nextSort, sortRows, type SortState } from '../../client/lib/teamTable';

afterEach(cleanup);

const ceiling = { rule: 'opsCeiling', status: 'OK' as const, value: 0, limit: 0.5, message: 'Ops took 0% of capacity, within the 50% ceiling.' };
const zero: RatedKpis = {
  alerts: 0, pages: 0, pageHours: 0, businessPageHours: 0, offHoursPageHours: 0, sleepPageHours: 0,
  sleepInterruptions: 0, deploys: 0, failedDeploys: 0, changeFailureRate: null, toilHours: 0,
  opsHours: 0, capacityHours: 0, opsShare: null, status: 'OK', rules: [ceiling], previous: null,
};
const rows: OverviewRow[] = [
  {
    team: { slug: 'payments', name: 'Payments', timezone: 'Europe/Berlin', members: 7, group: null },
    status: 'BREACH',
    kpis: {
      ...zero, alerts: 43, pageHours: 13.5, deploys: 20, failedDeploys: 2, changeFailureRate: 0.1, opsHours: 25.1, capacityHours: 840, opsShare: 0.34,
      status: 'BREACH',
      rules: [
        { ...ceiling, value: 0.34, message: 'Ops took 34% of capacity, within the 50% ceiling.' },
        { rule: 'sleepInterruptionsPerWeek', status: 'BREACH', value: 3, limit: 2, message: 'Sleep was interrupted 3 times per week, above the limit of 2 per week.' },
      ],
      previous: { alerts: 40, pages: 0, pageHours: 13.5, opsHours: 20, opsShare: 0.3, sleepInterruptions: 0 },
    },
  },
  { team: { slug: 'search', name: 'Search', timezone: 'UTC', members: 1, group: null }, status: 'OK', kpis: { ...zero, alerts: 3, pageHours: 0.8 } },
];
const range = { from: '2024-05-01', to: '2024-05-28' };

function Harness() {
  const [sort, setSort] = useState<SortState>(DEFAULT_SORT);
  return (
    <OverviewTable
      rows={sortRows(rows, sort)}
      range={range}
      sort={sort}
      onSort={(k) => setSort((s) => nextSort(s, k))}
      noMatch="No team matches."
      sparks={new Map([['payments', [
        { start: '2024-05-01', end: '2024-05-07', opsHours: 4 },
        { start: '2024-05-08', end: '2024-05-14', opsHours: 10 },
      ]]])}
      sparkPer="week"
    />
  );
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
    expect(screen.getByTestId('kpi-payments-opsShare').textContent).toBe('34.0%');
    expect(screen.getByTestId('ceiling-payments').textContent).toBe('/ 50% ceiling');
    expect(screen.getByTestId('kpi-payments-opsHours').textContent).toBe('25.1');
    expect(screen.getByTestId('kpi-search-opsShare').textContent).toBe('—');
  });

  it('shows the status as a word and writes the broken rule in the row', () => {
    renderTable();
    const badge = screen.getByTestId('status-payments');
    expect(badge.textContent).toBe('✕Breach');
    const rules = screen.getByTestId('rules-payments');
    // Visible text, not a tooltip; the kept ops ceiling is not listed.
    expect(within(rules).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['Breached: Sleep interruptions per week: 3 · limit 2 per week']);
    expect(screen.getByTestId('status-search').textContent).toBe('✓OK');
    expect(screen.queryByTestId('rules-search')).toBeNull();
  });

  it('marks changes against the previous period with an arrow and words', () => {
    renderTable();
    const alerts = screen.getByTestId('delta-payments-alerts');
    expect(alerts.textContent).toContain('▲ 8%');
    expect(alerts.textContent).toContain('up 8% from previous period');
    expect(screen.getByTestId('delta-payments-opsShare').textContent).toContain('up 4.0 percentage points from previous period');
    expect(screen.getByTestId('delta-payments-pageHours').textContent).toContain('no change from previous period');
    expect(screen.queryByTestId('delta-search-alerts')).toBeNull();
  });

  it('draws a sparkline with a text equivalent, and says when it is still loading', () => {
    renderTable();
    const spark = screen.getByTestId('spark-payments');
    expect(spark.getAttribute('role')).toBe('img');
    expect(spark.getAttribute('aria-label')).toBe('Ops hours per week, 2 weeks: 14.0 h in total, most on the week of May 8 (10.0 h).');
    expect(within(screen.getByTestId('team-row-search')).getByText('Loading trend')).toBeTruthy();
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
    expect(screen.getByRole('columnheader', { name: /Status/ }).getAttribute('aria-sort')).toBe('descending');

    fireEvent.click(screen.getByRole('button', { name: /Total page hours/ }));
    expect(order()).toEqual(['team-row-payments', 'team-row-search']);
    fireEvent.click(screen.getByRole('button', { name: /Total page hours/ }));
    expect(order()).toEqual(['team-row-search', 'team-row-payments']);
    const header = screen.getByRole('button', { name: /Total page hours/ }).closest('th')!;
    expect(header.getAttribute('aria-sort')).toBe('ascending');
    expect(screen.getByRole('columnheader', { name: /Status/ }).getAttribute('aria-sort')).toBeNull();
  });
});

describe('OverviewTable with groups', () => {
  const totals = (over: Partial<Totals>): Totals => ({
    teams: 0, alerts: 0, pages: 0, pageHours: 0, businessPageHours: 0, offHoursPageHours: 0, sleepPageHours: 0, sleepInterruptions: 0,
    deploys: 0, failedDeploys: 0, changeFailureRate: null, toilHours: 0, opsHours: 0, capacityHours: 0, opsShare: null, status: 'NO_DATA', ...over,
  });
  const platform: GroupRow = {
    group: { id: '1', name: 'Platform', path: 'Platform', depth: 1, parent: null },
    teams: ['payments'], status: 'BREACH', totals: totals({ teams: 1, alerts: 43, opsHours: 25.1, opsShare: 0.34, status: 'BREACH' }),
  };
  const data: GroupRow = {
    group: { id: '2', name: 'Data', path: 'Platform / Data', depth: 2, parent: { id: '1' } },
    teams: [], status: 'NO_DATA', totals: totals({}),
  };
  const grouped: OverviewRow[] = [{ ...rows[0], team: { ...rows[0].team, group: { id: '1' } } }, rows[1]];
  const org = totals({ teams: 2, alerts: 46, opsHours: 25.1, opsShare: 0.0296, status: 'BREACH' });

  function renderGrouped(filtered = false, shown = grouped) {
    render(
      <RouterProvider router={createMemoryRouter([{
        path: '/',
        element: <OverviewTable rows={shown} range={range} sort={DEFAULT_SORT} onSort={() => {}} noMatch="No team matches." sparkPer="week" groups={[data, platform]} orgTotal={org} filtered={filtered} />,
      }])} />,
    );
  }
  const lines = () => screen.getAllByTestId(/^(team-row-|group-\d+-row|no-group-row|org-row)/).map((r) => r.dataset.testid);

  it('lists each group row over its teams, subgroups after, teams in no group under "No group", and the org total last', () => {
    renderGrouped();
    expect(lines()).toEqual(['group-1-row', 'team-row-payments', 'group-2-row', 'no-group-row', 'team-row-search', 'org-row']);
    expect(screen.getByTestId('group-1-kpi-alerts').textContent).toBe('43');
    expect(screen.getByTestId('group-1-kpi-opsShare').textContent).toBe('34.0%');
    expect(screen.getByTestId('group-1-status').textContent).toBe('✕Breach');
    expect(screen.getByTestId('group-2-row').textContent).toContain('Platform / Data · 0 teams');
    expect(screen.getByTestId('org-kpi-alerts').textContent).toBe('46');
    expect(screen.getByTestId('org-kpi-opsShare').textContent).toBe('3.0%');
    expect(screen.getByTestId('org-row').closest('tfoot')).toBeTruthy();
  });

  it('leaves out the groups without a shown team while a filter is on', () => {
    renderGrouped(true, [grouped[0]]);
    expect(lines()).toEqual(['group-1-row', 'team-row-payments', 'org-row']);
  });
});
