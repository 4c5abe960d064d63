import type { Resolvers } from '../schemaTypes/resolvers';
import { z } from 'zod';
import type { Context } from '../figures/context';
import { BadInputError, NotFoundError } from '../core/errors';
import type { DateRange } from '../core/dateRange';
import { readInstant } from '../core/fields';
import { createSnapshot, documentOf, requireSnapshot, snapshotDiff } from './service';
import { markDeleted, snapshotPage, type SnapshotRow } from './queries';

const encodeCursor = (r: SnapshotRow) => Buffer.from(`${r.createdAt.toISOString()}|${r.id}`).toString('base64url');

/** Only what encodeCursor writes is a cursor: anything else is refused, never handed to SQL. */
function decodeCursor(cursor: string): { createdAt: string; id: string } {
  const parts = Buffer.from(cursor, 'base64url').toString().split('|');
  const createdAt = parts.length === 2 ? readInstant(parts[0]) : null;
  if (!(createdAt instanceof Date) || !z.uuid().safeParse(parts[1]).success) {
    throw new BadInputError('Invalid cursor: pass an endCursor returned by snapshots.', [{ index: 0, field: 'after', message: 'is not a cursor' }]);
  }
  return { createdAt: createdAt.toISOString(), id: parts[1] };
}

export const snapshotsResolvers: Resolvers = {
  Query: {
    snapshots: async (_: unknown, args: { first: number; after?: string | null }, ctx: Context) => {
      if (!Number.isInteger(args.first) || args.first < 1 || args.first > 100) {
        throw new BadInputError('first must be between 1 and 100', [{ index: 0, field: 'first', message: 'must be between 1 and 100' }]);
      }
      const rows = await snapshotPage(ctx.db, args.first + 1, args.after ? decodeCursor(args.after) : undefined, ctx.viewer.teams);
      const page = rows.slice(0, args.first);
      return {
        edges: page.map((node) => ({ cursor: encodeCursor(node), node })),
        pageInfo: { hasNextPage: rows.length > args.first, endCursor: page.length ? encodeCursor(page[page.length - 1]) : null },
      };
    },
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
    deleteSnapshot: async (_: unknown, args: { id: string }, ctx: Context) => {
      await requireSnapshot(ctx, args.id);
      return markDeleted(ctx.db, args.id, ctx.actor);
    },
  },
  Snapshot: {
    range: (r: SnapshotRow) => ({ from: r.from, to: r.to }),
    schema: (r: SnapshotRow) => documentOf(r).schema,
    data: (r: SnapshotRow) => documentOf(r).teams,
  },
};
