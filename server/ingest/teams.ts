import { checkTeams, writeTeams } from '../teams/service';
import type { TeamWrite } from '../teams/queries';
import type { CsvKind } from './csvImport';

/**
 * Teams as a CSV kind (`kind=teams`): the same field rules as upsertTeams, keyed by slug. A cell
 * left empty keeps the stored value (a new team gets the defaults). Teams are org-wide records:
 * importing them takes upsertTeams' scope (admin) and a token not limited to teams.
 */
export const teamsCsv: CsvKind<TeamWrite> = {
  operation: 'Mutation.upsertTeams',
  orgWide: true,
  kind: {
    noun: 'team',
    async validate(db, records) {
      const { writes, errors } = await checkTeams(db, records);
      return { rows: errors.length ? [] : [...writes.values()], errors };
    },
    keyOf: (t) => t.slug,
    async write(trx, rows) {
      const { saved, inserted } = await writeTeams(trx, rows);
      // Every stored team a line names is counted as updated, even when nothing in it changed.
      return { inserted, updated: saved.length - inserted };
    },
  },
  columns: {
    types: { slug: 'text', name: 'text', timezone: 'text', members: 'number', focusHoursPerDay: 'number' },
    required: ['slug', 'name'],
  },
};
