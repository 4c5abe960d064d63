import type { Knex } from 'knex';

/** A backfill run as stored in backfill_runs: its cursor and counts are the source's own shapes. */
export interface BackfillRun<Cursor, Counts> {
  id: number;
  source: string;
  params: Record<string, unknown>;
  cursor: Cursor | null;
  counts: Counts;
  startedAt: Date;
  finishedAt: Date | null;
}

interface RunRow {
  id: string | number;
  source: string;
  params: Record<string, unknown>;
  cursor: unknown;
  counts: unknown;
  started_at: Date;
  finished_at: Date | null;
}

const toRun = <C, N>(r: RunRow): BackfillRun<C, N> => ({
  id: Number(r.id),
  source: r.source,
  params: r.params,
  cursor: r.cursor as C | null,
  counts: r.counts as N,
  startedAt: r.started_at,
  finishedAt: r.finished_at,
});

/**
 * The latest unfinished run of a source whose params match `match` (each key equal), to resume.
 * Only reads: a run is written with the first signals it brings (startRun), so a run that fails
 * before that — a bad key — leaves nothing behind.
 */
export async function unfinishedRun<C, N>(db: Knex, source: string, match: Record<string, unknown>): Promise<BackfillRun<C, N> | undefined> {
  const row: RunRow | undefined = await db('backfill_runs')
    .where({ source })
    .whereNull('finished_at')
    .whereRaw('params @> ?::jsonb', [JSON.stringify(match)])
    .orderBy('started_at', 'desc')
    .orderBy('id', 'desc')
    .first();
  return row && toRun<C, N>(row);
}

/**
 * Records a new run, in the transaction that writes its first signals. `startedAt` is when the run
 * began reading (before its first request); without it, when this transaction began.
 */
export async function startRun(trx: Knex.Transaction, source: string, params: Record<string, unknown>, counts: unknown, startedAt?: Date): Promise<number> {
  const [row] = await trx('backfill_runs')
    .insert({ source, params: JSON.stringify(params), counts: JSON.stringify(counts), ...(startedAt ? { started_at: startedAt } : {}) })
    .returning('id');
  return Number(row.id);
}

/** Records a run that wrote everything in one transaction (a Jira board's sprints): started and finished at once. */
export async function recordFinishedRun(trx: Knex.Transaction, source: string, params: Record<string, unknown>, counts: unknown, startedAt: Date): Promise<number> {
  const id = await startRun(trx, source, params, counts, startedAt);
  await advanceRun(trx, id, null, counts, true);
  return id;
}

/** Moves a run's cursor and counts (null cursor and finished: the run is done), in the writing transaction. */
export async function advanceRun(trx: Knex, id: number, cursor: unknown, counts: unknown, finished = false): Promise<void> {
  await trx('backfill_runs')
    .where({ id })
    .update({ cursor: cursor === null ? null : JSON.stringify(cursor), counts: JSON.stringify(counts), updated_at: trx.fn.now(), ...(finished ? { finished_at: trx.fn.now() } : {}) });
}

/** The latest run of each source that has one (finished or not), by source. */
export async function latestRunPerSource(db: Knex): Promise<BackfillRun<unknown, Record<string, unknown>>[]> {
  const rows: RunRow[] = await db('backfill_runs')
    .distinctOn('source')
    .orderBy([{ column: 'source' }, { column: 'started_at', order: 'desc' }, { column: 'id', order: 'desc' }])
    .select('*');
  return rows.map((r) => toRun<unknown, Record<string, unknown>>(r));
}
