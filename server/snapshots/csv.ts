import type { Writable } from 'node:stream';
import { stringify } from 'csv-stringify';
import type { TeamDocument } from './document';

// CSV layout of exports: one row per team (kind=teams), or one row per sprint (kind=sprints).
// Numbers are written unformatted, dates ISO, so spreadsheets read them as numbers and dates.

export const TEAM_COLUMNS = [
  'team', 'name', 'from', 'to', 'days', 'alerts', 'pages', 'pageHours', 'businessPageHours', 'offHoursPageHours',
  'sleepPageHours', 'sleepInterruptions', 'deploys', 'failedDeploys', 'changeFailureRate', 'toilHours',
  'opsHours', 'opsHoursPages', 'opsHoursAlerts', 'opsHoursFailedDeploys', 'opsHoursToil', 'capacityHours',
  'opsShare', 'reservedOpsShare', 'status', 'guardrailVersion', 'projectedOpsShare', 'recommendedOpsShare',
  // Appended, so spreadsheets that read columns by position keep working.
  'group',
] as const;

export const SPRINT_COLUMNS = [
  'team', 'sprint', 'startDate', 'endDate', 'capacityHours', 'reservedOpsShare', 'opsHours', 'opsShare',
  'featureHours', 'underReserved', 'status', 'guardrailVersion', 'featurePointsPlanned', 'featurePointsCompleted', 'state',
] as const;

/**
 * kind=people (current figures only, asked for by name): one row per team and person who carried
 * its pages, as Team.responderLoad. Snapshots never hold them (README, "Who carries the pager").
 */
export const PEOPLE_COLUMNS = [
  'team', 'person', 'from', 'to', 'pages', 'pageHours', 'offHoursPageHours', 'sleepPageHours', 'sleepInterruptions',
] as const;

export type ExportKind = 'teams' | 'sprints';
export type Cell = string | number | boolean | null;

export function teamRow(t: TeamDocument): Cell[] {
  const k = t.kpis;
  return [
    t.slug, t.name, k.from, k.to, k.days, k.alerts, k.pages, k.pageHours, k.businessPageHours, k.offHoursPageHours,
    k.sleepPageHours, k.sleepInterruptions, k.deploys, k.failedDeploys, k.changeFailureRate, k.toilHours,
    k.opsHours, k.opsBreakdown.pages, k.opsBreakdown.alerts, k.opsBreakdown.failedDeploys, k.opsBreakdown.toil, k.capacityHours,
    k.opsShare, k.reservedOpsShare, k.status, t.guardrail.version, t.plan.projectedOpsShare, t.plan.recommendedOpsShare,
    // Documents frozen before groups existed name none.
    t.group ?? null,
  ];
}

export function sprintRows(t: TeamDocument): Cell[][] {
  return t.sprints.map((s) => [
    t.slug, s.name, s.startDate, s.endDate, s.capacityHours, s.reservedOpsShare, s.opsHours, s.opsShare,
    s.featureHours, s.underReserved, s.status, s.guardrailVersion, s.featurePointsPlanned, s.featurePointsCompleted,
    // Documents frozen before sprints had states judged every sprint as finished.
    s.state ?? 'FINISHED',
  ]);
}

export function rowsOf(kind: ExportKind, t: TeamDocument): Cell[][] {
  return kind === 'teams' ? [teamRow(t)] : sprintRows(t);
}

export const columnsOf = (kind: ExportKind): readonly string[] => (kind === 'teams' ? TEAM_COLUMNS : SPRINT_COLUMNS);

/**
 * OWASP CSV injection: a text cell starting with = + - @ tab or carriage return could run as a
 * formula in a spreadsheet, so it is prefixed with a single quote. Numbers we write are left alone.
 */
export function neutralise(cell: Cell): Cell {
  return typeof cell === 'string' && /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

/**
 * Writes CSV rows as they come, honouring back-pressure, with a UTF-8 BOM for spreadsheet
 * programs. Leaves `out` open: the caller ends it (a response, a file, or stdout which never ends).
 */
export async function writeCsv(out: Writable, kind: ExportKind, batches: AsyncIterable<TeamDocument[]>): Promise<void> {
  async function* rows() {
    for await (const teams of batches) yield teams.flatMap((t) => rowsOf(kind, t));
  }
  await writeRows(out, columnsOf(kind), rows());
}

/** The same for rows already laid out under `columns` (the people export). */
export async function writeRows(out: Writable, columns: readonly string[], batches: AsyncIterable<Cell[][]>): Promise<void> {
  const csv = stringify({ header: true, columns: [...columns], bom: true, record_delimiter: 'windows', cast: { boolean: (b) => String(b) } });
  csv.pipe(out, { end: false });
  for await (const rows of batches) {
    for (const row of rows) {
      if (!csv.write(row.map(neutralise))) await new Promise((r) => csv.once('drain', r));
    }
  }
  await new Promise<void>((resolve) => {
    csv.once('end', resolve);
    csv.end();
  });
}
