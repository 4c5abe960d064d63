import { describe, expect, it } from 'vitest';
import { perPerson, planText, pointsThatFit, velocity } from '../../../../../client/pages/planning/planText';

const plan = { startDate: '2026-12-01', endDate: '2026-12-14', capacityHours: 228, reservedOpsHours: 57, reservedOpsShare: 0.25, featureHours: 171, guardrailVersion: 3 };
const finished = (featureHours: number, points: number | null) => ({ state: 'FINISHED', synthetic: false, featureHours, featurePointsCompleted: points });

describe('planText', () => {
  it('writes sprint, dates, capacity with people and days off, ops hours and share, feature hours with points, per person and the guardrail version', () => {
    expect(planText({ name: 'Sprint 41', plan, members: 4, daysOff: 2, points: 34 })).toBe(
      [
        'Sprint 41: 2026-12-01 – 2026-12-14',
        'Capacity: 228.0 h (4 people, 2 person-days off)',
        'Reserved for ops: 57.0 h (25%)',
        'Feature hours: 171.0 h (about 34 points at recent velocity)',
        'Per person: 14.3 h ops, 42.8 h features',
        'Guardrail version 3 (Headroom)',
      ].join('\n'),
    );
  });

  it('leaves out points, people and per person when the team records none of them', () => {
    expect(planText({ name: 'S', plan, members: null, daysOff: 0, points: null })).toBe(
      ['S: 2026-12-01 – 2026-12-14', 'Capacity: 228.0 h', 'Reserved for ops: 57.0 h (25%)', 'Feature hours: 171.0 h', 'Guardrail version 3 (Headroom)'].join('\n'),
    );
  });
});

describe('per person and points', () => {
  it('splits the hours per person, and none for a team of nobody', () => {
    expect(perPerson(plan, 3)).toEqual({ opsHours: 19, featureHours: 57 });
    expect(perPerson(plan, 0)).toBeNull();
  });

  it('reads velocity from the last finished sprints that record points, newest first', () => {
    const sprints = [
      { state: 'IN_PROGRESS', synthetic: false, featureHours: 50, featurePointsCompleted: 99 },
      finished(100, 20),
      finished(200, null),
      finished(100, 30),
      finished(100, 1000),
    ];
    // Looking back on 2: (20 + 30) points / (100 + 100) h = 0.25 points an hour.
    expect(velocity(sprints, 2)).toBe(0.25);
    expect(pointsThatFit(171, 0.25)).toBe(42);
    expect(velocity([finished(100, null)], 3)).toBeNull();
    expect(velocity([finished(0, 5)], 3)).toBeNull();
    expect(pointsThatFit(171, null)).toBeNull();
  });
});
