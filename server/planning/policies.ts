import { z } from 'zod';
import type { Knex } from 'knex';
import { NotFoundError, invalidInput, recordsOfIssues } from '../core/errors';
import { authorize } from '../core/permissions';
import type { Scope } from '../core/scope';
import { isWellFormed, NOT_WELL_FORMED } from '../core/fields';
import { validatePolicy, type GuardrailPolicy } from '../kpi/guardrails';
import { DEFAULT_LOAD_MODEL, type LoadModel } from '../kpi/loadModel';
import { teamBySlug } from '../teams/queries';
import { effectivePolicies, insertPolicyVersion, orgPolicy, policyHistory, type PolicyVersion } from './guardrailQueries';
import { effectiveLoadModel, saveLoadModel } from '../signals/loadModelQueries';
import { insertLoadModelChange, loadModelChanges, type LoadModelChange } from './loadModelChangeQueries';
import { resplitTeamPages, resplitTeamsOnOrgDefault } from '../signals/resplit';

// Guardrail and load-model changes: one place each for their rules. Fields left out of an
// input keep their current effective value, so "raise the floor to 25%" is a one-field change.

async function teamIdOf(db: Knex, slug: string | null | undefined): Promise<number | null> {
  if (slug === null || slug === undefined) return null;
  const team = await teamBySlug(db, slug);
  if (!team) throw new NotFoundError(`No team with slug "${slug}".`);
  return team.id;
}

function badFields(problems: { field: string; message: string }[], what: string): never {
  throw invalidInput(what, problems.map((p) => ({ index: 0, ...p })));
}

const reasonSchema = z.string().trim().min(3, 'must say why (at least 3 characters)').max(1000, 'must be at most 1000 characters').refine(isWellFormed, NOT_WELL_FORMED);

/** Appends a new guardrail version for a team (or the org default, slug null) with who and why. */
export async function setGuardrail(scope: Scope, slug: string | null | undefined, input: Partial<GuardrailPolicy>, reason: string): Promise<PolicyVersion> {
  authorize(scope.viewer, 'Mutation.setGuardrail', [slug]);
  const { db, actor: author } = scope;
  const teamId = await teamIdOf(db, slug);
  const current = teamId === null ? await orgPolicy(db) : (await effectivePolicies(db, [teamId])).get(teamId)!;
  const merged: GuardrailPolicy = {
    reserveFloor: input.reserveFloor ?? current.reserveFloor,
    opsCeiling: input.opsCeiling ?? current.opsCeiling,
    maxPageHoursPerWeek: input.maxPageHoursPerWeek ?? current.maxPageHoursPerWeek,
    maxSleepInterruptionsPerWeek: input.maxSleepInterruptionsPerWeek ?? current.maxSleepInterruptionsPerWeek,
    maxChangeFailureRate: input.maxChangeFailureRate ?? current.maxChangeFailureRate,
    lookbackSprints: input.lookbackSprints ?? current.lookbackSprints,
    reserveAt: input.reserveAt ?? current.reserveAt,
    maxSleepInterruptionsPerPersonWeek: input.maxSleepInterruptionsPerPersonWeek ?? current.maxSleepInterruptionsPerPersonWeek,
  };
  const problems = validatePolicy(merged);
  const why = reasonSchema.safeParse(reason);
  if (!why.success) problems.push({ field: 'reason', message: why.error.issues[0].message });
  if (problems.length) badFields(problems, 'guardrail policy');
  return db.transaction((trx) => insertPolicyVersion(trx, teamId, merged, why.data!, author));
}

const weight = z.number().finite().min(0, 'must not be negative').max(100, 'must be at most 100');
const loadModelSchema = z.object({
  businessWeight: weight,
  offHoursWeight: weight,
  sleepWeight: weight,
  minutesPerAlert: z.number().finite().min(0, 'must not be negative').max(480, 'must be at most 480'),
  hoursPerFailedDeploy: z.number().finite().min(0, 'must not be negative').max(168, 'must be at most 168'),
  maxHoursPerPage: z.number().finite().gt(0, 'must be more than 0').max(168, 'must be at most 168'),
});

/**
 * Sets a team's load model (or the org default) and records the change with who and why; returns
 * the model now in force. The reason is optional here because the API took none before it was
 * recorded (the dashboard always asks for one); a reason that is given must say something.
 */
export async function setLoadModel(scope: Scope, slug: string | null | undefined, input: Partial<LoadModel>, reason?: string | null): Promise<LoadModel> {
  authorize(scope.viewer, 'Mutation.setLoadModel', [slug]);
  const { db, actor } = scope;
  const teamId = await teamIdOf(db, slug);
  const current = await effectiveLoadModel(db, teamId);
  const merged = { ...DEFAULT_LOAD_MODEL, ...current, ...Object.fromEntries(Object.entries(input).filter(([, v]) => v !== null && v !== undefined)) };
  const parsed = loadModelSchema.safeParse(merged);
  const problems = parsed.success ? [] : recordsOfIssues(parsed.error.issues, 0);
  const why = reason === null || reason === undefined ? null : reasonSchema.safeParse(reason);
  if (why && !why.success) problems.push({ index: 0, field: 'reason', message: why.error.issues[0].message });
  if (problems.length) badFields(problems, 'load model');
  const model = parsed.data!;
  await db.transaction(async (trx) => {
    await saveLoadModel(trx, teamId, model);
    await insertLoadModelChange(trx, teamId, model, why ? why.data! : null, actor);
    // Resolved pages' hours are capped and split at ingest: a new cap re-splits them, atomically.
    if (model.maxHoursPerPage !== current.maxHoursPerPage) {
      await (teamId === null ? resplitTeamsOnOrgDefault(trx) : resplitTeamPages(trx, teamId));
    }
  });
  return model;
}

/** The org-default guardrail policy in force (read scope). */
export async function guardrailDefaults(scope: Scope): Promise<PolicyVersion> {
  authorize(scope.viewer, 'Query.guardrailDefaults');
  return orgPolicy(scope.db);
}

/** Every version of the org-default guardrail policy, newest first (read scope). */
export async function guardrailDefaultsHistory(scope: Scope) {
  authorize(scope.viewer, 'Query.guardrailDefaultsHistory');
  return policyHistory(scope.db, null);
}

/** The org-default load model (read scope). */
export async function loadModelDefaults(scope: Scope): Promise<LoadModel> {
  authorize(scope.viewer, 'Query.loadModelDefaults');
  return effectiveLoadModel(scope.db, null);
}

/** Every change of the org-default load model, newest first (read scope). */
export async function loadModelDefaultsHistory(scope: Scope): Promise<LoadModelChange[]> {
  authorize(scope.viewer, 'Query.loadModelDefaultsHistory');
  return loadModelChanges(scope.db, null);
}
