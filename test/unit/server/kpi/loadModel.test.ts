import { describe, it, expect } from 'vitest';
import {
  DEFAULT_LOAD_MODEL,
  opsBreakdown,
  opsHours,
  opsShare,
  type LoadModel,
  type LoadSignals,
  type OpsBreakdown,
} from '../../../../server/kpi/loadModel.js';

const none: LoadSignals = {
  businessPageHours: 0, offHoursPageHours: 0, sleepPageHours: 0, alerts: 0, failedDeploys: 0, toilHours: 0,
};
const nightHeavy: LoadModel = { ...DEFAULT_LOAD_MODEL, offHoursWeight: 1.5, sleepWeight: 3 };

describe('DEFAULT_LOAD_MODEL', () => {
  it('matches the documented defaults', () => {
    expect(DEFAULT_LOAD_MODEL).toEqual({
      businessWeight: 1, offHoursWeight: 1, sleepWeight: 1, minutesPerAlert: 5, hoursPerFailedDeploy: 2, maxHoursPerPage: 8,
    });
  });
});

describe('opsBreakdown', () => {
  it.each<[string, Partial<LoadSignals>, LoadModel, OpsBreakdown]>([
    ['no signals', {}, DEFAULT_LOAD_MODEL, { pages: 0, alerts: 0, failedDeploys: 0, toil: 0 }],
    ['page classes add up with weight 1', { businessPageHours: 2, offHoursPageHours: 3, sleepPageHours: 1 }, DEFAULT_LOAD_MODEL, { pages: 6, alerts: 0, failedDeploys: 0, toil: 0 }],
    ['weights multiply each class', { businessPageHours: 2, offHoursPageHours: 2, sleepPageHours: 1 }, nightHeavy, { pages: 2 + 3 + 3, alerts: 0, failedDeploys: 0, toil: 0 }],
    ['12 alerts × 5 min = 1 h', { alerts: 12 }, DEFAULT_LOAD_MODEL, { pages: 0, alerts: 1, failedDeploys: 0, toil: 0 }],
    ['3 failed deploys × 2 h', { failedDeploys: 3 }, DEFAULT_LOAD_MODEL, { pages: 0, alerts: 0, failedDeploys: 6, toil: 0 }],
    ['toil passes through', { toilHours: 7.5 }, DEFAULT_LOAD_MODEL, { pages: 0, alerts: 0, failedDeploys: 0, toil: 7.5 }],
  ])('%s', (_name, signals, model, expected) => {
    const b = opsBreakdown({ ...none, ...signals }, model);
    expect(b.pages).toBeCloseTo(expected.pages, 10);
    expect(b.alerts).toBeCloseTo(expected.alerts, 10);
    expect(b.failedDeploys).toBeCloseTo(expected.failedDeploys, 10);
    expect(b.toil).toBeCloseTo(expected.toil, 10);
  });
});

describe('opsHours', () => {
  it.each<[string, LoadSignals, LoadModel]>([
    ['everything zero', none, DEFAULT_LOAD_MODEL],
    ['mixed signals', { businessPageHours: 1.25, offHoursPageHours: 0.5, sleepPageHours: 2, alerts: 7, failedDeploys: 1, toilHours: 3.3 }, DEFAULT_LOAD_MODEL],
    ['mixed signals, weighted', { businessPageHours: 1.25, offHoursPageHours: 0.5, sleepPageHours: 2, alerts: 7, failedDeploys: 1, toilHours: 3.3 }, nightHeavy],
  ])('the breakdown always sums to the total: %s', (_name, s, m) => {
    const b = opsBreakdown(s, m);
    // Parts and total are published to 2 decimals: the parts add up to the total exactly in cents.
    expect(Math.round(opsHours(b) * 100)).toBe(Math.round(b.pages * 100) + Math.round(b.alerts * 100) + Math.round(b.failedDeploys * 100) + Math.round(b.toil * 100));
  });

  it('adds the four parts', () => {
    expect(opsHours({ pages: 6, alerts: 1, failedDeploys: 4, toil: 2.5 })).toBe(13.5);
  });
});

describe('opsShare', () => {
  it.each<[number, number, number | null]>([
    [20, 80, 0.25],
    [0, 80, 0],
    [100, 80, 1.25], // overload is reported, not capped
    [10, 0, null], // zero capacity → undefined share
    [0, 0, null],
    [10, -5, null],
    [10, Number.POSITIVE_INFINITY, null],
    [Number.NaN, 80, null],
  ])('opsShare(%s, %s) → %s', (ops, capacity, expected) => {
    expect(opsShare(ops, capacity)).toBe(expected);
  });
});
