import type { TeamDocument } from './document';
import type { Status } from '../kpi/guardrails';
import { PRECISION, roundTo } from '../kpi/format';

/** KPIs compared between two snapshots (or a snapshot and now). */
export const COMPARED_KPIS = [
  'alerts', 'pages', 'pageHours', 'sleepPageHours', 'sleepInterruptions', 'deploys', 'failedDeploys',
  'changeFailureRate', 'toilHours', 'opsHours', 'capacityHours', 'opsShare',
] as const;

export interface KpiChange {
  kpi: string;
  before: number | null;
  after: number | null;
  /** after − before; null when either side is undefined (e.g. no deploys). */
  delta: number | null;
}

export interface TeamDiff {
  team: string;
  /** The team's name in the later document (or the earlier one when it is gone). */
  name: string;
  /** 'both', or the side the team is missing from. */
  presence: 'BOTH' | 'ONLY_BEFORE' | 'ONLY_AFTER';
  statusBefore: Status | null;
  statusAfter: Status | null;
  changes: KpiChange[];
}

/** Pure: which KPIs moved per team, and by how much. Equal values (within 1e-9) are not listed. */
export function diffTeams(before: TeamDocument[], after: TeamDocument[]): TeamDiff[] {
  const a = new Map(before.map((t) => [t.slug, t]));
  const b = new Map(after.map((t) => [t.slug, t]));
  const slugs = [...new Set([...a.keys(), ...b.keys()])].sort();
  return slugs.map((slug) => {
    const x = a.get(slug);
    const y = b.get(slug);
    const changes: KpiChange[] = [];
    for (const kpi of COMPARED_KPIS) {
      const before = x ? (x.kpis[kpi] as number | null) : null;
      const after = y ? (y.kpis[kpi] as number | null) : null;
      if (before === after || (before !== null && after !== null && Math.abs(before - after) <= 1e-9)) continue;
      // Rounded to the finest published precision: 7.45 − 7.3 is 0.15, not 0.15000000000000036.
      changes.push({ kpi, before, after, delta: before === null || after === null ? null : roundTo(after - before, PRECISION.share) });
    }
    return {
      team: slug,
      name: (y ?? x)!.name,
      presence: x && y ? 'BOTH' : x ? 'ONLY_BEFORE' : 'ONLY_AFTER',
      statusBefore: x?.kpis.status ?? null,
      statusAfter: y?.kpis.status ?? null,
      changes,
    };
  });
}
