import type { Knex } from 'knex';
import type { LoadModel } from '../kpi/loadModel';

/** One recorded load model change: the values it set, its scope (team slug, null: org default), who, when, why. */
export interface LoadModelChange extends LoadModel {
  team: string | null;
  reason: string | null;
  changedBy: string;
  changedAt: Date;
}

const select = [
  't.slug as team', 'c.reason', 'c.changed_by as changedBy', 'c.changed_at as changedAt',
  'c.business_weight as businessWeight', 'c.off_hours_weight as offHoursWeight', 'c.sleep_weight as sleepWeight',
  'c.minutes_per_alert as minutesPerAlert', 'c.hours_per_failed_deploy as hoursPerFailedDeploy', 'c.max_hours_per_page as maxHoursPerPage',
];

/** Every change of a team's (or, for null, the org's) load model, newest first. */
export function loadModelChanges(db: Knex, teamId: number | null): Promise<LoadModelChange[]> {
  const q = db('load_model_changes as c').leftJoin('teams as t', 't.id', 'c.team_id').select(select).orderBy('c.id', 'desc');
  return teamId === null ? q.whereNull('c.team_id') : q.where('c.team_id', teamId);
}

/** Records a change; called in the transaction that saves the model, so the two never disagree. */
export async function insertLoadModelChange(trx: Knex.Transaction, teamId: number | null, m: LoadModel, reason: string | null, changedBy: string): Promise<void> {
  await trx('load_model_changes').insert({
    team_id: teamId,
    business_weight: m.businessWeight,
    off_hours_weight: m.offHoursWeight,
    sleep_weight: m.sleepWeight,
    minutes_per_alert: m.minutesPerAlert,
    hours_per_failed_deploy: m.hoursPerFailedDeploy,
    max_hours_per_page: m.maxHoursPerPage,
    reason,
    changed_by: changedBy,
  });
}
