import type { Knex } from 'knex';

/** The org's privacy setting as stored (migrations/20261206200000_org_privacy). */
export interface OrgPrivacy {
  /** True: per-person figures (names and their page load) are not given out by the API or exports. */
  hidePeople: boolean;
  /** Who changed it last (a token name); null while it was never changed. */
  changedBy: string | null;
  changedAt: Date | null;
}

const NEVER_CHANGED: OrgPrivacy = { hidePeople: false, changedBy: null, changedAt: null };

/** The setting in force; its one row missing (never, but a truncated table) reads as never changed. */
export async function orgPrivacy(db: Knex): Promise<OrgPrivacy> {
  const row = await db('org_privacy').first('hide_people as hidePeople', 'changed_by as changedBy', 'changed_at as changedAt');
  return row ?? NEVER_CHANGED;
}

/** Writes the setting with who changed it, now. */
export async function saveOrgPrivacy(db: Knex, hidePeople: boolean, changedBy: string): Promise<OrgPrivacy> {
  const { rows } = await db.raw(
    `INSERT INTO org_privacy (one, hide_people, changed_by, changed_at) VALUES (true, ?, ?, now())
     ON CONFLICT (one) DO UPDATE SET hide_people = EXCLUDED.hide_people, changed_by = EXCLUDED.changed_by, changed_at = EXCLUDED.changed_at
     RETURNING hide_people AS "hidePeople", changed_by AS "changedBy", changed_at AS "changedAt"`,
    [hidePeople, changedBy],
  );
  return rows[0] as OrgPrivacy;
}
