import { describe, it, expect } from 'vitest';
import { details, escapeMrkdwn, slackBody, summary, webhookBody } from '../../../../server/notifications/messages';
import { digestOf, previousWeek } from '../../../../server/notifications/detection';
import { isNewAlarm } from '../../../../server/notifications/events';
import type { DigestTeam, TeamStatusPayload } from '../../../../server/notifications/events';
import { totalsOf, type TeamFigures } from '../../../../server/kpi/groupTotals';

const status: TeamStatusPayload = {
  team: { slug: 'payments', name: 'Payments <core>' },
  status: 'BREACH',
  previousStatus: 'WARN',
  range: { from: '2026-11-04', to: '2026-12-01' },
  opsShare: 0.5625,
  rules: [{ rule: 'opsCeiling', status: 'BREACH', value: 0.5625, limit: 0.5, message: 'Ops took 56.3% of capacity; the ceiling is 50%.' }],
};

const WEEK = { week: '2026-W48', from: '2026-11-23', to: '2026-11-29' };
const DATA = { id: '7', name: 'Data', path: 'Infrastructure / Data' };

describe('notification messages', () => {
  it.each([
    ['team.status', status, 'Payments <core> is now BREACH (was WARN)'],
    ['team.status', { ...status, status: 'WARN', previousStatus: null }, 'Payments <core> is now WARN'],
    [
      'sprint.under_reserved',
      { team: { slug: 'a', name: 'Alpha' }, sprint: { name: 'S7', startDate: '2026-11-16', endDate: '2026-11-29' }, reservedOpsShare: 0.2, opsShare: 0.3125, opsHours: 37.5, capacityHours: 120 },
      'Alpha: sprint S7 ended under-reserved (ops took 31.3%, 20% was reserved)',
    ],
    ['digest.weekly', digestOf(WEEK, [], totalsOf([])), 'Weekly ops digest 2026-W48: 0 in breach, 0 warning, 0 OK, 0 without data'],
    ['digest.weekly', digestOf(WEEK, [], totalsOf([]), DATA), 'Weekly ops digest 2026-W48 for Infrastructure / Data: 0 in breach, 0 warning, 0 OK, 0 without data'],
    ['test', { message: 'Test notification from Headroom to "ops"', requestedBy: 'admin' }, 'Test notification from Headroom to "ops"'],
  ] as const)('%s: %s', (event, payload, expected) => {
    expect(summary(event, payload as never)).toBe(expected);
  });

  it('lists the failing rules under a status change', () => {
    expect(details('team.status', status)).toEqual(['Last 28 days (2026-11-04 to 2026-12-01), ops share 56.3%.', 'BREACH: Ops took 56.3% of capacity; the ceiling is 50%.']);
  });

  it("escapes Slack's markup characters in the blocks, and keeps the plain summary as text", () => {
    const body = slackBody('team.status', status);
    expect(body.text).toBe('Payments <core> is now BREACH (was WARN)');
    expect(body.blocks[0]).toEqual({ type: 'section', text: { type: 'mrkdwn', text: '*Payments &lt;core&gt; is now BREACH (was WARN)*' } });
    expect(escapeMrkdwn('a & b <c>')).toBe('a &amp; b &lt;c&gt;');
  });

  it('gives the generic webhook the structured payload with its id, event and summary', () => {
    expect(webhookBody({ id: 42, event: 'team.status', createdAt: new Date('2026-12-01T09:00:00Z'), payload: status })).toEqual({
      id: '42', event: 'team.status', createdAt: '2026-12-01T09:00:00.000Z', summary: 'Payments <core> is now BREACH (was WARN)', data: status,
    });
  });
});

describe('weekly digest', () => {
  const t = (slug: string, s: DigestTeam['status'], opsShare: number | null, opsHours: number): DigestTeam => ({ slug, name: slug.toUpperCase(), status: s, opsShare, opsHours });

  it('orders teams worst first then by ops share, counts statuses, and keeps the five highest loads', () => {
    const teams = [t('a', 'OK', 0.1, 4), t('b', 'BREACH', 0.7, 30), t('c', 'WARN', 0.45, 20), t('d', 'NO_DATA', null, 0), t('e', 'BREACH', 0.9, 40), t('f', 'OK', 0.3, 9), t('g', 'OK', 0.2, 8)];
    const d = digestOf(WEEK, teams, totalsOf([]));
    expect(d.teams.map((x) => x.slug)).toEqual(['e', 'b', 'c', 'd', 'f', 'g', 'a']);
    expect(d.counts).toEqual({ OK: 3, WARN: 1, BREACH: 2, NO_DATA: 1 });
    expect(d.topLoads.map((x) => x.slug)).toEqual(['e', 'b', 'c', 'f', 'g']);
    expect(d.group).toBeUndefined();
  });

  const figures = (opsHours: number, capacityHours: number, pages: number, sleepInterruptions: number, s: TeamFigures['status']): TeamFigures => ({
    alerts: 0, pages, pageHours: 0, businessPageHours: 0, offHoursPageHours: 0, sleepPageHours: 0, sleepInterruptions, deploys: 0, failedDeploys: 0, toilHours: opsHours,
    opsBreakdown: { pages: 0, alerts: 0, failedDeploys: 0, toil: opsHours }, opsHours, capacityHours, status: s,
  });

  it.each([
    ['two teams with capacity', [figures(30, 100, 3, 1, 'WARN'), figures(10, 100, 1, 0, 'OK')], '2 teams, worst status WARN: 40 h of ops (20% of capacity), 4 pages, 1 sleep interruption.'],
    ['one team without capacity', [figures(12.5, 0, 1, 2, 'BREACH')], '1 team, worst status BREACH: 12.5 h of ops (no capacity known), 1 page, 2 sleep interruptions.'],
    ['no team', [], 'No teams.'],
  ])('states the totals of %s under the dates', (_name, teams, line) => {
    const d = digestOf(WEEK, [], totalsOf(teams), DATA);
    expect(d.group).toEqual(DATA);
    expect(details('digest.weekly', d)).toEqual(['2026-11-23 to 2026-11-29.', line, 'No team had ops load this week.']);
  });

  it.each([
    ['a Monday morning', '2026-11-30T00:30:00Z', { week: '2026-W48', from: '2026-11-23', to: '2026-11-29' }],
    ['a Sunday night', '2026-11-29T23:59:00Z', { week: '2026-W47', from: '2026-11-16', to: '2026-11-22' }],
    ['across the new year', '2027-01-05T12:00:00Z', { week: '2026-W53', from: '2026-12-28', to: '2027-01-03' }],
  ])('covers the ISO week before %s', (_name, now, expected) => {
    expect(previousWeek(new Date(now))).toEqual(expected);
  });
});

describe('status alarms', () => {
  it.each([
    [null, 'WARN', true],
    [null, 'BREACH', true],
    [null, 'OK', false],
    [null, 'NO_DATA', false],
    ['OK', 'WARN', true],
    ['NO_DATA', 'BREACH', true],
    ['WARN', 'BREACH', true],
    ['WARN', 'WARN', false],
    ['BREACH', 'BREACH', false],
    ['BREACH', 'WARN', false],
    ['WARN', 'OK', false],
  ] as const)('%s → %s: %s', (previous, current, alarm) => {
    expect(isNewAlarm(previous, current)).toBe(alarm);
  });
});
