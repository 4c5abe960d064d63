import type { Context } from '../graphql/context';
import { listTeams, teamBySlug } from './queries';
import { upsertTeams } from './service';

export const teamsResolvers = {
  Query: {
    teams: (_: unknown, __: unknown, ctx: Context) => listTeams(ctx.db),
    team: (_: unknown, args: { slug: string }, ctx: Context) => teamBySlug(ctx.db, args.slug).then((t) => t ?? null),
  },
  Mutation: {
    upsertTeams: (_: unknown, args: { input: unknown[] }, ctx: Context) => upsertTeams(ctx.db, args.input),
  },
  Team: {
    focusHoursPerDay: (t: { focus_hours_per_day: number }) => t.focus_hours_per_day,
  },
};
