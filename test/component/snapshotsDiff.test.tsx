// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import { DiffTable } from '../../client/pages/snapshots/SnapshotCompare';
import type { SnapshotDiff } from '../../client/graphql/snapshotOperations';

afterEach(cleanup);

const diff: SnapshotDiff = {
  before: { id: 'a', label: 'Sprint 7 review', createdAt: '2026-03-16T10:00:00Z', range: { from: '2026-03-02', to: '2026-03-15' } },
  after: null,
  teams: [
    {
      team: 'alpha', name: 'Alpha Payments', presence: 'BOTH', statusBefore: 'WARN', statusAfter: 'BREACH',
      changes: [
        { kpi: 'alerts', before: 18, after: 24, delta: 6 },
        { kpi: 'opsShare', before: 0.1, after: 0.075, delta: -0.025 },
        { kpi: 'changeFailureRate', before: null, after: 0.5, delta: null },
      ],
    },
    { team: 'beta', name: 'Beta', presence: 'BOTH', statusBefore: 'OK', statusAfter: 'OK', changes: [] },
    { team: 'gamma', name: 'Gamma', presence: 'ONLY_BEFORE', statusBefore: 'OK', statusAfter: null, changes: [{ kpi: 'alerts', before: 3, after: null, delta: null }] },
  ],
};

describe('DiffTable', () => {
  it('says how each KPI moved in words, not by arrow or colour alone', () => {
    render(<DiffTable diff={diff} />);
    expect(screen.getByRole('status').textContent).toBe('From “Sprint 7 review” to now: 2 of 3 teams changed.');
    const alerts = screen.getByTestId('diff-alpha-alerts');
    expect(within(alerts).getByRole('rowheader').textContent).toBe('Alerts');
    const up = screen.getByTestId('diff-alpha-alerts-delta');
    expect(up.dataset.direction).toBe('up');
    expect(up.querySelector('.sr-only')!.textContent).toBe('up by 6');
    // The arrow and the short figure are hidden from screen readers; the sentence says it.
    expect([...up.querySelectorAll('[aria-hidden="true"]')].map((e) => e.textContent)).toEqual(['▲ ', '+6']);
    expect(screen.getByTestId('diff-alpha-opsShare-delta').querySelector('.sr-only')!.textContent).toBe('down by 2.5 percentage points');
    expect(screen.getByTestId('diff-alpha-changeFailureRate-before').textContent).toBe('—');
    expect(screen.getByTestId('diff-alpha-changeFailureRate-after').textContent).toBe('50.0%');
  });

  it('names teams by their name and shows what each side covers', () => {
    render(<DiffTable diff={diff} />);
    expect(screen.getByTestId('diff-team-alpha').querySelector('.snap-diff__name')!.textContent).toBe('Alpha Payments');
    expect(screen.getByTestId('diff-before-header').textContent).toMatch(/Mar 2.*Mar 15.*made/);
    expect(screen.getByTestId('diff-after-header').textContent).toMatch(/Mar 2.*Mar 15.*current figures/);
    // Against now there is nothing to swap.
    expect(screen.queryByTestId('diff-swap')).toBeNull();
  });

  it('offers a swap between two snapshots and says when the newer one comes first', () => {
    const newer = { id: 'b', label: 'After the incident', createdAt: '2026-04-01T09:00:00Z', range: { from: '2026-03-16', to: '2026-03-29' } };
    let swapped = 0;
    render(<DiffTable diff={{ ...diff, before: newer, after: diff.before }} onSwap={() => swapped++} />);
    expect(screen.getByRole('status').textContent).toContain('(newer first: read backwards in time)');
    expect(screen.getByTestId('diff-before-header').textContent).toMatch(/Mar 16.*Mar 29/);
    expect(screen.getByTestId('diff-after-header').textContent).toMatch(/Mar 2.*Mar 15/);
    screen.getByTestId('diff-swap').click();
    expect(swapped).toBe(1);
  });

  it('names status changes, unchanged teams and teams on one side only', () => {
    render(<DiffTable diff={diff} />);
    const alpha = screen.getByTestId('diff-team-alpha');
    expect(alpha.querySelector('th[scope="colgroup"]')!.textContent!.replace(/\s+/g, ' ')).toContain('status !Warning → became ✕Breach');
    expect(screen.getByTestId('diff-team-beta').textContent).toContain('(unchanged)');
    expect(screen.getByTestId('diff-team-beta').textContent).toContain('No KPI changed.');
    expect(screen.getByTestId('diff-team-gamma').textContent).toContain('only in “Sprint 7 review”');
  });
});
