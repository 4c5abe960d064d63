import { COLORS } from './series';

/** Shared axis and grid styling, so every chart reads the same. */
export const tick = { fontSize: 12, fill: COLORS.axis };

export const xAxisProps = {
  dataKey: 'label',
  tick,
  tickLine: false,
  axisLine: { stroke: COLORS.grid },
  minTickGap: 16,
  interval: 'preserveStartEnd' as const,
};

export const yAxisProps = {
  tick,
  tickLine: false,
  axisLine: false,
  width: 40,
};

export const gridProps = { vertical: false, stroke: COLORS.grid };

export const cursor = { fill: 'rgba(15, 23, 42, 0.06)' };

export const margin = { top: 8, right: 8, bottom: 0, left: 0 };
