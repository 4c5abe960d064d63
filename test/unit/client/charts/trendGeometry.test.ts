import { describe, expect, it } from 'vitest';
import { niceCeiling, trendGeometry } from '../../../../client/charts/trendGeometry';

describe('niceCeiling', () => {
  it.each([
    [0, 1],
    [-3, 1],
    [0.3, 0.5],
    [1, 1],
    [1.2, 2],
    [2.1, 2.5],
    [3, 5],
    [9.37, 10],
    [12, 20],
    [26, 50],
    [250, 250],
    [251, 500],
  ])('%d → %d', (v, want) => expect(niceCeiling(v)).toBe(want));
});

describe('trendGeometry', () => {
  // 100 × 60 with 10 px margins on every side: a plot of 80 × 40, 4 slots of 20 px.
  const box = { width: 100, height: 60, left: 10, right: 10, top: 10, bottom: 10 };

  it('scales bars to the left scale and the line to the right one, each from its own nice top', () => {
    const g = trendGeometry([0, 5, 10, 2.5], [4, 8, null, 2], box);
    expect(g.barMax).toBe(10);
    expect(g.lineMax).toBe(10);
    expect(g.baseline).toBe(50);
    // Bars are 60% of a 20 px slot (12 px), centred: slot 1 spans 30..50, so the bar 34..46.
    expect(g.bars[1]).toEqual({ x: 34, y: 30, width: 12, height: 20 });
    expect(g.bars[2]).toEqual({ x: 54, y: 10, width: 12, height: 40 });
    expect(g.bars[0].height).toBe(0);
    expect(g.dots).toEqual([{ x: 20, y: 34 }, { x: 40, y: 18 }, null, { x: 80, y: 42 }]);
  });

  it('breaks the line where a figure is missing rather than drawing it through zero', () => {
    const g = trendGeometry([1, 1, 1, 1], [4, 8, null, 2], box);
    expect(g.linePath).toBe('M20 34 L40 18 M80 42');
  });

  it('keeps an all-zero chart flat on its baseline with a scale of 1', () => {
    const g = trendGeometry([0, 0], [0, 0], box);
    expect(g.barMax).toBe(1);
    expect(g.bars.every((b) => b.height === 0 && b.y === 50)).toBe(true);
    expect(g.dots.every((d) => d?.y === 50)).toBe(true);
  });

  it('caps a bar at 28 px however wide the slot', () => {
    const g = trendGeometry([1], [1], { ...box, width: 1000 });
    expect(g.bars[0].width).toBe(28);
  });

  it('draws nothing for no points', () => {
    expect(trendGeometry([], [], box)).toMatchObject({ bars: [], dots: [], linePath: '' });
  });
});
