import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import type { Knex } from 'knex';
import { createDb, migrate } from '../../server/db/index';
import { SYSTEM } from '../../server/core/viewer';
import { upsertTeams } from '../../server/teams/service';
import { cliDatabase, headroom } from './cliHarness';

// The command line against PostgreSQL: a database of our own, created and dropped like the harness does.
describe('headroom import (command line, PostgreSQL)', () => {
  let name: string;
  let url: string;
  let tmp: string;
  let env: Record<string, string>;
  let drop: () => Promise<void>;
  let db: Knex;

  beforeAll(async () => {
    ({ name, url, tmp, env, drop } = await cliDatabase('cli'));
    db = createDb({ databaseUrl: url });
    await migrate(db);
    await upsertTeams(db, [{ slug: 'alpha', name: 'Alpha' }], SYSTEM);
  });
  afterAll(async () => {
    await db?.destroy();
    await drop?.();
  });

  it('imports a file and prints what it did; a bad file lists its lines and exits 1; a usage mistake exits 2', { timeout: 120_000 }, async () => {
    const good = path.join(tmp, 'good.csv');
    fs.writeFileSync(good, '\uFEFFteam,date,source,alerts,pageHours\r\nalpha,2026-03-02,csv,4,1.5\r\nalpha,2026-03-03,csv,2,\r\n');
    const ok = await headroom(['import', good, '--kind', 'daily'], env);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toContain(`Imported ${good} into PostgreSQL database "${name}" on ${new URL(url).host}: 3 lines, 2 daily metrics records.`);
    expect(ok.stdout).toContain('2 inserted, 0 updated, 0 unchanged.');
    expect(await db('daily_metrics').orderBy('date').select('date', 'alerts', 'page_hours')).toEqual([
      { date: '2026-03-02', alerts: 4, page_hours: 1.5 },
      { date: '2026-03-03', alerts: 2, page_hours: 0 },
    ]);

    const bad = path.join(tmp, 'bad.csv');
    fs.writeFileSync(bad, 'team,date,alerts\nalpha,2026-03-04,1\nalpha,2026-03-05,many\nnobody,2026-03-06,1\n');
    const refused = await headroom(['import', bad, '--kind', 'daily'], env);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('2 bad lines in the daily metrics CSV file; nothing was imported.');
    expect(refused.stderr).toContain('  line 3, alerts: must be a number; got "many"');
    expect(refused.stderr).toContain('  line 4, team: no team with slug "nobody"');
    expect(Number((await db('daily_metrics').count('* as n').first())!.n)).toBe(2);

    const usage = await headroom(['import', good], env);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('--kind is required: one of daily, pages, deploys');
  });

  it('creates, lists and revokes tokens; the secret is printed once and never listed', { timeout: 120_000 }, async () => {
    const created = await headroom(['token', 'create', '--name', 'ci pipeline', '--scopes', 'ingest', '--teams', 'alpha'], env);
    expect(created.code, created.stderr).toBe(0);
    const secret = created.stdout.trim().split('\n').at(-1)!;
    expect(secret).toMatch(/^hr_[A-Za-z0-9_-]{43}$/);
    const listed = await headroom(['token', 'list'], env);
    expect(listed.stdout).toMatch(/live\s+ingest\s+alpha\s+last used never\s+ci pipeline/);
    expect(listed.stdout).not.toContain(secret);
    const id = /^([0-9a-f-]{36})/m.exec(listed.stdout)![1];
    const bad = await headroom(['token', 'create', '--name', 'x', '--scopes', 'superuser'], env);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('unknown scope superuser');
    const revoked = await headroom(['token', 'revoke', id], env);
    expect(revoked.code, revoked.stderr).toBe(0);
    expect((await headroom(['token', 'list'], env)).stdout).toMatch(/revoked/);
    expect((await headroom(['token', 'revoke', id], env)).code).toBe(1);
  });

  it('exports current figures as CSV to a file and to standard output', { timeout: 240_000 }, async () => {
    await db('daily_metrics').insert({ team_id: (await db('teams').where({ slug: 'alpha' }).first()).id, date: '2026-07-01', source: 'cli-export', alerts: 7 });
    const file = path.join(tmp, 'export.csv');
    const written = await headroom(['export', '--from', '2026-07-01', '--to', '2026-07-01', '--out', file], env);
    expect(written.code, written.stderr).toBe(0);
    const text = fs.readFileSync(file, 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const [header, row] = text.slice(1).trim().split('\r\n');
    const cells = Object.fromEntries(header.split(',').map((h, i) => [h, row.split(',')[i]]));
    expect(cells).toMatchObject({ team: 'alpha', from: '2026-07-01', alerts: '7' });
    const stdout = await headroom(['export', '--from', '2026-07-01', '--to', '2026-07-01', '--kind', 'sprints'], env);
    expect(stdout.code, stdout.stderr).toBe(0);
    expect(stdout.stdout.replace(/^\uFEFF/, '').split('\r\n')[0]).toBe('team,sprint,startDate,endDate,capacityHours,reservedOpsShare,opsHours,opsShare,featureHours,underReserved,status,guardrailVersion,featurePointsPlanned,featurePointsCompleted,state');
    expect((await headroom(['export', '--from', '2026-07-01'], env)).code).toBe(2);
    // Per-person figures only by name, and never while the org hides them.
    const people = await headroom(['export', '--from', '2026-07-01', '--to', '2026-07-01', '--kind', 'people'], env);
    expect(people.code, people.stderr).toBe(0);
    expect(people.stdout.replace(/^\uFEFF/, '').split('\r\n')[0]).toBe('team,person,from,to,pages,pageHours,offHoursPageHours,sleepPageHours,sleepInterruptions');
    await db('org_privacy').update({ hide_people: true });
    try {
      const hidden = await headroom(['export', '--from', '2026-07-01', '--to', '2026-07-01', '--kind', 'people'], env);
      expect(hidden.code).not.toBe(0);
      expect(hidden.stderr).toContain('hidden by the org');
      expect(hidden.stdout).not.toContain('person');
    } finally {
      await db('org_privacy').update({ hide_people: false });
    }
  });

  it('routes an unrouted webhook signal to a team with mapping set', { timeout: 120_000 }, async () => {
    await db('page_events').insert({ source: 'pagerduty', external_id: 'Q1CLI', routing_key: 'PCLI123', triggered_at: new Date('2026-07-02T10:00:00Z'), resolved_at: new Date('2026-07-02T11:00:00Z') });
    const waiting = await headroom(['mapping', 'unrouted'], env);
    expect(waiting.stdout).toMatch(/pagerduty\s+PCLI123\s+1 page signal/);
    const set = await headroom(['mapping', 'set', '--source', 'pagerduty', '--key', 'PCLI123', '--team', 'alpha'], env);
    expect(set.code, set.stderr).toBe(0);
    expect(set.stdout).toContain('pagerduty PCLI123 → alpha; 1 waiting signal(s) attributed.');
    expect((await db('page_events').where({ external_id: 'Q1CLI' }).first()).team_id).toBe((await db('teams').where({ slug: 'alpha' }).first()).id);
    expect((await headroom(['mapping', 'list'], env)).stdout).toMatch(/pagerduty\s+PCLI123\s+→ alpha/);
    expect((await headroom(['mapping', 'set', '--source', 'pagerduty', '--key', 'X'], env)).code).toBe(2);
  });

  it('adds, changes, lists and archives teams with team add|set|list|archive', { timeout: 180_000 }, async () => {
    const added = await headroom(['team', 'add', 'payments', '--name', 'Payments', '--timezone', 'Europe/Berlin', '--members', '4'], env);
    expect(added.code, added.stderr).toBe(0);
    expect(added.stdout).toMatch(/Created team:\n\s+payments\s+Payments\s+Europe\/Berlin\s+4 members\s+6 h\/day\n/);
    expect((await headroom(['team', 'add', 'payments', '--name', 'Again'], env)).stderr).toContain('Team "payments" already exists; change it with team set payments.');

    const set = await headroom(['team', 'set', 'payments', '--focus-hours', '5.5'], env);
    expect(set.code, set.stderr).toBe(0);
    expect(await db('teams').where({ slug: 'payments' }).first()).toMatchObject({ name: 'Payments', timezone: 'Europe/Berlin', members: 4, focus_hours_per_day: 5.5 });

    const bad = await headroom(['team', 'set', 'payments', '--focus-hours', '30', '--timezone', 'Mars/Base'], env);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('  --focus-hours: must be at most 24');
    expect(bad.stderr).toContain('  --timezone: must be an IANA time zone such as Europe/Berlin');
    expect(await db('teams').where({ slug: 'payments' }).first()).toMatchObject({ timezone: 'Europe/Berlin', focus_hours_per_day: 5.5 });
    expect((await headroom(['team', 'set', 'payments', '--members', 'four'], env)).code).toBe(2);
    expect((await headroom(['team', 'set', 'nobody', '--members', '3'], env)).stderr).toContain('No team with slug "nobody"');

    const archived = await headroom(['team', 'archive', 'payments'], env);
    expect(archived.code, archived.stderr).toBe(0);
    expect((await headroom(['team', 'list'], env)).stdout).not.toContain('payments');
    expect((await headroom(['team', 'list', '--all'], env)).stdout).toMatch(/payments\s+Payments.*\(archived\)/);
    expect((await headroom(['team', 'set', 'payments', '--unarchive'], env)).code).toBe(0);
    expect((await headroom(['team', 'list'], env)).stdout).toMatch(/^payments\s+Payments/m);
    expect((await headroom(['team', 'archive', 'nobody'], env)).code).toBe(1);
  });

  it('records, changes, lists and deletes sprints with sprint add|set|list|delete', { timeout: 240_000 }, async () => {
    await upsertTeams(db, [{ slug: 'sprinters', name: 'Sprinters', members: 4 }], SYSTEM);
    const row = () => db('sprints').where({ name: 'Sprint 1' }).first();
    const added = await headroom(['sprint', 'add', 'sprinters', 'Sprint 1', '--start', '2026-01-05', '--end', '2026-01-18', '--days-off', '2', '--reserved-share', '0.2'], env);
    expect(added.code, added.stderr).toBe(0);
    // 4 members × 10 working days × 6 h − 2 days off × 6 h = 228 h.
    expect(added.stdout).toMatch(/Recorded sprint of sprinters:\n\s+Sprint 1\s+2026-01-05 – 2026-01-18\s+finished\s+228 h\s+ops -?\S*\s+reserved 20% \(45.6 h\)/);
    expect(await row()).toMatchObject({ start_date: '2026-01-05', end_date: '2026-01-18', days_off: 2, reserved_ops_share: 0.2, capacity_hours: null });
    expect((await headroom(['sprint', 'add', 'sprinters', 'Sprint 1', '--start', '2026-02-02', '--end', '2026-02-15'], env)).stderr).toContain('Sprint "Sprint 1" of sprinters already exists; change it with sprint set sprinters "Sprint 1".');
    const sameDates = await headroom(['sprint', 'add', 'sprinters', 'Other', '--start', '2026-01-05', '--end', '2026-01-18'], env);
    expect([sameDates.code, sameDates.stderr.trim()]).toEqual([1, 'Sprint "Sprint 1" of sprinters has these dates already (one window is one sprint); change it with sprint set sprinters "Sprint 1".']);

    // set keeps what it is not given, and "none" clears.
    const set = await headroom(['sprint', 'set', 'sprinters', 'Sprint 1', '--capacity', '200', '--points-completed', '12'], env);
    expect(set.code, set.stderr).toBe(0);
    expect(await row()).toMatchObject({ capacity_hours: 200, days_off: 2, reserved_ops_share: 0.2, feature_points_completed: 12 });
    expect((await headroom(['sprint', 'set', 'sprinters', 'Sprint 1', '--capacity', 'none'], env)).code).toBe(0);
    expect((await row()).capacity_hours).toBeNull();

    // Errors name the option; nothing is written.
    const bad = await headroom(['sprint', 'set', 'sprinters', 'Sprint 1', '--reserved-share', '1.5', '--end', '2026-01-01'], env);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('Sprint "Sprint 1" of sprinters was not saved:');
    expect(bad.stderr).toContain('  --reserved-share: must be between 0 and 1');
    expect(bad.stderr).toContain('  --end: must not be before startDate');
    expect(await row()).toMatchObject({ end_date: '2026-01-18', reserved_ops_share: 0.2 });
    const notNumber = await headroom(['sprint', 'set', 'sprinters', 'Sprint 1', '--members', 'four'], env);
    expect([notNumber.code, notNumber.stderr.split('\n')[0]]).toEqual([2, '--members must be a number; got "four"']);
    expect((await headroom(['sprint', 'add', 'sprinters', 'S2', '--start', '2026-02-02'], env)).stderr).toContain('sprint add needs --end');
    expect((await headroom(['sprint', 'add', 'nobody', 'S2', '--start', '2026-02-02', '--end', '2026-02-15'], env)).stderr).toContain('No team with slug "nobody"');

    expect((await headroom(['sprint', 'add', 'sprinters', 'Sprint 2', '--start', '2026-01-19', '--end', '2026-02-01', '--capacity', '150'], env)).code).toBe(0);
    const listed = await headroom(['sprint', 'list', 'sprinters', '--last', '1'], env);
    expect(listed.code, listed.stderr).toBe(0);
    expect(listed.stdout.trim()).toMatch(/^Sprint 2\s+2026-01-19 – 2026-02-01\s+finished\s+150 h\s+ops \S+\s+reserved none\s+\S+/);
    expect(listed.stdout).not.toContain('Sprint 1');

    expect((await headroom(['sprint', 'delete', 'sprinters', 'Sprint 1'], env)).stdout).toContain('Deleted sprint "Sprint 1" of sprinters.');
    expect(await row()).toBeUndefined();
    const again = await headroom(['sprint', 'delete', 'sprinters', 'Sprint 1'], env);
    expect([again.code, again.stderr.trim()]).toEqual([1, 'No sprint "Sprint 1" in team "sprinters".']);
  });
});
