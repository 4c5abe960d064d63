import { Transform, type Readable } from 'node:stream';
import { parse, CsvError } from 'csv-parse';
import { BadInputError, type RecordError } from '../core/errors';

/**
 * How a CSV cell becomes an input field: text stays text, numbers are converted strictly,
 * dateTime cells are trimmed and left to the kind (which refuses timestamps without an offset),
 * list cells are split at semicolons into a list of trimmed, non-empty items — an empty list
 * cell is an empty list, as an empty timestamp cell is "not yet": the file states the value.
 */
export type CsvColumnType = 'text' | 'number' | 'dateTime' | 'list';

export interface CsvColumns {
  /** GraphQL input field name → how its cells are read. These are the only headers accepted. */
  types: Record<string, CsvColumnType>;
  /** Headers a file must have: without them every line would fail the same way. */
  required: string[];
  /** Values for fields a line leaves empty (or the file has no column for). */
  defaults?: Record<string, unknown>;
  /**
   * Other columns are skipped instead of refused: for a vendor's own export (PagerDuty's incident
   * CSV), whose many columns Headroom reads a few of.
   */
  ignoreOtherColumns?: boolean;
}

/** One data line of a file: its line number (header = line 1) and the record or why not. */
export interface CsvLine {
  line: number;
  record?: Record<string, unknown>;
  errors: RecordError[];
}

export const MAX_CSV_BYTES = 50 * 1024 * 1024;
// A record is a line of a dozen short cells; anything near this is a runaway quote.
const MAX_RECORD_BYTES = 64 * 1024;
const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/** The file is over the size limit: refused whole, nothing written (HTTP 413). */
export class CsvTooLargeError extends BadInputError {
  constructor(maxBytes: number) {
    super(`The file is larger than ${formatBytes(maxBytes)}, the import limit; nothing was imported. Split it into smaller files.`);
  }
}

export function formatBytes(n: number): string {
  const mb = n / (1024 * 1024);
  return mb >= 1 ? `${Number.isInteger(mb) ? mb : mb.toFixed(1)} MB` : `${n} bytes`;
}

/**
 * Reads a CSV stream line by line — never the whole file — and converts each line to an input
 * record keyed by the header's field names. RFC 4180 quoting, UTF-8 with or without BOM, CRLF
 * or LF. Line numbers are physical lines with the header as line 1; blank lines are skipped
 * but counted. A header problem is thrown at once (every line would fail the same way); a
 * line's problems are yielded with it; broken quoting ends the file with one last error line.
 * `stats.lines` counts the file's lines read so far, the header included.
 */
export async function* readCsv(
  stream: Readable,
  columns: CsvColumns,
  { maxBytes = MAX_CSV_BYTES, stats = { lines: 0 } }: { maxBytes?: number; stats?: { lines: number } } = {},
): AsyncGenerator<CsvLine> {
  const parser = parse({ bom: true, relax_column_count: true, max_record_size: MAX_RECORD_BYTES });
  const limited = stream.pipe(byteLimit(maxBytes));
  const checked = limited.pipe(utf8Only());
  // pipe() does not forward errors: the parser must fail when its source does.
  stream.on('error', (e) => limited.destroy(e));
  limited.on('error', (e) => checked.destroy(e));
  checked.on('error', (e) => parser.destroy(e));
  checked.pipe(parser);

  let header: string[] | undefined;
  let nextLine = 1;
  try {
    for await (const fields of parser as AsyncIterable<string[]>) {
      const line = nextLine;
      // A quoted cell may span lines; the next record starts after them.
      nextLine += 1 + fields.reduce((n, f) => n + countNewlines(f), 0);
      stats.lines = nextLine - 1;
      if (!header) {
        header = readHeader(fields, columns);
        continue;
      }
      if (fields.every((f) => f.trim() === '')) continue;
      yield toRecord(line, fields, header, columns);
    }
  } catch (e) {
    if (!(e instanceof CsvError)) throw e;
    // Parsing cannot resume after broken quoting: report it as the last bad line. (The parser
    // drops the lines it had read ahead, but the file is refused anyway.)
    const at = typeof (e as { lines?: unknown }).lines === 'number' ? (e as unknown as { lines: number }).lines : nextLine;
    if (!header && at <= 1) throw new BadInputError(`Bad CSV header (line 1): ${e.message}. Nothing was imported.`, [{ index: 1, field: '(csv)', message: e.message }]);
    yield { line: at, errors: [{ index: at, field: '(csv)', message: `${e.message}; the rest of the file was not read` }] };
    return;
  } finally {
    stream.unpipe();
    parser.destroy();
  }
  if (!header) throw new BadInputError('The file is empty: the first line must be a header naming the columns.', [{ index: 1, field: '(header)', message: 'missing' }]);
}

