import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { pino } from 'pino';
import { createContext } from '../figures/context';
import { checkedRange } from '../core/dateRange';
import { documentOf, exportDocuments, requireSnapshot } from '../snapshots/service';
import { exportedDocument } from '../snapshots/exportJson';
import { PEOPLE_COLUMNS, writeCsv, writeRows, type ExportKind } from '../snapshots/csv';
import { exportPeople } from '../snapshots/peopleExport';
import { withDatabase } from './database';
import { out, UsageError, type Command } from './command';

export const exportCommand: Command = {
  name: 'export',
  summary: 'Write current figures or a snapshot as CSV (or a snapshot as JSON)',
  usage: [
    'export --from YYYY-MM-DD --to YYYY-MM-DD [--teams a,b] [--kind teams|sprints|people] [--out FILE]',
    '       export --snapshot ID [--kind teams|sprints|json] [--out FILE]',
    '',
    '  CSV is RFC 4180, UTF-8 with a BOM, one row per team (or per sprint with --kind sprints, per',
    '  team and person who carried its pages with --kind people, unless the org hides them);',
    '  see docs/snapshots.md. Without --out the file goes to standard output.',
  ].join('\n'),
  async run(args) {
    const { values, positionals } = parseArgs({
      args,
      options: { from: { type: 'string' }, to: { type: 'string' }, teams: { type: 'string' }, kind: { type: 'string' }, snapshot: { type: 'string' }, out: { type: 'string' } },
      allowPositionals: true,
      strict: true,
    });
    if (positionals.length) throw new UsageError(`export takes options only; got ${positionals.join(' ')}`);
    const kind = values.kind ?? 'teams';
    const kinds = values.snapshot ? ['teams', 'sprints', 'json'] : ['teams', 'sprints', 'people'];
    if (!kinds.includes(kind)) {
      // Snapshots hold no per-person figures (README, "Who carries the pager").
      throw new UsageError(`--kind must be ${kinds.slice(0, -1).join(', ')} or ${kinds.at(-1)}${values.snapshot ? ' for a snapshot' : ''}; got ${kind}`);
    }
    if (!values.snapshot && (!values.from || !values.to)) throw new UsageError('export needs --from and --to, or --snapshot');
    return withDatabase(async (db) => {
      const ctx = () => createContext(db, pino({ level: 'silent' }));
      const target = values.out ? fs.createWriteStream(values.out) : process.stdout;
      if (values.snapshot) {
        const row = await requireSnapshot(ctx(), values.snapshot, 'GET /api/snapshots/:file');
        if (kind === 'json') target.write(exportedDocument(row.document));
        else {
          await writeCsv(target, kind as ExportKind, (async function* () {
            yield documentOf(row).teams;
          })());
        }
      } else {
        const range = checkedRange({ from: values.from!, to: values.to! });
        const teams = values.teams ? values.teams.split(',') : null;
        if (kind === 'people') await writeRows(target, PEOPLE_COLUMNS, await exportPeople(ctx, teams, range));
        else await writeCsv(target, kind as ExportKind, await exportDocuments(ctx, teams, range));
      }
      if (values.out) {
        await new Promise((r) => (target as fs.WriteStream).end(r));
        out(`Wrote ${values.out}.`);
      }
      return 0;
    });
  },
};
