import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Knex } from 'knex';
import { createDb, migrate } from '../../server/db/index';
import { SYSTEM } from '../../server/core/viewer';
import { upsertTeams } from '../../server/teams/service';
import { cliDatabase, headroom } from './cliHarness';

describe('headroom group and team --group (command line, PostgreSQL)', () => {
  let env: Record<string, string>;
  let drop: () => Promise<void>;
  let db: Knex;

  beforeAll(async () => {
    let url: string;
    ({ url, env, drop } = await cliDatabase('groups'));
    db = createDb({ databaseUrl: url });
    await migrate(db);
    await upsertTeams(db, [{ slug: 'alpha', name: 'Alpha' }], SYSTEM);
  });
  afterAll(async () => {
    await db?.destroy();
    await drop?.();
  });

  it('creates, nests, lists, moves and deletes groups and puts teams in them; refusals exit 1 with the reason', { timeout: 180_000 }, async () => {
    const run = async (...args: string[]) => headroom(args, env);
    expect((await run('group', 'create', 'Platform')).stdout).toBe('Created group Platform.\n');
    expect((await run('group', 'create', 'Data', '--parent', 'Platform')).stdout).toBe('Created group Platform / Data.\n');
    const added = await run('team', 'add', 'beta', '--name', 'Beta', '--group', 'Data');
    expect(added.code, added.stderr).toBe(0);
    expect(added.stdout).toMatch(/^ {2}beta .*\[Platform \/ Data\]$/m);
    expect((await run('team', 'set', 'alpha', '--group', 'Platform')).stdout).toMatch(/\[Platform\]$/m);
    expect((await run('group', 'list')).stdout).toBe(`${'Platform'.padEnd(48)}    1 team\n${'Platform / Data'.padEnd(48)}    1 team\n`);

    const held = await run('group', 'delete', 'Platform');
    expect(held.code).toBe(1);
    expect(held.stderr).toBe('The group "Platform" is not empty; it holds teams alpha (move them with setTeamGroup); groups Data (move or delete them first).\n');
    const cycle = await run('group', 'move', 'Platform', '--parent', 'Data');
    expect(cycle.code).toBe(1);
    expect(cycle.stderr).toContain('"Data" is nested in this group: moving it there would make a cycle');
    expect((await run('group', 'move', 'Data', '--top')).stdout).toBe('Moved group Data: now Data.\n');
    const unknown = await run('team', 'set', 'alpha', '--group', 'Nowhere');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toBe('No group named "Nowhere"; create it with group create "Nowhere".\n');

    expect((await run('team', 'set', 'alpha', '--ungroup')).code).toBe(0);
    expect((await run('group', 'delete', 'Platform')).stdout).toBe('Deleted group Platform.\n');
    expect(await db('teams').orderBy('slug').select('slug', db.raw('(select name from groups g where g.id = teams.group_id) as "group"'))).toEqual([
      { slug: 'alpha', group: null },
      { slug: 'beta', group: 'Data' },
    ]);
    expect((await run('group', 'move', 'Data')).code).toBe(2);
  });
});
