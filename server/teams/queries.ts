import type { Knex } from 'knex';
import type { HourSchedule } from '../kpi/hourClasses';

export interface TeamRow {
  id: number;
  slug: string;
  name: string;
  timezone: string;
  members: number | null;
  focus_hours_per_day: number;
  /** teams.hour_schedule: null means the defaults (signals/teamClocks.ts scheduleOf reads it). */
  hour_schedule: unknown;
  /** When the team was archived; null while it is active. */
  archived_at: Date | string | null;
  /** The team's group (server/groups); null when it is in none. */
  group_id: number | null;
}

const columns = ['id', 'slug', 'name', 'timezone', 'members', 'focus_hours_per_day', 'hour_schedule', 'archived_at', 'group_id'];

/** Teams by slug; archived ones only when asked for (they keep their history, but leave the lists). */
export function listTeams(db: Knex, { includeArchived = false } = {}): Promise<TeamRow[]> {
  const q = db('teams').select(columns).orderBy('slug');
  return includeArchived ? q : q.whereNull('archived_at');
}

export function teamsBySlugs(db: Knex, slugs: readonly string[]): Promise<TeamRow[]> {
  return db('teams').select(columns).whereIn('slug', [...slugs]);
}

export async function teamBySlug(db: Knex, slug: string): Promise<TeamRow | undefined> {
  return db('teams').select(columns).where({ slug }).first();
}

export interface TeamWrite {
  slug: string;
  name: string;
  timezone?: string;
  members?: number | null;
  focusHoursPerDay?: number;
  /** A whole schedule to store, or null for the defaults; undefined keeps the stored one. */
  hourSchedule?: HourSchedule | null;
  /** true archives (keeping the first archive time), false restores; undefined leaves it. */
  archived?: boolean;
}

/** Insert or update by slug; fields left out keep their stored value (or the column default). */
export async function upsertTeam(db: Knex, t: TeamWrite): Promise<TeamRow> {
  const row: Record<string, unknown> = { slug: t.slug, name: t.name };
  if (t.timezone !== undefined) row.timezone = t.timezone;
  if (t.members !== undefined) row.members = t.members;
  if (t.focusHoursPerDay !== undefined) row.focus_hours_per_day = t.focusHoursPerDay;
  if (t.hourSchedule !== undefined) row.hour_schedule = t.hourSchedule === null ? null : JSON.stringify(t.hourSchedule);
  const merged: Record<string, unknown> = { ...row, updated_at: db.fn.now() };
  if (t.archived !== undefined) {
    row.archived_at = t.archived ? db.fn.now() : null;
    merged.archived_at = t.archived ? db.raw('coalesce(??, now())', ['teams.archived_at']) : null;
  }
  const [saved] = await db('teams').insert(row).onConflict('slug').merge(merged).returning(columns);
  return saved;
}

/** Archives a team (an archived one keeps its first archive time); undefined when there is none. */
export async function archiveTeamBySlug(db: Knex, slug: string): Promise<TeamRow | undefined> {
  const [saved] = await db('teams')
    .where({ slug })
    .update({ archived_at: db.raw('coalesce(archived_at, now())'), updated_at: db.fn.now() })
    .returning(columns);
  return saved;
}
