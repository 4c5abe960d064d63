import type { CsvKind } from '../ingest/csvImport';
import { checkSprints, writeSprints } from '../planning/sprintRecords';
import type { SprintWrite } from '../planning/sprintQueries';

/**
 * Sprints as a CSV kind (`kind=sprints`): the columns are SprintInput's fields and a line is a
 * sprint as upsertSprints takes it — the same field rules, team limits and "one window, one
 * sprint". A line is the whole record: an empty cell is an omitted field (a computed capacity, no
 * reservation), as in GraphQL. A re-import keeps each sprint's guardrail version (no re-plan).
 * Sprints are planning records: the import takes upsertSprints' scope (plan), not ingest.
 *
 * It lives with the adapters because it joins two domains of one layer (ingest's CSV machinery
 * and planning's sprint rules), which may not import each other.
 */
export const sprintsCsv: CsvKind<SprintWrite> = {
  operation: 'Mutation.upsertSprints',
  kind: {
    noun: 'sprint',
    validate: (db, records) => checkSprints(db, records),
    keyOf: (s) => `${s.team_id}|${s.name}`,
    async write(trx, rows) {
      const { saved, inserted } = await writeSprints(trx, rows);
      // Every stored sprint a line names is counted as updated, even when nothing in it changed.
      return { inserted, updated: saved.length - inserted };
    },
  },
  columns: {
    types: {
      team: 'text', name: 'text', startDate: 'text', endDate: 'text', capacityHours: 'number', members: 'number',
      daysOff: 'number', reservedOpsShare: 'number', featurePointsPlanned: 'number', featurePointsCompleted: 'number',
    },
    required: ['team', 'name', 'startDate', 'endDate'],
  },
};
