import { describe, it, expect } from 'vitest';
import { withDemoResponders } from '../../../../server/demo/seed';

const pages = (n: number) => Array.from({ length: n }, (_, i) => ({ externalId: `p${i}` }));

describe('withDemoResponders', () => {
  it('names one or two of the team’s first five people on every page, the first far more often: an uneven spread', () => {
    const named = withDemoResponders(pages(600), 0, 7, 3000);
    expect(named.every((p) => p.responders.length === 1 || (p.responders.length === 2 && p.responders[0] !== p.responders[1]))).toBe(true);
    const counts = new Map<string, number>();
    for (const p of named) for (const r of p.responders) counts.set(r, (counts.get(r) ?? 0) + 1);
    const sorted = [...counts.entries()].sort((a, b) => b[1] - a[1]);
    expect(sorted.map(([person]) => person)).toHaveLength(5);
    expect(sorted[0][0]).toBe('Ana'); // weight 5 of 12
    const total = sorted.reduce((s, [, n]) => s + n, 0);
    expect(sorted[0][1] / total).toBeGreaterThan(0.3);
    expect(sorted[4][1] / total).toBeLessThan(0.15);
    const escalated = named.filter((p) => p.responders.length === 2).length / named.length;
    expect(escalated).toBeGreaterThan(0.1);
    expect(escalated).toBeLessThan(0.25);
  });

  it('is deterministic, keeps the pages as they were, and fits small teams', () => {
    expect(withDemoResponders(pages(20), 2, 6, 3002)).toEqual(withDemoResponders(pages(20), 2, 6, 3002));
    expect(withDemoResponders(pages(3), 0, 4, 1).map((p) => p.externalId)).toEqual(['p0', 'p1', 'p2']);
    const solo = withDemoResponders(pages(10), 1, 1, 7);
    expect(new Set(solo.flatMap((p) => p.responders))).toEqual(new Set(['Chloé']));
  });
});
