import type { Resolvers } from '../schemaTypes/resolvers';
import type { Scope } from '../core/scope';
import { visibleTeam, visibleTeams } from './visible';
import { archiveTeam, upsertTeams } from './service';
import { scheduleOf } from '../signals/teamClocks';

export const teamsResolvers: Resolvers = {
  Query: {
    teams: (_: unknown, args: { includeArchived?: boolean | null }, ctx: Scope) => visibleTeams(ctx, { includeArchived: args.includeArchived === true }),
    team: (_: unknown, args: { slug: string }, ctx: Scope) => visibleTeam(ctx, args.slug),
  },
  Mutation: {
    upsertTeams: (_: unknown, args: { input: unknown[] }, ctx: Scope) => upsertTeams(ctx.db, args.input, ctx.viewer),
    archiveTeam: (_: unknown, args: { slug: string }, ctx: Scope) => archiveTeam(ctx.db, args.slug, ctx.viewer),
  },
  Team: {
    focusHoursPerDay: (t: { focus_hours_per_day: number }) => t.focus_hours_per_day,
    hourSchedule: (t: { hour_schedule?: unknown }) => scheduleOf(t.hour_schedule),
    archived: (t: { archived_at?: unknown }) => t.archived_at !== null && t.archived_at !== undefined,
  },
};
