import { describe, it, expect } from 'vitest';
import { totalsOf, type TeamFigures } from '../../../../server/kpi/groupTotals.js';
import type { Status } from '../../../../server/kpi/guardrails.js';

/** A team's figures: zeros but for what a case sets; opsHours is its toil (the breakdown agrees). */
function team(over: Partial<TeamFigures> & { status?: Status } = {}): TeamFigures {
  const toil = over.toilHours ?? 0;
  return {
    alerts: 0, pages: 0, pageHours: 0, businessPageHours: 0, offHoursPageHours: 0, sleepPageHours: 0, sleepInterruptions: 0,
    deploys: 0, failedDeploys: 0, toilHours: toil, opsBreakdown: { pages: 0, alerts: 0, failedDeploys: 0, toil }, opsHours: toil,
    capacityHours: 0, status: 'OK', ...over,
  };
}

describe('totalsOf', () => {
  const cases: { name: string; teams: TeamFigures[]; want: Partial<ReturnType<typeof totalsOf>> }[] = [
    { name: 'no team: zeros, undefined shares, NO_DATA', teams: [], want: { teams: 0, opsHours: 0, capacityHours: 0, opsShare: null, changeFailureRate: null, status: 'NO_DATA' } },
    { name: 'one team: its own figures', teams: [team({ toilHours: 12, capacityHours: 120, deploys: 10, failedDeploys: 1 })], want: { teams: 1, opsHours: 12, opsShare: 0.1, changeFailureRate: 0.1 } },
    {
      // The mean of 10% and 25% would be 17.5%: the big team weighs more.
      name: 'shares from summed hours, never averaged',
      teams: [team({ toilHours: 12, capacityHours: 120 }), team({ toilHours: 60, capacityHours: 240 })],
      want: { opsHours: 72, capacityHours: 360, opsShare: 0.2 },
    },
    {
      // The mean of 10% and 50% would be 30%.
      name: 'change failure rate from summed deploys',
      teams: [team({ deploys: 10, failedDeploys: 1 }), team({ deploys: 2, failedDeploys: 1 })],
      want: { deploys: 12, failedDeploys: 2, changeFailureRate: 0.1667 },
    },
    {
      name: 'a team without capacity adds hours, not share',
      teams: [team({ toilHours: 30, capacityHours: 120 }), team({ toilHours: 50 })],
      want: { opsHours: 80, opsHoursWithCapacity: 30, capacityHours: 120, opsShare: 0.25 },
    },
    { name: 'no capacity at all: share undefined', teams: [team({ toilHours: 5 })], want: { opsHours: 5, opsShare: null } },
    { name: 'no deploys: rate undefined, not 0', teams: [team({ deploys: 0 })], want: { changeFailureRate: null } },
    {
      name: 'float noise of sums is stripped',
      teams: [team({ toilHours: 0.1, capacityHours: 0.1 }), team({ toilHours: 0.2, capacityHours: 0.2 })],
      want: { toilHours: 0.3, opsHours: 0.3, capacityHours: 0.3, opsShare: 1, opsBreakdown: { pages: 0, alerts: 0, failedDeploys: 0, toil: 0.3 } },
    },
    {
      name: 'counts and hour classes add up',
      teams: [team({ alerts: 3, pages: 2, pageHours: 1.5, sleepPageHours: 1, offHoursPageHours: 0.25, businessPageHours: 0.25, sleepInterruptions: 1 }), team({ alerts: 4, pages: 1, pageHours: 2, businessPageHours: 2 })],
      want: { alerts: 7, pages: 3, pageHours: 3.5, businessPageHours: 2.25, offHoursPageHours: 0.25, sleepPageHours: 1, sleepInterruptions: 1 },
    },
    { name: 'worst status: BREACH over WARN', teams: [team({ status: 'WARN' }), team({ status: 'BREACH' }), team()], want: { status: 'BREACH' } },
    { name: 'worst status: WARN over NO_DATA', teams: [team({ status: 'NO_DATA' }), team({ status: 'WARN' })], want: { status: 'WARN' } },
    { name: 'worst status: NO_DATA over OK', teams: [team({ status: 'OK' }), team({ status: 'NO_DATA' })], want: { status: 'NO_DATA' } },
    { name: 'all OK is OK', teams: [team(), team()], want: { status: 'OK', teams: 2 } },
  ];
  it.each(cases)('$name', ({ teams, want }) => {
    expect(totalsOf(teams)).toMatchObject(want);
  });
});
