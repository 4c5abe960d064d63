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

// 10 parameters a row; 2,000 rows stay well under PostgreSQL's 65,535 bind parameters.
const CHUNK = 2_000;

/** Upserts deploys by (source, external_id), with their day in the team's time zone. */
export async function writeDeploys(trx: Knex.Transaction, rows: DeployRow[]): Promise<{ inserted: number; updated: number }> {
  const clocks = await teamClocks(trx, rows.flatMap((r) => (r.team_id === null ? [] : [r.team_id])), true);
  const changed = VALUE_COLUMNS.map((c) => `deploy_events.${c} IS DISTINCT FROM excluded.${c}`).join(' OR ');
  const assign = Object.fromEntries([
    ...[...VALUE_COLUMNS, 'local_date'].map((c) => [c, trx.raw('??', [`excluded.${c}`])]),
    ['updated_at', trx.fn.now()],
  ]);
  let inserted = 0;
  let updated = 0;
  for (let i = 0; i < rows.length; i += CHUNK) {
    const chunk = rows.slice(i, i + CHUNK).map((r) => {
      const clock = r.team_id === null ? undefined : clocks.get(r.team_id);
      return { ...r, local_date: clock ? localDate(r.deployed_at, clock.timezone) : null };
    });
    const returned: { inserted: boolean }[] = await trx('deploy_events')
      .insert(chunk)
      .onConflict(['source', 'external_id'])
      .merge(assign)
      .where(trx.raw(changed))
      .returning(trx.raw('(xmax = 0) AS inserted') as unknown as string);
    for (const r of returned) r.inserted ? inserted++ : updated++;
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
