import { parseArgs } from 'node:util';
import type { Knex } from 'knex';
import { deleteSprint, sprintActuals, upsertSprints, type SprintActuals } from '../planning/sprints';
import { sprintByName, sprintOfWindow } from '../planning/sprintQueries';
import { visibleTeam } from '../teams/visible';
import type { TeamRow } from '../teams/queries';
import { effectiveLoadModel } from '../signals/loadModelQueries';
import { BadInputError } from '../core/errors';
import { isCalendarDate } from '../core/fields';
import { scopeFor } from '../core/scope';
import { withDatabase } from './database';
import { CliError, err, out, UsageError, type Command } from './command';

const OPTIONS = {
  start: { type: 'string' },
  end: { type: 'string' },
  members: { type: 'string' },
  'days-off': { type: 'string' },
  capacity: { type: 'string' },
  'reserved-share': { type: 'string' },
  'points-planned': { type: 'string' },
  'points-completed': { type: 'string' },
  last: { type: 'string' },
} as const;

/** SprintInput field → the option (or argument) that sets it, so an error names what the user typed. */
const OPTION_OF: Record<string, string> = {
  team: 'TEAM', name: 'NAME', startDate: '--start', endDate: '--end', members: '--members', daysOff: '--days-off',
  capacityHours: '--capacity', reservedOpsShare: '--reserved-share', featurePointsPlanned: '--points-planned', featurePointsCompleted: '--points-completed',
};

/** Numeric options: the field each sets. "none" clears an optional one on set (capacity computed again, and so on). */
const NUMBERS = [
  ['members', 'members'], ['days-off', 'daysOff'], ['capacity', 'capacityHours'], ['reserved-share', 'reservedOpsShare'],
  ['points-planned', 'featurePointsPlanned'], ['points-completed', 'featurePointsCompleted'],
] as const;

type Values = Partial<Record<keyof typeof OPTIONS, string>>;

/** The fields the options give: a number, null for "none", left out when not given. Not a number is a usage mistake. */
function fieldsOf(values: Values): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  if (values.start !== undefined) fields.startDate = values.start;
  if (values.end !== undefined) fields.endDate = values.end;
  for (const [flag, field] of NUMBERS) {
    const value = values[flag];
    if (value === undefined) continue;
    if (value === 'none') {
      fields[field] = field === 'daysOff' ? 0 : null;
      continue;
    }
    const n = Number(value);
    if (value.trim() === '' || !Number.isFinite(n)) throw new UsageError(`--${flag} must be a number${flag === 'days-off' || flag === 'members' ? '' : ' or none'}; got "${value}"`);
    fields[field] = n;
  }
  return fields;
}

const STATE: Record<SprintActuals['state'], string> = { FINISHED: 'finished', IN_PROGRESS: 'in progress', PLANNED: 'planned' };
const pct = (share: number) => `${Number((share * 100).toFixed(1))}%`;

/** One sprint, as `list` prints it: the verdict, then the rule behind a WARN or BREACH on lines of its own. */
function sprintLines(s: SprintActuals): string[] {
  const reserved = s.reservedOpsShare === null ? 'reserved none' : `reserved ${pct(s.reservedOpsShare)} (${s.reservedOpsHours} h)`;
  const ops = s.state === 'PLANNED' ? '' : `ops ${s.opsShare === null ? '-' : pct(s.opsShare)}${s.underReserved ? ' under-reserved' : ''}`;
  const status = s.state === 'PLANNED' ? 'not started' : s.state === 'IN_PROGRESS' ? `${s.status} to date` : s.status;
  const head = [s.name.padEnd(20), `${s.startDate} – ${s.endDate}`, STATE[s.state].padEnd(11), `${s.capacityHours} h`.padStart(9), ops.padEnd(24), reserved.padEnd(24), status];
  const why = s.state === 'PLANNED' ? [] : s.rules.filter((r) => r.status === 'BREACH' || r.status === 'WARN').map((r) => `    ${r.status} ${r.rule}: ${r.message}`);
  return [head.join('  ').trimEnd(), ...why];
}

async function teamOrFail(db: Knex, slug: string): Promise<TeamRow> {
  const team = await visibleTeam(scopeFor(db), slug);
  if (!team) throw new CliError(`No team with slug "${slug}"; create it with team add ${slug} --name NAME.`);
  return team;
}

/** Lists a team's recorded sprints, newest first, each judged by its guardrail version. */
async function list(db: Knex, slug: string, last: number): Promise<number> {
  const team = await teamOrFail(db, slug);
  const sprints = (await sprintActuals(db, team, await effectiveLoadModel(db, team.id), last)).filter((s) => !s.synthetic);
  if (sprints.length === 0) {
    out(`No sprints recorded for ${slug} (it is read as 14-day windows); record one with sprint add ${slug} NAME --start … --end ….`);
    return 0;
  }
  for (const s of sprints) for (const line of sprintLines(s)) out(line);
  return 0;
}

