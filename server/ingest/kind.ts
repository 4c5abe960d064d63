import type { Knex } from 'knex';
import { throwIfBad, type RecordError } from '../core/errors';
import { batchSizeError } from '../core/fields';
import { countIngested } from '../core/metrics';
import { recordsOutsideTeams, throwIfRefused, type Viewer } from '../core/viewer';
import { permittedTeamIds } from '../teams/visible';
import { authorize, type Operation } from '../core/permissions';

export interface IngestResult {
  received: number;
  inserted: number;
  updated: number;
  unchanged: number;
}

/**
 * One kind of ingested record (daily metrics, pages, deploys). Validation and writing are split
 * so GraphQL batches and streamed CSV files share the same rules: validate everything, and only
 * write — inside one transaction — when nothing was bad.
 */
export interface IngestKind<Row> {
  /** Plural noun for messages, e.g. "daily metrics". */
  noun: string;
  /** Validates records; errors carry the record's index within `records`. */
  validate(db: Knex, records: unknown[]): Promise<{ rows: Row[]; errors: RecordError[] }>;
  /** The natural key of a valid row: a key seen twice in one batch or file is a bad record. */
  keyOf(row: Row): string;
  /** Upserts valid rows; returns how many were inserted and how many changed. */
  write(trx: Knex.Transaction, rows: Row[]): Promise<{ inserted: number; updated: number }>;
  /**
   * For kinds whose key leaves the team out (events, keyed by source and externalId): the team of
   * each stored row the rows would update (null: unrouted), by key, locked in the order of `rows`
   * until the transaction ends. An update can then be checked against the team it would take the
   * row from.
   */
  storedTeams?(trx: Knex.Transaction, rows: Row[]): Promise<Map<string, number | null>>;
}

/** Refuses (FORBIDDEN) a batch with a record for a team outside the viewer's: checked before validation. */
export function requireRecordTeams(viewer: Viewer, noun: string, records: readonly unknown[], lineOf?: (i: number) => number): void {
  throwIfRefused(viewer, recordsOutsideTeams(viewer, records, lineOf), noun, lineOf ? 'line' : 'record');
}

/**
 * Refuses (FORBIDDEN) a batch that would update a stored row of a team outside the viewer's, or
 * an unrouted one: a token limited to teams neither overwrites another team's event nor moves it
 * to its own. Runs in the writing transaction, so the stored team cannot change before the write.
 */
export async function requireStoredTeams<Row>(viewer: Viewer, kind: IngestKind<Row>, trx: Knex.Transaction, rows: Row[], lineOf?: (i: number) => number): Promise<void> {
  if (viewer.teams === null || !kind.storedTeams) return;
  const [allowed, stored] = await Promise.all([permittedTeamIds(trx, viewer), kind.storedTeams(trx, inKeyOrder(kind, rows))]);
  const refused = rows.flatMap((row, i) => {
    const team = stored.get(kind.keyOf(row)); // undefined: a new row, nobody's yet
    if (team === undefined || (team !== null && allowed!.has(team))) return [];
    return [{ index: lineOf ? lineOf(i) : i, field: 'externalId', message: 'an event with this source and externalId is stored for another team (or none); this token cannot change or move it' }];
  });
  throwIfRefused(viewer, refused, kind.noun, lineOf ? 'line' : 'record');
}

/**
 * Writes rows in key order. Concurrent batches with overlapping keys then take their row locks in
 * the same order, so they queue behind each other instead of deadlocking.
 */
export function writeInKeyOrder<Row>(kind: IngestKind<Row>, trx: Knex.Transaction, rows: Row[]) {
  return kind.write(trx, inKeyOrder(kind, rows));
}

/** Rows sorted by their key: the order every statement of a batch takes its row locks in. */
function inKeyOrder<Row>(kind: IngestKind<Row>, rows: Row[]): Row[] {
  const keyed = rows.map((row) => ({ key: kind.keyOf(row), row }));
  keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return keyed.map((k) => k.row);
}

const RETRYABLE = new Set(['40P01', '40001']); // deadlock detected, serialization failure

/** Runs a transaction, retrying it a few times when PostgreSQL aborts it for a deadlock or a serialization conflict. */
export async function withRetry<T>(db: Knex, work: (trx: Knex.Transaction) => Promise<T>, attempts = 5): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction(work);
    } catch (e) {
      if (attempt >= attempts || !RETRYABLE.has((e as { code?: string }).code ?? '')) throw e;
      await new Promise((r) => setTimeout(r, 10 * attempt + Math.random() * 20));
    }
  }
}

/**
 * A GraphQL batch: all or nothing, every bad record listed, only by a viewer holding the scope of
 * `operation`, only for teams the viewer may act on.
 */
export async function ingestBatch<Row>(db: Knex, kind: IngestKind<Row>, input: unknown[], viewer: Viewer, operation: Operation): Promise<IngestResult> {
  authorize(viewer, operation);
  throwIfBad(batchSizeError(input.length), kind.noun);
  requireRecordTeams(viewer, kind.noun, input);
  const { rows, errors } = await kind.validate(db, input);
  throwIfBad(errors, kind.noun);
  const { inserted, updated } = await withRetry(db, async (trx) => {
    await requireStoredTeams(viewer, kind, trx, rows);
    return writeInKeyOrder(kind, trx, rows);
  });
  countIngested(kind.noun, input.length);
  return { received: input.length, inserted, updated, unchanged: input.length - inserted - updated };
}
