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

/** A GraphQL batch: all or nothing, every bad record listed. */
export async function ingestBatch<Row>(db: Knex, kind: IngestKind<Row>, input: unknown[]): Promise<IngestResult> {
  throwIfBad(batchSizeError(input.length), kind.noun);
  const { rows, errors } = await kind.validate(db, input);
  throwIfBad(errors, kind.noun);
  const { inserted, updated } = await db.transaction((trx) => kind.write(trx, rows));
  countIngested(kind.noun, input);
  return { received: input.length, inserted, updated, unchanged: input.length - inserted - updated };
}
