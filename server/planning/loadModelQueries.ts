import type { Knex } from 'knex';
import { DEFAULT_LOAD_MODEL, type LoadModel } from '../kpi/loadModel';

const columns = {
  businessWeight: 'business_weight',
  offHoursWeight: 'off_hours_weight',
  sleepWeight: 'sleep_weight',
  minutesPerAlert: 'minutes_per_alert',
  hoursPerFailedDeploy: 'hours_per_failed_deploy',
  maxHoursPerPage: 'max_hours_per_page',
} as const satisfies Record<keyof LoadModel, string>;

const select = Object.entries(columns).map(([k, c]) => `${c} as ${k}`);

/** The team's own load model, else the org default, else the built-in defaults. */
export async function effectiveLoadModel(db: Knex, teamId: number | null): Promise<LoadModel & { team: boolean }> {
  const rows: (LoadModel & { team_id: number | null })[] = await db('load_models')
    .select(['team_id', ...select])
    .where((q) => (teamId === null ? q.whereNull('team_id') : q.where('team_id', teamId).orWhereNull('team_id')));
  const own = rows.find((r) => r.team_id === teamId && teamId !== null);
  const org = rows.find((r) => r.team_id === null);
  const chosen = own ?? org;
  if (!chosen) return { ...DEFAULT_LOAD_MODEL, team: false };
  const { team_id: _t, ...model } = chosen;
  return { ...model, team: Boolean(own) };
}

/** Inserts or replaces the load model of a team (or the org default when teamId is null). */
export async function saveLoadModel(db: Knex, teamId: number | null, m: LoadModel): Promise<void> {
  const row = { team_id: teamId, ...Object.fromEntries(Object.entries(columns).map(([k, c]) => [c, m[k as keyof LoadModel]])) };
  await db.raw(
    `INSERT INTO load_models (team_id, business_weight, off_hours_weight, sleep_weight, minutes_per_alert, hours_per_failed_deploy, max_hours_per_page)
     VALUES (:team_id, :business_weight, :off_hours_weight, :sleep_weight, :minutes_per_alert, :hours_per_failed_deploy, :max_hours_per_page)
     ON CONFLICT ((COALESCE(team_id, 0))) DO UPDATE SET
       business_weight = excluded.business_weight, off_hours_weight = excluded.off_hours_weight,
       sleep_weight = excluded.sleep_weight, minutes_per_alert = excluded.minutes_per_alert,
       hours_per_failed_deploy = excluded.hours_per_failed_deploy, max_hours_per_page = excluded.max_hours_per_page,
       updated_at = now()`,
    row,
  );
}
