import type { Knex } from 'knex';
import { throwIfBad, type RecordError } from '../graphql/errors';
import { batchSizeError } from '../validation/fields';
import { countIngested } from '../http/metrics';

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
}

/**
 * Writes rows in key order. Concurrent batches with overlapping keys then take their row locks in
 * the same order, so they queue behind each other instead of deadlocking.
 */
export function writeInKeyOrder<Row>(kind: IngestKind<Row>, trx: Knex.Transaction, rows: Row[]) {
  const keyed = rows.map((row) => ({ key: kind.keyOf(row), row }));
  keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return kind.write(trx, keyed.map((k) => k.row));
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

/** A GraphQL batch: all or nothing, every bad record listed. */
export async function ingestBatch<Row>(db: Knex, kind: IngestKind<Row>, input: unknown[]): Promise<IngestResult> {
  throwIfBad(batchSizeError(input.length), kind.noun);
  const { rows, errors } = await kind.validate(db, input);
  throwIfBad(errors, kind.noun);
  const { inserted, updated } = await withRetry(db, (trx) => writeInKeyOrder(kind, trx, rows));
  countIngested(kind.noun, input.length);
  return { received: input.length, inserted, updated, unchanged: input.length - inserted - updated };
}
