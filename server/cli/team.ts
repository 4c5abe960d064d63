import { parseArgs } from 'node:util';
import { archiveTeam, upsertTeams } from '../teams/service';
import { visibleTeam, visibleTeams } from '../teams/visible';
import type { TeamRow } from '../teams/queries';
import { BadInputError } from '../core/errors';
import { SYSTEM } from '../core/viewer';
import { scopeFor } from '../core/scope';
import { withDatabase } from './database';
import { requireGroupNamed, setTeamGroup } from '../groups/service';
import { listGroups } from '../groups/queries';
import { pathOf } from '../groups/tree';
import { CliError, err, out, UsageError, type Command } from './command';

const OPTIONS = {
  name: { type: 'string' },
  timezone: { type: 'string' },
  members: { type: 'string' },
  'focus-hours': { type: 'string' },
  unarchive: { type: 'boolean' },
  all: { type: 'boolean' },
  group: { type: 'string' },
  ungroup: { type: 'boolean' },
} as const;

/** A numeric option as the service's input; anything else is a usage mistake named here. */
function numberOption(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n)) throw new UsageError(`--${flag} must be a number; got "${value}"`);
  return n;
}

function line(t: TeamRow, groupPath = ''): string {
  const members = t.members === null ? '-' : String(t.members);
  return `${t.slug.padEnd(24)} ${t.name.padEnd(28)} ${t.timezone.padEnd(20)} ${members.padStart(4)} members ${String(t.focus_hours_per_day).padStart(5)} h/day${t.archived_at ? '  (archived)' : ''}${groupPath ? `  [${groupPath}]` : ''}`;
}

export const teamCommand: Command = {
  name: 'team',
  summary: 'Create, change, list and archive teams',
  usage: [
    'team add SLUG --name NAME [--timezone TZ] [--members N] [--focus-hours H] [--group GROUP]',
    '       team set SLUG [--name NAME] [--timezone TZ] [--members N] [--focus-hours H] [--unarchive] [--group GROUP | --ungroup]',
    '       team list [--all]',
    '       team archive SLUG',
    '',
    '  SLUG is 1-64 characters of a-z, 0-9 and -; TZ an IANA time zone (default UTC); H the focused',
    '  hours a member gives a sprint per working day (default 6). An archived team leaves the overview,',
    '  plans and exports but keeps its history; list --all shows it, set --unarchive brings it back.',
    '  --group puts the team in a group by name (group create makes one), --ungroup in none; list shows',
    '  each team\'s group path in brackets.',
  ].join('\n'),
  async run(args) {
    const [action, ...rest] = args;
    const { values, positionals } = parseArgs({ args: rest, options: OPTIONS, allowPositionals: true, strict: true });
    const slug = positionals[0];
    if (action === 'list') {
      return withDatabase(async (db) => {
        const rows = await visibleTeams(scopeFor(db), { includeArchived: values.all === true });
        const groups = await listGroups(db);
        if (rows.length === 0) out(values.all ? 'No teams.' : 'No active teams (list --all shows archived ones).');
        for (const t of rows) out(line(t, t.group_id === null ? '' : pathOf(groups, t.group_id)));
        return 0;
      });
    }
    if (action !== 'add' && action !== 'set' && action !== 'archive') {
      throw new UsageError(`team needs an action: add, set, list or archive${action ? `; got "${action}"` : ''}`);
    }
    if (!slug || positionals.length > 1) throw new UsageError(`team ${action} needs one team slug`);
    if (action === 'archive') {
      return withDatabase(async (db) => {
        const t = await archiveTeam(db, slug, SYSTEM);
        out(`Archived ${t.slug}: it leaves the overview, plans and exports; its history stays (team set ${t.slug} --unarchive brings it back).`);
        return 0;
      });
    }
    if (action === 'add' && !values.name) throw new UsageError('team add needs --name');
    if (values.group !== undefined && values.ungroup) throw new UsageError('team takes --group or --ungroup, not both');
    const fields = {
      timezone: values.timezone,
      members: numberOption('members', values.members),
      focusHoursPerDay: numberOption('focus-hours', values['focus-hours']),
      archived: values.unarchive ? false : undefined,
    };
    return withDatabase(async (db) => {
      // The command line holds the database's credentials: it acts for the whole org.
      const stored = await visibleTeam(scopeFor(db), slug);
      if (action === 'add' && stored) throw new CliError(`Team "${slug}" already exists; change it with team set ${slug}.`);
      if (action === 'set' && !stored) throw new CliError(`No team with slug "${slug}"; create it with team add ${slug} --name NAME.`);
      const record = Object.fromEntries(Object.entries({ slug, name: values.name ?? stored?.name, ...fields }).filter(([, v]) => v !== undefined));
      // Checked before the team is written: an unknown group leaves nothing half-done.
      const group = values.group === undefined ? undefined : await requireGroupNamed(db, values.group).catch(() => {
        throw new CliError(`No group named "${values.group}"; create it with group create "${values.group}".`);
      });
      try {
        const [t] = await upsertTeams(db, [record], SYSTEM);
        if (group || values.ungroup) await setTeamGroup(scopeFor(db), slug, group ? group.id : null);
        const groupId = group ? group.id : values.ungroup ? null : t.group_id;
        out(`${action === 'add' ? 'Created' : 'Updated'} team:`);
        out(`  ${line(t, groupId === null ? '' : pathOf(await listGroups(db), groupId))}`);
        return 0;
      } catch (e) {
        if (!(e instanceof BadInputError)) throw e;
        err(`Team "${slug}" was not saved:`);
        for (const r of e.records) err(`  --${r.field === 'focusHoursPerDay' ? 'focus-hours' : r.field}: ${r.message}`);
        return 1;
      }
    });
  },
};
