import { describe, it, expect } from 'vitest';
import { teamKpiFigures } from '../../../../server/kpi/teamKpis';
import { DEFAULT_LOAD_MODEL } from '../../../../server/kpi/loadModel';
import { DEFAULT_GUARDRAILS } from '../../../../server/kpi/guardrails';

const zero = { alerts: 0, pages: 0, pageHours: 0, offHoursPageHours: 0, sleepPageHours: 0, sleepInterruptions: 0, deploys: 0, failedDeploys: 0, toilHours: 0 };
const base = { days: 14, capacityHours: 300, reservedOpsShare: 0.2, busiestResponderSleepInterruptions: null, model: DEFAULT_LOAD_MODEL, policy: DEFAULT_GUARDRAILS };

describe('teamKpiFigures', () => {
  it.each([
    ['all zero: no signal, no data', { ...zero }, 300, { opsHours: 0, opsShare: 0, status: 'NO_DATA', changeFailureRate: null, businessPageHours: 0 }],
    ['zero capacity: share undefined, ceiling rule OK', { ...zero, toilHours: 10 }, 0, { opsHours: 10, opsShare: null, status: 'OK' }],
    ['page hours split and weighted 1', { ...zero, pages: 2, pageHours: 6, offHoursPageHours: 1, sleepPageHours: 2 }, 300, { opsHours: 6, businessPageHours: 3, status: 'OK' }],
    ['alerts and failed deploys', { ...zero, alerts: 60, deploys: 10, failedDeploys: 1 }, 300, { opsHours: 7, changeFailureRate: 0.1, status: 'OK' }],
    ['over the ceiling', { ...zero, toilHours: 151 }, 300, { opsShare: 0.5033, status: 'BREACH' }],
    ['3 sleep interruptions in 14 days is 1.5 a week: under 80% of 2, OK', { ...zero, pages: 3, pageHours: 3, sleepPageHours: 3, sleepInterruptions: 3 }, 300, { status: 'OK' }],
    ['4 in 14 days is 2 a week: at the limit, WARN', { ...zero, pages: 4, pageHours: 4, sleepPageHours: 4, sleepInterruptions: 4 }, 300, { status: 'WARN' }],
    ['5 in 14 days is 2.5 a week: over, BREACH', { ...zero, pages: 5, pageHours: 5, sleepPageHours: 5, sleepInterruptions: 5 }, 300, { status: 'BREACH' }],
  ])('%s', (_name, sums, capacityHours, expected) => {
    const k = teamKpiFigures({ ...base, sums, capacityHours });
    expect(k).toMatchObject(expected);
    expect(k.opsBreakdown.pages + k.opsBreakdown.alerts + k.opsBreakdown.failedDeploys + k.opsBreakdown.toil).toBeCloseTo(k.opsHours, 12);
    expect(k.rules).toHaveLength(6);
  });

  it('weights sleep hours by the load model', () => {
    const k = teamKpiFigures({ ...base, model: { ...DEFAULT_LOAD_MODEL, sleepWeight: 2 }, sums: { ...zero, pages: 1, pageHours: 2, sleepPageHours: 2, sleepInterruptions: 1 } });
    expect(k.opsBreakdown.pages).toBe(4);
    expect(k.pageHours).toBe(2); // raw page hours stay raw; only ops hours are weighted
  });

  it('reports a reservation below the floor, signal or not', () => {
    const k = teamKpiFigures({ ...base, reservedOpsShare: 0.1, sums: zero });
    expect(k.rules.find((r) => r.rule === 'reserveFloor')!.status).toBe('BREACH');
    expect(k.status).toBe('BREACH');
  });
});
