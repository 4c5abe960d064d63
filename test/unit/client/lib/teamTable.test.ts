import { describe, expect, it } from 'vitest';
import type { OverviewRow, RatedKpis, Status } from '../../../../client/graphql/operations';
import { DEFAULT_SORT, filterRows, nextSort, parseSort, sortParam, sortRows } from '../../../../client/lib/teamTable';

const zero: RatedKpis = {
  alerts: 0, pages: 0, pageHours: 0, businessPageHours: 0, offHoursPageHours: 0, sleepPageHours: 0,
  sleepInterruptions: 0, deploys: 0, failedDeploys: 0, changeFailureRate: null, toilHours: 0,
  opsHours: 0, capacityHours: 0, opsShare: null, status: 'OK', rules: [], previous: null,
};

function row(slug: string, name: string, kpis: Partial<RatedKpis>, status: Status = 'OK'): OverviewRow {
  return { team: { slug, name, timezone: 'UTC', members: null, group: null }, status, kpis: { ...zero, ...kpis, status } };
}

const rows = [
  row('payments', 'Payments', { alerts: 43, pageHours: 13.5, changeFailureRate: 0.1, opsShare: 0.3 }, 'WARN'),
  row('search', 'search', { alerts: 3, pageHours: 0.8, changeFailureRate: 0, opsShare: 0.1 }),
  row('platform', 'Platform', { alerts: 40, pageHours: 13.5, changeFailureRate: null, opsShare: null }, 'BREACH'),
  row('mobile-api', 'Mobile API', { alerts: 3, pageHours: 2, changeFailureRate: 0.25, opsShare: 0.6 }),
  row('quiet', 'Quiet', { alerts: 0, pageHours: 0, changeFailureRate: null, opsShare: 0 }, 'NO_DATA'),
];
const slugs = (r: OverviewRow[]) => r.map((x) => x.team.slug);

describe('sortRows', () => {
  it.each([
    [{ key: 'name', direction: 'asc' }, ['mobile-api', 'payments', 'platform', 'quiet', 'search']],
    [{ key: 'name', direction: 'desc' }, ['search', 'quiet', 'platform', 'payments', 'mobile-api']],
    [{ key: 'alerts', direction: 'desc' }, ['payments', 'platform', 'mobile-api', 'search', 'quiet']],
    // Ties (3 alerts) fall back to the name, in either direction.
    [{ key: 'alerts', direction: 'asc' }, ['quiet', 'mobile-api', 'search', 'platform', 'payments']],
    [{ key: 'pageHours', direction: 'desc' }, ['payments', 'platform', 'mobile-api', 'search', 'quiet']],
    // No change failure rate (no deploys) goes last whichever way the column is sorted.
    [{ key: 'changeFailureRate', direction: 'desc' }, ['mobile-api', 'payments', 'search', 'platform', 'quiet']],
    [{ key: 'changeFailureRate', direction: 'asc' }, ['search', 'payments', 'mobile-api', 'platform', 'quiet']],
    // Worst status first, no data above OK (as the server ranks them); equal statuses by ops share.
    [{ key: 'status', direction: 'desc' }, ['platform', 'payments', 'quiet', 'mobile-api', 'search']],
    [{ key: 'status', direction: 'asc' }, ['search', 'mobile-api', 'quiet', 'payments', 'platform']],
    // Unknown ops share (no capacity) goes last too.
    [{ key: 'opsShare', direction: 'desc' }, ['mobile-api', 'payments', 'search', 'quiet', 'platform']],
  ] as const)('%o', (sort, want) => expect(slugs(sortRows(rows, sort))).toEqual(want));

  it('does not modify its input', () => {
    const before = slugs(rows);
    sortRows(rows, { key: 'alerts', direction: 'desc' });
    expect(slugs(rows)).toEqual(before);
  });

  it('handles no rows', () => expect(sortRows([], { key: 'alerts', direction: 'desc' })).toEqual([]));
});

describe('filterRows', () => {
  it.each([
    ['', ['payments', 'search', 'platform', 'mobile-api', 'quiet']],
    ['   ', ['payments', 'search', 'platform', 'mobile-api', 'quiet']],
    ['pa', ['payments']],
    ['PLAT', ['platform']],
    [' api ', ['mobile-api']],
    ['mobile-', ['mobile-api']],
    ['zzz', []],
  ])('%j', (q, want) => expect(slugs(filterRows(rows, q))).toEqual(want));

  it.each([
    ['ALL', '', ['payments', 'search', 'platform', 'mobile-api', 'quiet']],
    ['NO_DATA', '', ['quiet']],
    ['BREACH', '', ['platform']],
    ['WARN', '', ['payments']],
    ['OK', '', ['search', 'mobile-api']],
    ['ATTENTION', '', ['payments', 'platform']], // no data is not a warning
    ['ATTENTION', 'pay', ['payments']],
    ['OK', 'plat', []],
  ] as const)('status %s with %j', (status, q, want) => expect(slugs(filterRows(rows, q, status))).toEqual(want));
});

describe('nextSort', () => {
  it('flips the direction of the same column', () => {
    expect(nextSort({ key: 'alerts', direction: 'desc' }, 'alerts')).toEqual({ key: 'alerts', direction: 'asc' });
    expect(nextSort({ key: 'alerts', direction: 'asc' }, 'alerts')).toEqual({ key: 'alerts', direction: 'desc' });
  });

  it('starts figures heaviest first and names A to Z', () => {
    expect(nextSort({ key: 'name', direction: 'asc' }, 'pages')).toEqual({ key: 'pages', direction: 'desc' });
    expect(nextSort({ key: 'pages', direction: 'desc' }, 'name')).toEqual({ key: 'name', direction: 'asc' });
    expect(nextSort({ key: 'name', direction: 'asc' }, 'status')).toEqual({ key: 'status', direction: 'desc' });
  });
});

describe('default order', () => {
  it('is worst first: breaches, warnings, then the heaviest ops share', () => {
    const more = [...rows, row('core', 'Core', { opsShare: 0.45 }, 'WARN'), row('edge', 'Edge', { opsShare: 0.2 }, 'BREACH')];
    expect(slugs(sortRows(more, DEFAULT_SORT))).toEqual(['edge', 'platform', 'core', 'payments', 'quiet', 'mobile-api', 'search']);
  });
});

describe('sort in the URL', () => {
  const keys = ['name', 'status', 'alerts'] as const;
  it('leaves the default order out and reads back any other', () => {
    expect(sortParam(DEFAULT_SORT)).toBeNull();
    expect(sortParam({ key: 'alerts', direction: 'asc' })).toBe('alerts.asc');
    expect(parseSort('alerts.asc', keys)).toEqual({ key: 'alerts', direction: 'asc' });
    expect(parseSort('status.asc', keys)).toEqual({ key: 'status', direction: 'asc' });
  });

  it.each([null, '', 'alerts', 'alerts.up', 'pages.desc', 'constructor.asc'])('falls back to the default for %j', (p) =>
    expect(parseSort(p, keys)).toEqual(DEFAULT_SORT));
});
