import fs from 'node:fs';
import { parseArgs } from 'node:util';
import type { Readable } from 'node:stream';
import { importCsv } from '../ingest/csvImport';
import { MAX_CSV_BYTES, formatBytes } from '../ingest/csvRecords';
import { importKindOf, IMPORT_KIND_NAMES } from '../http/importKinds';
import { BadInputError } from '../core/errors';
import { withDatabase } from './database';
import { SYSTEM } from '../core/viewer';
import { out, err, CliError, UsageError, type Command } from './command';

const n = (x: number) => x.toLocaleString('en-US');
const plural = (x: number, what: string) => `${n(x)} ${what}${x === 1 ? '' : 's'}`;

export const importCommand: Command = {
  name: 'import',
  summary: 'Import a CSV file of daily metrics, pages, deploys, teams or sprints (all or nothing)',
  usage: [
    `import FILE --kind ${IMPORT_KIND_NAMES.join('|')}`,
    '',
    '  FILE        a CSV file whose header row names GraphQL input fields (see docs/import.md);',
    '              - reads standard input',
    `  --kind, -k  what the lines are: ${IMPORT_KIND_NAMES.join(', ')}`,
    '',
    `  One bad line and nothing is imported; every bad line is listed with its line number`,
    `  (the header is line 1). Files are limited to ${formatBytes(MAX_CSV_BYTES)}.`,
  ].join('\n'),
  async run(args) {
    const { values, positionals } = parseArgs({
      args,
      options: { kind: { type: 'string', short: 'k' } },
      allowPositionals: true,
      strict: true,
    });
    if (positionals.length !== 1) throw new UsageError(`import takes exactly one FILE; got ${positionals.length}`);
    if (!values.kind) throw new UsageError(`--kind is required: one of ${IMPORT_KIND_NAMES.join(', ')}`);
    const csv = importKindOf(values.kind);
    if (!csv) throw new UsageError(`--kind must be one of ${IMPORT_KIND_NAMES.join(', ')}; got "${values.kind}"`);
    const [file] = positionals;
    const input = openInput(file);

    return withDatabase(async (db, where) => {
      try {
        // The command line holds the database's credentials: it acts for the whole org.
        const r = await importCsv(db, csv, input, SYSTEM);
        out(`Imported ${file === '-' ? 'standard input' : file} into ${where}: ${plural(r.lines, 'line')}, ${plural(r.received, `${csv.kind.noun} record`)}.`);
        out(`  ${n(r.inserted)} inserted, ${n(r.updated)} updated, ${n(r.unchanged)} unchanged.`);
        return 0;
      } catch (e) {
        if (!(e instanceof BadInputError)) throw e;
        err(e.message);
        for (const r of e.records) err(`  line ${r.index}${r.field.startsWith('(') ? '' : `, ${r.field}`}: ${r.message}`);
        return 1;
      }
    });
  },
};

function openInput(file: string): Readable {
  if (file === '-') return process.stdin;
  let size: number;
  try {
    const stat = fs.statSync(file);
    if (!stat.isFile()) throw new CliError(`${file} is not a file.`);
    size = stat.size;
  } catch (e) {
    if (e instanceof CliError) throw e;
    throw new CliError(`Cannot read ${file}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}.`);
  }
  if (size > MAX_CSV_BYTES) throw new CliError(`${file} is ${formatBytes(size)}; the import limit is ${formatBytes(MAX_CSV_BYTES)}. Split it into smaller files.`);
  return fs.createReadStream(file);
}
