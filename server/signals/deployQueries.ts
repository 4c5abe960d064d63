import type { Knex } from 'knex';
import { localDate, teamClocks } from './teamClocks';

export type DeployStatus = 'SUCCEEDED' | 'FAILED' | 'ROLLED_BACK';

/** A deploy event as written: team_id null while unrouted (routing_key then says where it came from). */
export interface DeployRow {
  source: string;
  external_id: string;
  team_id: number | null;
  routing_key: string | null;
  service: string;
  environment: string;
  deployed_at: Date;
  status: DeployStatus;
  lead_time_seconds: number | null;
}

/** The fields a sender controls: a re-sent deploy with all of them identical is "unchanged". */
const VALUE_COLUMNS = [
  'team_id', 'routing_key', 'service', 'environment', 'deployed_at', 'status', 'lead_time_seconds',
] as const;

// Rows a statement: the chunk travels as one JSON parameter (no bind-parameter limit), so a batch
// is one statement and one run of the team_day_signals trigger.
const CHUNK = 10_000;

const COLUMN_TYPES = `source text, external_id text, team_id integer, routing_key text, service text, environment text,
  deployed_at timestamptz, status text, lead_time_seconds double precision, local_date date`;

/** Upserts deploys by (source, external_id), with their day in the team's time zone. */
export async function writeDeploys(trx: Knex.Transaction, rows: DeployRow[]): Promise<{ inserted: number; updated: number }> {
  const clocks = await teamClocks(trx, rows.flatMap((r) => (r.team_id === null ? [] : [r.team_id])), true);
  const changed = VALUE_COLUMNS.map((c) => `deploy_events.${c} IS DISTINCT FROM excluded.${c}`).join(' OR ');
  const assign = [...VALUE_COLUMNS, 'local_date'].map((c) => `${c} = excluded.${c}`).join(', ');
  const columns = ['source', 'external_id', ...VALUE_COLUMNS, 'local_date'].join(', ');
  let inserted = 0;
  let updated = 0;
  for (let i = 0; i < rows.length; i += CHUNK) {
    const chunk = rows.slice(i, i + CHUNK).map((r) => {
      const clock = r.team_id === null ? undefined : clocks.get(r.team_id);
      return { ...r, local_date: clock ? localDate(r.deployed_at, clock.timezone) : null };
    });
    const { rows: returned } = await trx.raw(
      `INSERT INTO deploy_events (${columns})
       SELECT ${columns} FROM jsonb_to_recordset(?::jsonb) AS r(${COLUMN_TYPES})
       ON CONFLICT (source, external_id) DO UPDATE SET ${assign}, updated_at = now()
       WHERE ${changed}
       RETURNING (xmax = 0) AS inserted`,
      [JSON.stringify(chunk)],
    );
    for (const r of returned as { inserted: boolean }[]) {
      if (r.inserted) inserted++;
      else updated++;
    }
  }
  return { inserted, updated };
}

/** Recomputes the local day of deploys (all of a team's, or the given ids) from their team's zone. */
export async function relocateDeploys(trx: Knex.Transaction, where: { teamId: number } | { ids: number[] }): Promise<void> {
  const q = trx('deploy_events').select('id', 'team_id', 'deployed_at');
  const deploys: { id: number; team_id: number | null; deployed_at: Date }[] =
    'teamId' in where ? await q.where('team_id', where.teamId) : await q.whereIn('id', where.ids);
  if (deploys.length === 0) return;
  const clocks = await teamClocks(trx, deploys.flatMap((d) => (d.team_id === null ? [] : [d.team_id])));
  const dates = deploys.map((d) => {
    const clock = d.team_id === null ? undefined : clocks.get(d.team_id);
    return clock ? localDate(new Date(d.deployed_at), clock.timezone) : null;
  });
  await trx.raw(
    `UPDATE deploy_events e SET local_date = v.local_date
       FROM unnest(?::bigint[], ?::date[]) AS v(id, local_date)
      WHERE e.id = v.id`,
    [deploys.map((d) => d.id), dates as string[]],
  );
}
