import type { SnapshotDocument } from './document';

// Fields a stored document carries for the server's own use (the live KPI resolvers' team row and
// its numeric id); they are not part of the documented format (docs/snapshots.md).
const INTERNAL_KPI_FIELDS = new Set(['team', 'teamId']);

/**
 * The JSON export of a snapshot: the stored document in its documented shape — camelCase fields,
 * no internal ids. The stored text itself is never rewritten (Snapshot.document serves it byte for
 * byte); this mapping is pure, so the same snapshot always exports the same bytes.
 */
export function exportedDocument(stored: string): string {
  const doc = JSON.parse(stored) as SnapshotDocument;
  const teams = doc.teams.map((t) => ({
    ...t,
    kpis: Object.fromEntries(Object.entries(t.kpis).filter(([k]) => !INTERNAL_KPI_FIELDS.has(k))),
  }));
  return JSON.stringify({ ...doc, teams });
}