function readHeader(fields: string[], columns: CsvColumns): string[] {
  const names = fields.map((f) => f.trim());
  const errors: RecordError[] = [];
  const known = Object.keys(columns.types);
  names.forEach((name, i) => {
    if (columns.ignoreOtherColumns && !Object.hasOwn(columns.types, name)) return;
    if (!name) errors.push({ index: 1, field: '(header)', message: `column ${i + 1} has no name` });
    else if (!Object.hasOwn(columns.types, name)) errors.push({ index: 1, field: name, message: `unknown column "${name}"; the columns are ${known.join(', ')}` });
    else if (names.indexOf(name) !== i) errors.push({ index: 1, field: name, message: `column "${name}" appears twice` });
  });
  for (const name of columns.required) if (!names.includes(name)) errors.push({ index: 1, field: name, message: `required column "${name}" is missing` });
  if (errors.length) throw new BadInputError(`Bad CSV header (line 1): ${errors.map((e) => e.message).join('; ')}. Nothing was imported.`, errors);
  return names;
}

function toRecord(line: number, fields: string[], header: string[], columns: CsvColumns): CsvLine {
  if (fields.length !== header.length)
    return { line, errors: [{ index: line, field: '(line)', message: `has ${fields.length} cells; the header has ${header.length}` }] };
  const record: Record<string, unknown> = { ...columns.defaults };
  const errors: RecordError[] = [];
  header.forEach((field, i) => {
    const cell = fields[i];
    if (!Object.hasOwn(columns.types, field)) return; // an ignored column
    const type = columns.types[field];
    if (type === 'list') {
      record[field] = cell.split(';').map((item) => item.trim()).filter((item) => item !== '');
      return;
    }
    if (cell.trim() === '') {
      // An empty cell is an omitted field; omitting a required one is the line's mistake.
      if (columns.required.includes(field)) errors.push({ index: line, field, message: 'is required; the cell is empty' });
      return;
    }
    if (type === 'number') {
      if (NUMBER.test(cell.trim())) record[field] = Number(cell.trim());
      else errors.push({ index: line, field, message: `must be a number; got ${JSON.stringify(cell)}` });
    } else record[field] = type === 'dateTime' ? cell.trim() : cell;
  });
  return errors.length ? { line, errors } : { line, record, errors };
}

function countNewlines(s: string): number {
  let n = 0;
  for (let i = s.indexOf('\n'); i !== -1; i = s.indexOf('\n', i + 1)) n++;
  return n;
}

/**
 * Passes bytes through while they are UTF-8; fails with BadInputError at the first that is not
 * (e.g. a Latin-1 export, or an encoded lone surrogate), instead of storing U+FFFD in its place.
 */
function utf8Only(): Transform {
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  let offset = 0;
  const refuse = () => new BadInputError(`The file is not valid UTF-8 (after byte ${offset}); nothing was imported. Save it as UTF-8.`, [{ index: 0, field: '(file)', message: 'is not valid UTF-8' }]);
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      try {
        decoder.decode(chunk, { stream: true });
      } catch {
        return done(refuse());
      }
      offset += chunk.length;
      done(null, chunk);
    },
    flush(done) {
      try {
        decoder.decode();
        done();
      } catch {
        done(refuse());
      }
    },
  });
}

/** Passes bytes through until more than `maxBytes` have come, then fails with CsvTooLargeError. */
function byteLimit(maxBytes: number): Transform {
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      seen += chunk.length;
      if (seen > maxBytes) done(new CsvTooLargeError(maxBytes));
      else done(null, chunk);
    },
  });
}