/** Writes one sprint through upsertSprints (its rules, the team limits); field errors are printed by option. */
async function save(db: Knex, record: Record<string, unknown>, verb: string): Promise<number> {
  try {
    const [row] = await upsertSprints(scopeFor(db), [record]);
    const team = await teamOrFail(db, String(record.team));
    const [shown] = (await sprintActuals(db, team, await effectiveLoadModel(db, team.id), 52)).filter((s) => s.name === row.name);
    out(`${verb} sprint of ${team.slug}:`);
    for (const line of shown ? sprintLines(shown) : [row.name]) out(`  ${line}`);
    return 0;
  } catch (e) {
    if (!(e instanceof BadInputError)) throw e;
    err(`Sprint "${String(record.name)}" of ${String(record.team)} was not saved:`);
    for (const r of e.records) err(`  ${OPTION_OF[r.field] ?? r.field}: ${r.message}`);
    return 1;
  }
}

export const sprintCommand: Command = {
  name: 'sprint',
  summary: 'Record, change, list and delete a team’s sprints',
  usage: [
    'sprint add TEAM NAME --start YYYY-MM-DD --end YYYY-MM-DD [--members N] [--days-off D] [--capacity H]',
    '                     [--reserved-share S] [--points-planned P] [--points-completed P]',
    '       sprint set TEAM NAME [--start …] [--end …] [--members N] [--days-off D] [--capacity H] [--reserved-share S] …',
    '       sprint list TEAM [--last N]',
    '       sprint delete TEAM NAME',
    '',
    '  --end is the last day (inclusive). Capacity is computed from members (the sprint’s, else the',
    '  team’s) × working days × focus hours − days off × focus hours unless --capacity gives it in hours.',
    '  --reserved-share is the share of capacity reserved for ops, 0..1 (0.25 is 25%). On set, options',
    '  left out keep their values and "none" clears one (--capacity none computes it again).',
    '  list shows the last N sprints (default 6, newest first) with their state and guardrail status,',
    '  and the rule behind each WARN or BREACH.',
  ].join('\n'),
  async run(args) {
    const [action, ...rest] = args;
    const { values, positionals } = parseArgs({ args: rest, options: OPTIONS, allowPositionals: true, strict: true });
    const [team, name] = positionals;
    if (action === 'list') {
      if (!team || positionals.length > 1) throw new UsageError('sprint list needs one team slug');
      const last = values.last === undefined ? 6 : Number(values.last);
      if (!Number.isInteger(last) || last < 1 || last > 52) throw new UsageError(`--last must be a whole number from 1 to 52; got "${values.last}"`);
      return withDatabase((db) => list(db, team, last));
    }
    if (action !== 'add' && action !== 'set' && action !== 'delete') {
      throw new UsageError(`sprint needs an action: add, set, list or delete${action ? `; got "${action}"` : ''}`);
    }
    if (!team || !name || positionals.length > 2) throw new UsageError(`sprint ${action} needs a team slug and a sprint name (quote a name with spaces)`);
    if (values.last !== undefined) throw new UsageError(`--last is an option of sprint list only`);
    if (action === 'delete') {
      return withDatabase(async (db) => {
        await teamOrFail(db, team);
        try {
          await deleteSprint(scopeFor(db), team, name);
        } catch (e) {
          throw new CliError((e as Error).message);
        }
        out(`Deleted sprint "${name}" of ${team}.`);
        return 0;
      });
    }
    const fields = fieldsOf(values);
    if (action === 'add') {
      if (values.start === undefined) throw new UsageError('sprint add needs --start (the first day, YYYY-MM-DD)');
      if (values.end === undefined) throw new UsageError('sprint add needs --end (the last day, YYYY-MM-DD)');
    } else if (Object.keys(fields).length === 0) throw new UsageError('sprint set needs an option to change');
    return withDatabase(async (db) => {
      const teamRow = await teamOrFail(db, team);
      const stored = await sprintByName(db, teamRow.id, name);
      if (action === 'add') {
        if (stored) throw new CliError(`Sprint "${name}" of ${team} already exists; change it with sprint set ${team} "${name}".`);
        // One window is one sprint: upsertSprints would rename the sprint of these dates; add only adds.
        const same = isCalendarDate(values.start!) && isCalendarDate(values.end!) ? await sprintOfWindow(db, teamRow.id, values.start!, values.end!) : undefined;
        if (same) throw new CliError(`Sprint "${same.name}" of ${team} has these dates already (one window is one sprint); change it with sprint set ${team} "${same.name}".`);
        return save(db, { team, name, ...fields }, 'Recorded');
      }
      if (!stored) throw new CliError(`No sprint "${name}" in team ${team}; record it with sprint add ${team} "${name}" --start … --end ….`);
      const record = {
        team, name, startDate: stored.startDate, endDate: stored.endDate, capacityHours: stored.capacityHours, members: stored.members,
        daysOff: stored.daysOff, reservedOpsShare: stored.reservedOpsShare, featurePointsPlanned: stored.featurePointsPlanned,
        featurePointsCompleted: stored.featurePointsCompleted, ...fields,
      };
      return save(db, record, 'Updated');
    });
  },
};
