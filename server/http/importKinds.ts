import type { CsvKind } from '../ingest/csvImport';
import { INGEST_KINDS } from '../ingest/kinds';
import { scopeOf } from '../core/permissions';
import type { Scope } from '../core/viewer';
import { sprintsCsv } from './sprintsCsv';

/**
 * Every kind of CSV file Headroom imports (HTTP and the command line): the ingest kinds, and the
 * sprints of planning, which ingest may not import (they share a layer).
 */
export const IMPORT_KINDS = { ...INGEST_KINDS, sprints: sprintsCsv } satisfies Record<string, CsvKind>;

export type ImportKindName = keyof typeof IMPORT_KINDS;

export const IMPORT_KIND_NAMES = Object.keys(IMPORT_KINDS) as ImportKindName[];

export function importKindOf(name: string): CsvKind | undefined {
  return Object.hasOwn(IMPORT_KINDS, name) ? IMPORT_KINDS[name as ImportKindName] : undefined;
}

/** The scope an import of this kind takes: its operation's (teams: admin, sprints: plan), else ingest. */
export function importScopeOf(name: string): Scope {
  const scope = scopeOf(importKindOf(name)?.operation ?? 'POST /api/import');
  return scope === 'public' ? 'ingest' : scope;
}
