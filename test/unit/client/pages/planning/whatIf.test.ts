import { describe, expect, it } from 'vitest';
import type { SprintPlan } from '../../../../../client/pages/planning/operations';
import { defaultSprintName, hasErrors, initialWhatIf, isWhatIf, parseWhatIf, sprintFromPlan } from '../../../../../client/pages/planning/whatIf';

const base = initialWhatIf(5);

describe('parseWhatIf', () => {
  it('sends nothing for the team as it is', () => {
    const p = parseWhatIf(base, 5);
    expect(p.vars).toEqual({ members: null, daysOff: null, capacityHours: null, reservedOpsShare: null });
    expect(isWhatIf(p.vars)).toBe(false);
    expect(hasErrors(p)).toBe(false);
  });

  it('sends what changed, shares as 0..1', () => {
    const p = parseWhatIf({ members: '4', daysOff: '2.5', capacity: '', share: '30' }, 5);
    expect(p.vars).toEqual({ members: 4, daysOff: 2.5, capacityHours: null, reservedOpsShare: 0.3 });
    expect(parseWhatIf({ ...base, capacity: '200' }, 5).vars.capacityHours).toBe(200);
    expect(parseWhatIf({ ...base, share: '0' }, 5).vars.reservedOpsShare).toBe(0);
  });

  it('reads an empty head count as the team’s own, also for a team without one', () => {
    expect(parseWhatIf({ ...base, members: '' }, 5).vars.members).toBeNull();
    expect(initialWhatIf(null).members).toBe('');
    expect(parseWhatIf(initialWhatIf(null), null).vars.members).toBeNull();
  });

  it.each([
    [{ members: '4.5' }, 'members'],
    [{ members: '-1' }, 'members'],
    [{ members: 'four' }, 'members'],
    [{ daysOff: '-2' }, 'daysOff'],
    [{ capacity: 'lots' }, 'capacity'],
    [{ share: '101' }, 'share'],
    [{ share: '17' }, 'share'],
    [{ share: '-5' }, 'share'],
  ])('refuses %j, naming the field, and does not send it', (change, field) => {
    const p = parseWhatIf({ ...base, ...change }, 5);
    expect(Object.keys(p.errors)).toEqual([field]);
    expect(Object.values(p.vars).every((v) => v === null)).toBe(true);
  });
});

const plan: SprintPlan = {
  startDate: '2026-11-23', endDate: '2026-12-06', capacityHours: 228, projectedOpsShare: 0.2429,
  recommendedOpsShare: 0.25, recommendationBasis: 'PROJECTION', reservedOpsShare: 0.3, reservedOpsHours: 68.4, featureHours: 159.6,
  status: 'OK', rules: [], explanation: [], basedOn: [], guardrailVersion: 0, odds: null, trackRecord: null,
};

describe('sprintFromPlan', () => {
  it('writes the plan’s dates and reserved share; capacity only when it was changed', () => {
    expect(sprintFromPlan('payments', ' Sprint 44 ', plan, { members: null, daysOff: null, capacityHours: null, reservedOpsShare: 0.3 })).toEqual({
      team: 'payments', name: 'Sprint 44', startDate: '2026-11-23', endDate: '2026-12-06', reservedOpsShare: 0.3,
    });
  });

  it('records another head count as the sprint’s members, keeps an override’s capacity, and the days off', () => {
    const withMembers = sprintFromPlan('payments', 'S', plan, { members: 4, daysOff: 2, capacityHours: null, reservedOpsShare: null });
    expect(withMembers).toMatchObject({ members: 4, daysOff: 2 });
    expect(withMembers).not.toHaveProperty('capacityHours');
    expect(sprintFromPlan('payments', 'S', plan, { members: null, daysOff: null, capacityHours: 228, reservedOpsShare: null })).toMatchObject({ capacityHours: 228 });
    expect(sprintFromPlan('payments', 'S', plan, { members: null, daysOff: 2, capacityHours: null, reservedOpsShare: null })).not.toHaveProperty('capacityHours');
  });

  it('names a sprint by its start when the team has no numbered sprint', () => {
    expect(defaultSprintName('2026-11-23')).toBe('Sprint starting 2026-11-23');
    expect(defaultSprintName('2026-11-23', 'Autumn')).toBe('Sprint starting 2026-11-23');
  });

  it('follows the team’s own naming, counting the last number up and keeping its padding', () => {
    expect(defaultSprintName('2026-11-23', 'Sprint 40')).toBe('Sprint 41');
    expect(defaultSprintName('2026-11-23', 'PAY-09')).toBe('PAY-10');
    expect(defaultSprintName('2026-11-23', 'S99')).toBe('S100');
    expect(defaultSprintName('2026-11-23', '2026.3 sprint 7 ')).toBe('2026.3 sprint 8');
  });
});
