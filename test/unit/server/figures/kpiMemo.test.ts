import { describe, it, expect } from 'vitest';
import { createKpiStore, type FigureVersions } from '../../../../server/figures/kpiMemo';
import type { TeamKpisParent } from '../../../../server/figures/kpiParent';
import type { TeamRow } from '../../../../server/teams/queries';

const versions = (org: number, teams: Record<number, number> = {}): FigureVersions => ({
  org: String(org),
  ofTeam: (id) => `${org}.${teams[id] ?? 0}`,
});
const range = { from: '2026-04-01', to: '2026-04-14' };
const figures = (n: number) => ({ alerts: n }) as unknown as TeamKpisParent;
const team = (slug: string) => ({ id: slug.length, slug }) as unknown as TeamRow;

describe('figures and team lists kept per data version', () => {
  it('computes a team’s figures once per version of it, and again when its version moves', async () => {
    const store = createKpiStore({ maxAgeMs: 30_000 });
    let computed = 0;
    const compute = async () => figures(++computed);
    expect(await store.at(versions(1, { 7: 1 })).figures(7, range, compute)).toEqual({ alerts: 1 });
    // Computed figures come back as a value (no promise): GraphQL completes the row at once.
    expect(store.at(versions(1, { 7: 1, 8: 5 })).figures(7, range, compute)).toEqual({ alerts: 1 });
    expect(await store.at(versions(1, { 7: 2 })).figures(7, range, compute)).toEqual({ alerts: 2 });
    expect(await store.at(versions(2, { 7: 2 })).figures(7, range, compute)).toEqual({ alerts: 3 });
  });

  it('lists the teams once per org-wide version, and forgets a failed listing', async () => {
    const store = createKpiStore({ maxAgeMs: 30_000 });
    let listed = 0;
    const load = async () => [team(`t${++listed}`)];
    expect(await store.at(versions(1)).teams(load)).toEqual([team('t1')]);
    expect(await store.at(versions(1, { 3: 9 })).teams(load)).toEqual([team('t1')]);
    expect(await store.at(versions(2)).teams(load)).toEqual([team('t2')]);
    const failing = () => Promise.reject(new Error('database down'));
    await expect(store.at(versions(3)).teams(failing)).rejects.toThrow('database down');
    expect(await store.at(versions(3)).teams(load)).toEqual([team('t3')]);
  });

  it('shares one computation between concurrent requests, and forgets a failed one', async () => {
    const store = createKpiStore({ maxAgeMs: 30_000 });
    let computed = 0;
    const slow = () => new Promise<TeamKpisParent>((resolve) => setTimeout(() => resolve(figures(++computed)), 10));
    const [a, b] = await Promise.all([store.at(versions(1)).figures(1, range, slow), store.at(versions(1)).figures(1, range, slow)]);
    expect([a, b, computed]).toEqual([{ alerts: 1 }, { alerts: 1 }, 1]);
    await expect(store.at(versions(5)).figures(1, range, () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await store.at(versions(5)).figures(1, range, slow)).toEqual({ alerts: 2 });
  });
});
