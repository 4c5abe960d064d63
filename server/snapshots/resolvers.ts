import type { Resolvers } from '../schemaTypes/resolvers';
import type { Context } from '../figures/context';
import { NotFoundError } from '../core/errors';
import type { DateRange } from '../core/dateRange';
import { createSnapshot, deleteSnapshot, documentOf, listSnapshots, requireSnapshot, snapshotDiff } from './service';
import type { SnapshotRow } from './queries';

export const snapshotsResolvers: Resolvers = {
  Query: {
    snapshots: (_: unknown, args: { first: number; after?: string | null }, ctx: Context) => listSnapshots(ctx, args.first, args.after),
    snapshot: (_: unknown, args: { id: string }, ctx: Context) => requireSnapshot(ctx, args.id).catch((e) => {
      if (e instanceof NotFoundError) return null;
      throw e;
    }),
    snapshotDiff: (_: unknown, args: { a: string; b?: string | null; reversed?: boolean | null }, ctx: Context) =>
      snapshotDiff(ctx, args.a, args.b, args.reversed === true),
  },
  Mutation: {
    createSnapshot: (_: unknown, args: { input: { label: string; range: DateRange; teams?: string[] | null } }, ctx: Context) =>
      createSnapshot(ctx, args.input),
    deleteSnapshot: (_: unknown, args: { id: string }, ctx: Context) => deleteSnapshot(ctx, args.id),
  },
  Snapshot: {
    range: (r: SnapshotRow) => ({ from: r.from, to: r.to }),
    schema: (r: SnapshotRow) => documentOf(r).schema,
    data: (r: SnapshotRow) => documentOf(r).teams,
    groups: (r: SnapshotRow) => documentOf(r).groups ?? [],
    total: (r: SnapshotRow) => documentOf(r).total ?? null,
  },
  SnapshotTeam: {
    group: (t: { group?: string | null }) => t.group ?? null,
  },
};
