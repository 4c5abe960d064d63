import type { Readable } from 'node:stream';
import type { Knex } from 'knex';
import { requireRecordTeams, requireStoredTeams, writeInKeyOrder } from './kind';
import type { Viewer } from '../core/viewer';
import { authorize, type Operation } from '../core/permissions';
import { BadInputError, type RecordError } from '../core/errors';
import type { IngestKind, IngestResult } from './kind';
import { readCsv, MAX_CSV_BYTES, type CsvColumns, type CsvLine } from './csvRecords';

/** An ingest kind and how its CSV columns are read. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the list of kinds holds every row type; each kind is used with its own
export interface CsvKind<Row = any> {
  kind: IngestKind<Row>;
  columns: CsvColumns;
  /**
   * For records that are not ingested figures (teams, sprints): the operation whose scope the
   * import takes instead of the ingest scope.
   */
  operation?: Operation;
  /** Org-wide records (teams): only a token not limited to teams imports them. */
  orgWide?: boolean;
}

export interface CsvImportResult extends IngestResult {
  /** Lines in the file, the header included (blank lines too). */
  lines: number;
}

export interface CsvImportOptions {
  maxBytes?: number;
  /** Lines validated and written at a time: memory holds one chunk, never the file. */
  chunkSize?: number;
  /** At most this many problems are listed; the message says how many more there were. */
  maxErrors?: number;
}

/**
 * Imports a CSV file as one all-or-nothing batch. Lines are validated and written a chunk at a
 * time inside ONE transaction, so a 100,000-line file never sits in memory whole and a bad line
 * anywhere rolls back every chunk already written. Errors carry the CSV line number as `index`
 * (the header is line 1, so the first record is line 2). A line for a team outside the viewer's
 * teams, or updating an event stored for one, refuses the whole file (FORBIDDEN) at once; so does
 * a viewer without the ingest scope (or the scope of the kind's own operation), before the file is read.
 */
export async function importCsv<Row>(db: Knex, csv: CsvKind<Row>, stream: Readable, viewer: Viewer, opts: CsvImportOptions = {}): Promise<CsvImportResult> {
  // Leaving the team out acts on the org: a token limited to teams is refused. Records naming a
  // team (every kind but teams) are checked line by line below.
  authorize(viewer, csv.operation ?? 'POST /api/import', csv.orgWide ? [null] : []);
  const chunkSize = opts.chunkSize ?? 5_000;
  const maxErrors = opts.maxErrors ?? 1_000;
  const { kind } = csv;
  return db.transaction(async (trx) => {
    const errors = new ErrorList(maxErrors);
    const seen = new Map<string, number>(); // key → line that first had it, across chunks
    const result: CsvImportResult = { received: 0, inserted: 0, updated: 0, unchanged: 0, lines: 0 };

    const flush = async (chunk: CsvLine[]) => {
      const lineOf = (i: number) => chunk[i].line;
      requireRecordTeams(viewer, kind.noun, chunk.map((l) => l.record), lineOf);
      const checked = await validateChunk(trx, kind, chunk, seen);
      errors.add(checked.errors);
      // Once anything is bad the transaction will roll back: keep validating, stop writing.
      if (errors.total > 0) return;
      // Nothing bad so far: every line of the chunk became a row, in order.
      await requireStoredTeams(viewer, kind, trx, checked.rows, lineOf);
      const { inserted, updated } = await writeInKeyOrder(kind, trx, checked.rows);
      result.inserted += inserted;
      result.updated += updated;
    };

    let chunk: CsvLine[] = [];
    const stats = { lines: 0 };
    for await (const line of readCsv(stream, csv.columns, { maxBytes: opts.maxBytes ?? MAX_CSV_BYTES, stats })) {
      chunk.push(line);
      result.received++;
      if (chunk.length >= chunkSize) {
        await flush(chunk);
        chunk = [];
      }
    }
    if (chunk.length) await flush(chunk);
    if (errors.total > 0) throw errors.toError(kind.noun);
    result.unchanged = result.received - result.inserted - result.updated;
    result.lines = stats.lines;
    return result;
  });
}

/**
 * Validates one chunk with the kind's own rules and maps chunk positions to CSV lines. A kind
 * may stop at its first class of error (e.g. field errors hide unknown teams), so the records
 * that passed are validated again on their own: the report lists every bad line it can.
 */
async function validateChunk<Row>(
  trx: Knex,
  kind: IngestKind<Row>,
  chunk: CsvLine[],
  seen: Map<string, number>,
): Promise<{ rows: Row[]; errors: RecordError[] }> {
  const out = chunk.flatMap((l) => l.errors);
  let lines = chunk.filter((l) => l.record !== undefined);
  let { rows, errors } = await kind.validate(trx, lines.map((l) => l.record));
  out.push(...errors.map((e) => atLine(e, lines)));
  if (errors.length && rows.length !== lines.length) {
    const bad = new Set(errors.map((e) => e.index));
    lines = lines.filter((_, i) => !bad.has(i));
    ({ rows, errors } = await kind.validate(trx, lines.map((l) => l.record)));
    out.push(...errors.map((e) => atLine(e, lines)));
  }
  if (rows.length !== lines.length) return { rows, errors: out }; // rows do not line up with lines: already failing
  const bad = new Set(errors.map((e) => e.index));
  rows.forEach((row, i) => {
    if (bad.has(i)) return;
    const key = kind.keyOf(row);
    const first = seen.get(key);
    if (first === undefined) seen.set(key, lines[i].line);
    else out.push({ index: lines[i].line, field: '(key)', message: `duplicates the key of line ${first}` });
  });
  return { rows, errors: out };
}

/** Kinds number records within the batch they were given; the file's reader wants lines. */
function atLine(e: RecordError, lines: CsvLine[]): RecordError {
  return {
    index: lines[e.index]?.line ?? e.index,
    field: e.field,
    message: e.message.replace(/record #(\d+) in this batch/g, (_, i) => `line ${lines[Number(i)]?.line ?? i}`),
  };
}

/** Every bad line counted, the first `max` problems kept, in line order. */
class ErrorList {
  readonly kept: RecordError[] = [];
  total = 0;
  private badLines = 0;
  constructor(private readonly max: number) {}

  add(errors: RecordError[]) {
    const sorted = [...errors].sort((a, b) => a.index - b.index || a.field.localeCompare(b.field));
    this.total += sorted.length;
    this.badLines += new Set(sorted.map((e) => e.index)).size;
    for (const e of sorted) if (this.kept.length < this.max) this.kept.push(e);
  }

  toError(noun: string): BadInputError {
    const first = this.kept[0];
    const more = this.total - this.kept.length;
    return new BadInputError(
      `${this.badLines} bad line${this.badLines === 1 ? '' : 's'} in the ${noun} CSV file; nothing was imported. ` +
        `First: line ${first.index}, ${first.field}: ${first.message}.` +
        (more > 0 ? ` Only the first ${this.kept.length} problems are listed; ${more} more were not.` : ''),
      this.kept,
    );
  }
}
