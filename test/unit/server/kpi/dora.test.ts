import { describe, it, expect } from 'vitest';
import {
  DORA_REPORT_YEAR,
  changeFailureRate,
  deploymentFrequency,
  leadTime,
  median,
  timeToResolve,
  type DoraBand,
} from '../../../../server/kpi/dora.js';

const HOUR = 3600;
const DAY = 24 * HOUR;
const WEEK = 7 * DAY;
const MONTH = 30 * DAY;

it('cites the 2023 report', () => {
  expect(DORA_REPORT_YEAR).toBe(2023);
});

describe('deploymentFrequency', () => {
  it.each<[number, number, number | null, DoraBand | null]>([
    [28, 14, 2, 'ELITE'], // multiple per day
    [14, 14, 1, 'ELITE'], // exactly once per day
    [13, 14, 13 / 14, 'HIGH'],
    [2, 14, 1 / 7, 'HIGH'], // exactly once per week
    [1, 14, 1 / 14, 'MEDIUM'],
    [1, 30, 1 / 30, 'MEDIUM'], // exactly once per month
    [1, 31, 1 / 31, 'LOW'],
    [0, 14, 0, 'LOW'],
    [5, 0, null, null], // zero-day range: no frequency
    [5, -3, null, null],
  ])('deploymentFrequency(%s, %s days)', (deploys, days, value, band) => {
    const m = deploymentFrequency(deploys, days);
    expect(m.unit).toBe('deploys/day');
    if (value === null) expect(m.value).toBeNull();
    else expect(m.value).toBe(Math.round(value * 1e4) / 1e4); // published to 4 decimals
    expect(m.band).toBe(band);
  });
});

describe('changeFailureRate', () => {
  it.each<[number, number, number | null, DoraBand | null]>([
    [100, 0, 0, 'ELITE'],
    [100, 5, 0.05, 'ELITE'],
    [100, 6, 0.06, 'HIGH'],
    [10, 1, 0.1, 'HIGH'],
    [100, 15, 0.15, 'MEDIUM'],
    [100, 16, 0.16, 'LOW'],
    [4, 4, 1, 'LOW'],
    [0, 0, null, null], // no deploys: no rate, and certainly not ELITE
  ])('changeFailureRate(%s deploys, %s failed)', (deploys, failed, value, band) => {
    const m = changeFailureRate(deploys, failed);
    expect(m.unit).toBe('ratio');
    if (value === null) expect(m.value).toBeNull();
    else expect(m.value).toBeCloseTo(value, 12);
    expect(m.band).toBe(band);
  });
});

describe('leadTime', () => {
  it.each<[number | null, DoraBand | null]>([
    [null, null],
    [0, 'ELITE'],
    [DAY - 1, 'ELITE'],
    [DAY, 'HIGH'], // "less than one day" excludes exactly one day
    [WEEK - 1, 'HIGH'],
    [WEEK, 'MEDIUM'],
    [MONTH - 1, 'MEDIUM'],
    [MONTH, 'LOW'],
    [365 * DAY, 'LOW'],
  ])('leadTime(%s s) → %s', (seconds, band) => {
    const m = leadTime(seconds);
    expect(m).toEqual({ value: seconds, unit: 'seconds', band });
  });
});

describe('timeToResolve', () => {
  it.each<[number | null, DoraBand | null]>([
    [null, null],
    [0, 'ELITE'],
    [HOUR - 1, 'ELITE'],
    [HOUR, 'HIGH'],
    [DAY - 1, 'HIGH'],
    [DAY, 'MEDIUM'],
    [WEEK - 1, 'MEDIUM'],
    [WEEK, 'LOW'],
    [MONTH * 2, 'LOW'],
  ])('timeToResolve(%s s) → %s', (seconds, band) => {
    const m = timeToResolve(seconds);
    expect(m).toEqual({ value: seconds, unit: 'seconds', band });
  });
});

describe('median', () => {
  it.each<[number[], number | null]>([
    [[], null],
    [[5], 5],
    [[3, 1, 2], 2],
    [[4, 1, 3, 2], 2.5], // even count → mean of the two middle values
    [[10, 10], 10],
    [[100, 1, 1, 1], 1],
    [[-2, 2], 0],
  ])('median(%j) → %s', (values, expected) => {
    expect(median(values)).toBe(expected);
  });

  it('does not mutate its input', () => {
    const xs = [3, 1, 2];
    median(xs);
    expect(xs).toEqual([3, 1, 2]);
  });
});
