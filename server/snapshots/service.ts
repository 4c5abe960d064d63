import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Context } from '../figures/context';
import { BadInputError, NotFoundError, invalidInput, recordsOfIssues } from '../core/errors';
import { readInstant, slug, text } from '../core/fields';
import { authorize, type Operation } from '../core/permissions';
import type { TeamRow } from '../teams/queries';
import { visibleTeams } from '../teams/visible';
import { canSeeTeam } from '../core/viewer';
import { checkedRange } from '../core/dateRange';
import type { DateRange } from '../core/dateRange';
import { SERVER_VERSION } from '../version';
import { SNAPSHOT_SCHEMA, groupDocuments, teamDocument, type SnapshotDocument, type TeamDocument } from './document';
import { totalsOf } from '../kpi/groupTotals';
import { insertSnapshot, markDeleted, snapshotById, snapshotPage, type SnapshotRow } from './queries';
import { diffTeams } from './diff';

const snapshotInput = z.object({ label: text, teams: z.array(slug).max(1000, 'at most 1000 teams').nullish() });

/**
 * The teams named (all active teams when none are named: an archived team is left out unless
 * named); unknown slugs are bad input.
 */
export async function selectTeams(ctx: Context, slugs: string[] | null | undefined): Promise<TeamRow[]> {
  const named = !!slugs && slugs.length > 0;
  const all = await visibleTeams(ctx, { includeArchived: named });
  if (!named) return all;
  const bySlug = new Map(all.map((t) => [t.slug, t]));
  const unknown = slugs.map((s, index) => ({ s, index })).filter(({ s }) => !bySlug.has(s));
  if (unknown.length) {
    throw new BadInputError(
      `Unknown team${unknown.length > 1 ? 's' : ''} (or outside this token's teams): ${unknown.map((u) => u.s).join(', ')}`,
      unknown.map(({ s, index }) => ({ index, field: 'teams', message: `no team with slug "${s}"` })),
    );
  }
  return [...new Set(slugs)].map((s) => bySlug.get(s)!);
}

/** Current figures of teams over a range, in the shape snapshots freeze. */
export async function currentDocuments(ctx: Context, teams: TeamRow[], range: DateRange): Promise<TeamDocument[]> {
  return Promise.all(teams.map((t) => teamDocument(ctx, t, range)));
}

// Teams computed per step of a streamed export: memory stays flat however many teams there are.
const EXPORT_BATCH = 25;

/** Current documents in batches, each with a fresh context whose DataLoader caches die with it. */
async function* documentBatches(newContext: () => Context, teams: TeamRow[], range: DateRange): AsyncIterable<TeamDocument[]> {
  for (let i = 0; i < teams.length; i += EXPORT_BATCH) yield currentDocuments(newContext(), teams.slice(i, i + EXPORT_BATCH), range);
}

/**
 * The current figures of the teams named (every team the viewer sees when none are), for an
 * export: checked and resolved before the first byte, computed batch by batch as they are read.
 */
export async function exportDocuments(newContext: () => Context, slugs: string[] | null, range: DateRange): Promise<AsyncIterable<TeamDocument[]>> {
  const ctx = newContext();
  authorize(ctx.viewer, 'GET /api/export.csv');
  return documentBatches(newContext, await selectTeams(ctx, slugs), range);
}

/** Freezes the KPIs of a range and a set of teams. The stored text never changes afterwards. */
export async function createSnapshot(ctx: Context, input: { label: string; range: DateRange; teams?: string[] | null }): Promise<SnapshotRow> {
  authorize(ctx.viewer, 'Mutation.createSnapshot', Array.isArray(input.teams) ? input.teams.filter((t) => typeof t === 'string') : []);
  const parsed = snapshotInput.safeParse({ label: input.label, teams: input.teams });
  if (!parsed.success) {
    throw invalidInput('snapshot', recordsOfIssues(parsed.error.issues, 0));
  }
  const range = checkedRange(input.range);
  const teams = await selectTeams(ctx, parsed.data.teams);
  const id = randomUUID();
  const createdAt = new Date();
  const docs = await currentDocuments(ctx, teams, range);
  const document: SnapshotDocument = {
    schema: SNAPSHOT_SCHEMA,
    id,
    label: parsed.data.label,
    range: { from: range.from, to: range.to },
    author: ctx.actor,
    createdAt: createdAt.toISOString(),
    serverVersion: SERVER_VERSION,
    teams: docs,
    groups: await groupDocuments(ctx, teams, docs),
    total: totalsOf(docs.map((d) => d.kpis)),
  };
  return insertSnapshot(ctx.db, {
    id, label: document.label, from: range.from, to: range.to, teams: teams.map((t) => t.slug),
    document: JSON.stringify(document), author: ctx.actor, serverVersion: SERVER_VERSION, createdAt,
  });
}

