import type { Knex } from 'knex';
import { DEFAULT_LOAD_MODEL, type LoadModel } from '../kpi/loadModel';
import { idArray } from '../db/arrays';

const columns = {
  businessWeight: 'business_weight',
  offHoursWeight: 'off_hours_weight',
  sleepWeight: 'sleep_weight',
  minutesPerAlert: 'minutes_per_alert',
  hoursPerFailedDeploy: 'hours_per_failed_deploy',
  maxHoursPerPage: 'max_hours_per_page',
} as const satisfies Record<keyof LoadModel, string>;

const select = Object.entries(columns).map(([k, c]) => `${c} as ${k}`);

/** The team's own load model, else the org default (teamId null), else the built-in defaults. */
export async function effectiveLoadModel(db: Knex, teamId: number | null): Promise<LoadModel> {
  if (teamId === null) return orgLoadModel(db);
  return (await effectiveLoadModels(db, [teamId])).get(teamId)!;
}

/** The team's own load model; null when it follows the org default. */
export async function ownLoadModel(db: Knex, teamId: number): Promise<LoadModel | null> {
  return (await db('load_models').select(select).where('team_id', teamId).first()) ?? null;
}

async function orgLoadModel(db: Knex): Promise<LoadModel> {
  const row = await db('load_models').select(select).whereNull('team_id').first();
  return row ?? DEFAULT_LOAD_MODEL;
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

/** Effective load model per team in one query (the overview must not ask once per team). */
export async function effectiveLoadModels(db: Knex, teamIds: readonly number[]): Promise<Map<number, LoadModel>> {
  const rows: (LoadModel & { team_id: number | null })[] = await db('load_models')
    .select(['team_id', ...select])
    .whereNull('team_id')
    .orWhereRaw('team_id = ANY(?::int[])', [idArray(teamIds)]);
  const strip = ({ team_id: _t, ...m }: LoadModel & { team_id: number | null }): LoadModel => m;
  const orgRow = rows.find((r) => r.team_id === null);
  const org = orgRow ? strip(orgRow) : DEFAULT_LOAD_MODEL;
  const own = new Map(rows.filter((r) => r.team_id !== null).map((r) => [r.team_id!, strip(r)]));
  return new Map(teamIds.map((id) => [id, own.get(id) ?? org]));
}
