import type { Knex } from 'knex';
import { DEFAULT_GUARDRAILS, type GuardrailPolicy } from '../kpi/guardrails';
import { idArray } from '../db/arrays';

/** A stored policy version; version 0 is the built-in default that no one has changed yet. */
export interface PolicyVersion extends GuardrailPolicy {
  id: number | null;
  teamId: number | null;
  version: number;
  reason: string;
  author: string;
  createdAt: Date | null;
}

/**
 * What a GuardrailPolicy resolver receives (its GraphQL mapper, codegen.ts): a live version, or one
 * frozen in a snapshot document, which names the team by slug instead of id.
 */
export type GuardrailPolicyParent = (PolicyVersion & { team?: undefined }) | (Omit<PolicyVersion, 'id' | 'teamId'> & { team: string | null });

export const BUILT_IN_POLICY: PolicyVersion = {
  ...DEFAULT_GUARDRAILS,
  id: null,
  teamId: null,
  version: 0,
  reason: 'Built-in defaults (Phoenix Project 20% floor, Google SRE 50% ceiling).',
  author: 'headroom',
  createdAt: null,
};

const select = [
  'id', 'team_id as teamId', 'version', 'reason', 'author', 'created_at as createdAt',
  'reserve_floor as reserveFloor', 'ops_ceiling as opsCeiling', 'max_page_hours_per_week as maxPageHoursPerWeek',
  'max_sleep_interruptions_per_week as maxSleepInterruptionsPerWeek', 'max_change_failure_rate as maxChangeFailureRate',
  'lookback_sprints as lookbackSprints', 'reserve_at as reserveAt',
  'max_sleep_interruptions_per_person_week as maxSleepInterruptionsPerPersonWeek',
];

/** Effective policy per team — its newest version, else the newest org version, else built-in — in one query. */
export async function effectivePolicies(db: Knex, teamIds: readonly number[]): Promise<Map<number, PolicyVersion>> {
  const latest: PolicyVersion[] = await db
    .select(select)
    .from(db.raw('(SELECT DISTINCT ON (COALESCE(team_id, 0)) * FROM guardrail_policies WHERE team_id IS NULL OR team_id = ANY(?::int[]) ORDER BY COALESCE(team_id, 0), version DESC) AS p', [idArray(teamIds)]));
  const org = latest.find((p) => p.teamId === null) ?? BUILT_IN_POLICY;
  const byTeam = new Map(latest.filter((p) => p.teamId !== null).map((p) => [p.teamId!, p]));
  return new Map(teamIds.map((id) => [id, byTeam.get(id) ?? org]));
}

export async function orgPolicy(db: Knex): Promise<PolicyVersion> {
  const row = await db('guardrail_policies').select(select).whereNull('team_id').orderBy('version', 'desc').first();
  return row ?? BUILT_IN_POLICY;
}

/** Every version of a team's (or, for null, the org's) policy, newest first. */
export function policyHistory(db: Knex, teamId: number | null): Promise<PolicyVersion[]> {
  const q = db('guardrail_policies').select(select).orderBy('version', 'desc');
  return teamId === null ? q.whereNull('team_id') : q.where('team_id', teamId);
}

export async function policyById(db: Knex, id: number): Promise<PolicyVersion | undefined> {
  return db('guardrail_policies').select(select).where({ id }).first();
}

/** Stored versions by id, in one query. */
export async function policiesByIds(db: Knex, ids: readonly number[]): Promise<Map<number, PolicyVersion>> {
  const rows: PolicyVersion[] = ids.length ? await db('guardrail_policies').select(select).whereIn('id', [...ids]) : [];
  return new Map(rows.map((p) => [p.id!, p]));
}

/** Appends a new version; versions are never overwritten. The unique index refuses a racing duplicate. */
export async function insertPolicyVersion(
  trx: Knex.Transaction,
  teamId: number | null,
  p: GuardrailPolicy,
  reason: string,
  author: string,
): Promise<PolicyVersion> {
  const scope = teamId === null ? trx('guardrail_policies').whereNull('team_id') : trx('guardrail_policies').where('team_id', teamId);
  const max = await scope.max<{ v: number | null }>('version as v').first();
  const [row] = await trx('guardrail_policies')
    .insert({
      team_id: teamId,
      version: (max?.v ?? 0) + 1,
      reserve_floor: p.reserveFloor,
      ops_ceiling: p.opsCeiling,
      max_page_hours_per_week: p.maxPageHoursPerWeek,
      max_sleep_interruptions_per_week: p.maxSleepInterruptionsPerWeek,
      max_change_failure_rate: p.maxChangeFailureRate,
      lookback_sprints: p.lookbackSprints,
      reserve_at: p.reserveAt,
      max_sleep_interruptions_per_person_week: p.maxSleepInterruptionsPerPersonWeek,
      reason,
      author,
    })
    .returning(select);
  return row;
}

/**
 * The policy version in force at each instant for its team — the team's newest version created by
 * then, else the org's, else the built-in defaults (null) — in one statement, in the order given.
 */
export async function policyIdsInForceAt(db: Knex, at: readonly { teamId: number; instant: Date }[]): Promise<(number | null)[]> {
  if (at.length === 0) return [];
  const { rows } = await db.raw(
    `SELECT COALESCE(t.id, o.id) AS id
       FROM unnest(?::int[], ?::timestamptz[]) WITH ORDINALITY AS r(team_id, instant, i)
       LEFT JOIN LATERAL (SELECT id FROM guardrail_policies WHERE team_id = r.team_id AND created_at <= r.instant ORDER BY version DESC LIMIT 1) t ON true
       LEFT JOIN LATERAL (SELECT id FROM guardrail_policies WHERE team_id IS NULL AND created_at <= r.instant ORDER BY version DESC LIMIT 1) o ON true
      ORDER BY r.i`,
    [at.map((a) => a.teamId), at.map((a) => a.instant.toISOString())],
  );
  return (rows as { id: number | null }[]).map((r) => r.id);
}