/**
 * One snapshot the viewer may see; another team's is NOT_FOUND, like one that does not exist.
 * `operation` names who asks: the snapshot field, or the download endpoint.
 */
export async function requireSnapshot(ctx: Context, id: string, operation: Operation = 'Query.snapshot'): Promise<SnapshotRow> {
  authorize(ctx.viewer, operation);
  const row = z.uuid().safeParse(id).success ? await snapshotById(ctx.db, id) : undefined;
  if (!row || !row.teams.every((t) => canSeeTeam(ctx.viewer, t))) throw new NotFoundError(`No snapshot with id "${id}".`);
  return row;
}

/** Hides a snapshot the viewer may see, recording who deleted it and when. */
export async function deleteSnapshot(ctx: Context, id: string): Promise<boolean> {
  authorize(ctx.viewer, 'Mutation.deleteSnapshot');
  await requireSnapshot(ctx, id);
  return markDeleted(ctx.db, id, ctx.actor);
}

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

/** A page of the snapshots the viewer may see (a limited token: those made of its teams), newest first, Relay style. */
export async function listSnapshots(ctx: Context, first: number, after?: string | null) {
  authorize(ctx.viewer, 'Query.snapshots');
  if (!Number.isInteger(first) || first < 1 || first > 100) {
    throw new BadInputError('first must be between 1 and 100', [{ index: 0, field: 'first', message: 'must be between 1 and 100' }]);
  }
  const rows = await snapshotPage(ctx.db, first + 1, after ? decodeCursor(after) : undefined, ctx.viewer.teams);
  const page = rows.slice(0, first);
  return {
    edges: page.map((node) => ({ cursor: encodeCursor(node), node })),
    pageInfo: { hasNextPage: rows.length > first, endCursor: page.length ? encodeCursor(page[page.length - 1]) : null },
  };
}

const parsedDocs = new WeakMap<SnapshotRow, SnapshotDocument>();
export function documentOf(row: SnapshotRow): SnapshotDocument {
  let doc = parsedDocs.get(row);
  if (!doc) parsedDocs.set(row, (doc = JSON.parse(row.document) as SnapshotDocument));
  return doc;
}

/**
 * Compares two snapshots, the older one "before" whichever was named first, so a change reads
 * forward in time; `reversed` puts the newer one before (the dashboard's swap). Without b:
 * snapshot a against the current figures for its range and teams.
 */
export async function snapshotDiff(ctx: Context, a: string, b?: string | null, reversed = false) {
  authorize(ctx.viewer, 'Query.snapshotDiff');
  const first = await requireSnapshot(ctx, a);
  if (b) {
    const second = await requireSnapshot(ctx, b);
    const [older, newer] = first.createdAt <= second.createdAt ? [first, second] : [second, first];
    const [before, after] = reversed ? [newer, older] : [older, newer];
    return { before, after, teams: diffTeams(documentOf(before).teams, documentOf(after).teams) };
  }
  const beforeDoc = documentOf(first);
  // A team archived since the snapshot still compares: its history stays.
  const teams = (await visibleTeams(ctx, { includeArchived: true })).filter((t) => first.teams.includes(t.slug));
  const now = await currentDocuments(ctx, teams, beforeDoc.range);
  return { before: first, after: null, teams: diffTeams(beforeDoc.teams, now) };
}
