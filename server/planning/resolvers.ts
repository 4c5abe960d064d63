import type { Resolvers } from '../schemaTypes/resolvers';
import type { Scope } from '../core/scope';
import type { SignalLoaders } from '../signals/loaders';
import type { PlanningLoaders } from './loaders';

/** What planning's resolvers use: the scope, and the loaders of policies and load models. */
type Context = Scope & SignalLoaders & PlanningLoaders;
import type { TeamRow } from '../teams/queries';
import { invalidInput, recordsOfIssues } from '../core/errors';
import { hours, share } from '../core/fields';
import { z } from 'zod';
import { policyHistory, type GuardrailPolicyParent } from './guardrailQueries';
import { guardrailDefaults, guardrailDefaultsHistory, loadModelDefaults, loadModelDefaultsHistory, setGuardrail, setLoadModel } from './policies';
import { loadModelChanges } from './loadModelChangeQueries';
import { ownLoadModel } from '../signals/loadModelQueries';
import { actualsFor, deleteSprint, sprintActuals, upsertSprints, type SprintActuals, type SprintState } from './sprints';
import { teamPlan, type WhatIf } from './plan';
import { DEFAULT_GUARDRAILS, type ReserveAt, type RuleResult } from '../kpi/guardrails';

const whatIfSchema = z.object({
  capacityHours: hours.nullish(),
  members: z.number().int('must be a whole number').min(0, 'must not be negative').max(10_000, 'is too large').nullish(),
  daysOff: hours.nullish(),
  reservedOpsShare: share.nullish(),
});

const sprintsLimit = z.number().int().min(1, 'must be at least 1').max(52, 'must be at most 52');

function parsed<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  throw invalidInput(what, recordsOfIssues(r.error.issues, 0, what));
}

export const planningResolvers: Resolvers = {
  Query: {
    guardrailDefaults: (_: unknown, __: unknown, ctx: Context) => guardrailDefaults(ctx),
    guardrailDefaultsHistory: (_: unknown, __: unknown, ctx: Context) => guardrailDefaultsHistory(ctx),
    loadModelDefaults: (_: unknown, __: unknown, ctx: Context) => loadModelDefaults(ctx),
    loadModelDefaultsHistory: (_: unknown, __: unknown, ctx: Context) => loadModelDefaultsHistory(ctx),
  },
  Mutation: {
    upsertSprints: async (_: unknown, args: { input: unknown[]; replan?: boolean | null }, ctx: Context) => {
      const rows = await upsertSprints(ctx, args.input, { replan: args.replan === true });
      // Answer with the actuals of the written sprints (one aggregate per team), in input order.
      const teams = await ctx.db('teams').select('*').whereIn('id', [...new Set(rows.map((r) => r.teamId))]);
      const actuals = new Map<string, SprintActuals>();
      for (const team of teams as TeamRow[]) {
        const mine = rows.filter((r) => r.teamId === team.id).map((r) => ({ ...r, synthetic: false }));
        for (const a of await actualsFor(ctx.db, team, await ctx.loadModels.load(team.id), mine)) actuals.set(`${team.id}|${a.name}`, a);
      }
      return rows.map((r) => actuals.get(`${r.teamId}|${r.name}`)!);
    },
    deleteSprint: (_: unknown, args: { team: string; name: string }, ctx: Context) => deleteSprint(ctx, args.team, args.name),
    setGuardrail: (_: unknown, args: { team?: string | null; input: Record<string, number | string | null>; reason: string }, ctx: Context) =>
      setGuardrail(ctx, args.team, Object.fromEntries(Object.entries(args.input).filter(([, v]) => v !== null)), args.reason),
    setLoadModel: (_: unknown, args: { team?: string | null; input: Record<string, number | null>; reason?: string | null }, ctx: Context) =>
      setLoadModel(ctx, args.team, Object.fromEntries(Object.entries(args.input).filter(([, v]) => v !== null)), args.reason),
  },
  Team: {
    sprints: async (team: TeamRow, args: { last: number }, ctx: Context) =>
      sprintActuals(ctx.db, team, await ctx.loadModels.load(team.id), parsed(sprintsLimit, args.last, 'last')),
    guardrail: (team: TeamRow, _: unknown, ctx: Context) => ctx.policies.load(team.id),
    guardrailHistory: (team: TeamRow, _: unknown, ctx: Context) => policyHistory(ctx.db, team.id),
    loadModel: (team: TeamRow, _: unknown, ctx: Context) => ctx.loadModels.load(team.id),
    ownLoadModel: (team: TeamRow, _: unknown, ctx: Context) => ownLoadModel(ctx.db, team.id),
    loadModelHistory: (team: TeamRow, _: unknown, ctx: Context) => loadModelChanges(ctx.db, team.id),
    plan: async (team: TeamRow, args: WhatIf, ctx: Context) =>
      teamPlan(ctx.db, team, await ctx.loadModels.load(team.id), parsed(whatIfSchema, args, 'what-if')),
  },
  SprintPlan: {
    // Plans frozen in snapshots made before plans carried their rules have none to show.
    rules: (p: { rules?: RuleResult[] }) => p.rules ?? [],
    // ... nor the odds and the track record.
    odds: (p) => p.odds ?? null,
    trackRecord: (p) => p.trackRecord ?? null,
    // ... nor a basis: they all reserved at the projection.
    recommendationBasis: (p) => p.recommendationBasis ?? 'PROJECTION',
  },
  BacktestSprint: {
    basis: (r) => r.basis ?? 'PROJECTION',
  },
  Sprint: {
    // Snapshot documents frozen before sprints had states judged every sprint as finished.
    state: (s: { state?: SprintState }) => s.state ?? 'FINISHED',
    // Documents frozen before sprints carried what they were recorded with.
    recordedMembers: (s: { recordedMembers?: number | null }) => s.recordedMembers ?? null,
    recordedCapacityHours: (s: { recordedCapacityHours?: number | null }) => s.recordedCapacityHours ?? null,
    daysOff: (s: { daysOff?: number }) => s.daysOff ?? 0,
  },
  GuardrailPolicy: {
    // Versions frozen in snapshots before these options existed were the projection and the default limit.
    reserveAt: (p: { reserveAt?: ReserveAt }) => p.reserveAt ?? DEFAULT_GUARDRAILS.reserveAt,
    maxSleepInterruptionsPerPersonWeek: (p: { maxSleepInterruptionsPerPersonWeek?: number }) =>
      p.maxSleepInterruptionsPerPersonWeek ?? DEFAULT_GUARDRAILS.maxSleepInterruptionsPerPersonWeek,
    // Frozen snapshot documents carry the slug; live versions carry the team id.
    team: async (p: GuardrailPolicyParent, _: unknown, ctx: Context) =>
      p.team !== undefined ? p.team : p.teamId === null ? null : (await ctx.db('teams').select('slug').where('id', p.teamId).first())?.slug ?? null,
  },
};
