import { parseArgs } from 'node:util';
import { createGroup, deleteGroup, moveGroup, renameGroup, requireGroupNamed, visibleGroups } from '../groups/service';
import { pathOf } from '../groups/tree';
import { listGroups } from '../groups/queries';
import { DomainError } from '../core/errors';
import { scopeFor } from '../core/scope';
import { withDatabase } from './database';
import { CliError, out, UsageError, type Command } from './command';

const OPTIONS = {
  parent: { type: 'string' },
  top: { type: 'boolean' },
  name: { type: 'string' },
} as const;

/** A service's refusal (a name taken, a level too deep, a group not empty) is the user's to act on: printed as is. */
async function asCli<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (e) {
    if (e instanceof DomainError) throw new CliError(e.message);
    throw e;
  }
}

export const groupCommand: Command = {
  name: 'group',
  summary: 'Create, list, rename, move and delete groups of teams',
  usage: [
    'group create NAME [--parent PARENT]',
    '       group list',
    '       group rename NAME --name NEW',
    '       group move NAME (--parent PARENT | --top)',
    '       group delete NAME',
    '',
    '  Groups are named (names are unique) and nest at most 3 levels; a group cannot move under one of',
    '  its own subgroups. Only an empty group is deleted: move its teams (team set SLUG --group OTHER or',
    '  --ungroup) and subgroups, and revoke tokens limited to it, first. Put a team in a group with',
    '  team add|set SLUG --group NAME.',
  ].join('\n'),
  async run(args) {
    const [action, ...rest] = args;
    const { values, positionals } = parseArgs({ args: rest, options: OPTIONS, allowPositionals: true, strict: true });
    if (action === 'list') {
      return withDatabase(async (db) => {
        const groups = await visibleGroups(scopeFor(db));
        const counts = new Map<number, number>(
          (await db('teams').whereNull('archived_at').whereNotNull('group_id').groupBy('group_id').select('group_id', db.raw('count(*)::int as n'))).map((r: { group_id: number; n: number }) => [r.group_id, r.n]),
        );
        if (groups.length === 0) out('No groups.');
        const rows = groups.map((g) => ({ path: pathOf(groups, g.id), n: counts.get(g.id) ?? 0 })).sort((a, b) => a.path.localeCompare(b.path));
        for (const r of rows) out(`${r.path.padEnd(48)} ${String(r.n).padStart(4)} ${r.n === 1 ? 'team' : 'teams'}`);
        return 0;
      });
    }
    if (!['create', 'rename', 'move', 'delete'].includes(action ?? '')) {
      throw new UsageError(`group needs an action: create, list, rename, move or delete${action ? `; got "${action}"` : ''}`);
    }
    const name = positionals[0];
    if (!name || positionals.length > 1) throw new UsageError(`group ${action} needs one group name (quote a name with spaces)`);
    if (action === 'move' && values.parent === undefined && !values.top) throw new UsageError('group move needs --parent PARENT or --top');
    if (action === 'move' && values.parent !== undefined && values.top) throw new UsageError('group move takes --parent or --top, not both');
    if (action === 'rename' && !values.name) throw new UsageError('group rename needs --name NEW');
    return withDatabase(async (db) =>
      asCli(async () => {
        // The command line holds the database's credentials: it acts for the whole org.
        const ctx = scopeFor(db);
        const parent = values.parent === undefined ? null : (await requireGroupNamed(db, values.parent)).id;
        const path = async (id: number) => pathOf(await listGroups(db), id);
        if (action === 'create') {
          const g = await createGroup(ctx, { name, parent });
          out(`Created group ${await path(g.id)}.`);
        } else if (action === 'delete') {
          await deleteGroup(ctx, (await requireGroupNamed(db, name)).id);
          out(`Deleted group ${name}.`);
        } else if (action === 'rename') {
          const g = await renameGroup(ctx, (await requireGroupNamed(db, name)).id, values.name!);
          out(`Renamed group ${name}: now ${await path(g.id)}.`);
        } else {
          const g = await moveGroup(ctx, (await requireGroupNamed(db, name)).id, parent);
          out(`Moved group ${name}: now ${await path(g.id)}.`);
        }
        return 0;
      }),
    );
  },
};
