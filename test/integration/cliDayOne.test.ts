import { describe, it, expect, afterAll } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import type { Knex } from 'knex';
import { createDb } from '../../server/db/index';
import { scopeFor } from '../../server/core/scope';
import { visibleTeam } from '../../server/teams/visible';
import { effectiveLoadModel } from '../../server/signals/loadModelQueries';
import { teamPlan } from '../../server/planning/plan';
import { cliDatabase, headroom } from './cliHarness';

/**
 * Day one from the command line (issue 17): an empty database, a team, a daily CSV file and three
 * finished sprints, all with `headroom` commands, then the sprints judged and a plan with its status.
 * The figures are the worked example's shape: 5 members × 10 working days × 6 h = 300 h a sprint.
 */
describe('day one with the command line (PostgreSQL)', () => {
  let db: Knex | undefined;
  let drop: (() => Promise<void>) | undefined;
  afterAll(async () => {
    await db?.destroy();
    await drop?.();
  });

  it('team add, import, sprint add ×3, sprint list judged, and a plan for the next sprint', { timeout: 300_000 }, async () => {
    const fresh = await cliDatabase('dayone');
    drop = fresh.drop;
    const { env } = fresh;
    const run = async (...args: string[]) => {
      const r = await headroom(args, env);
      expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(0);
      return r.stdout;
    };

    expect(await run('team', 'add', 'payments', '--name', 'Payments', '--members', '5')).toContain('Created team:');
    // 30 h, 60 h and 180 h of toil: 10%, 20% and 60% of the three sprints' 300 h.
    const csv = path.join(fresh.tmp, 'daily.csv');
    fs.writeFileSync(csv, 'team,date,toilHours,alerts\npayments,2026-10-20,30,\npayments,2026-11-03,60,\npayments,2026-11-17,180,\n');
    expect(await run('import', csv, '--kind', 'daily')).toContain('3 inserted, 0 updated, 0 unchanged.');
    await run('sprint', 'add', 'payments', 'Sprint 1', '--start', '2026-10-19', '--end', '2026-11-01', '--reserved-share', '0.2');
    await run('sprint', 'add', 'payments', 'Sprint 2', '--start', '2026-11-02', '--end', '2026-11-15', '--reserved-share', '0.2');
    await run('sprint', 'add', 'payments', 'Sprint 3', '--start', '2026-11-16', '--end', '2026-11-29', '--reserved-share', '0.25');

    const listed = (await run('sprint', 'list', 'payments')).trimEnd().split('\n');
    expect(listed[0]).toMatch(/^Sprint 3\s+2026-11-16 – 2026-11-29\s+finished\s+300 h\s+ops 60% under-reserved\s+reserved 25% \(75 h\)\s+BREACH$/);
    expect(listed[1]).toBe('    BREACH opsCeiling: Ops took 60% of capacity, above the 50% ceiling.');
    expect(listed[2]).toMatch(/^Sprint 2\s+2026-11-02 – 2026-11-15\s+finished\s+300 h\s+ops 20%\s+reserved 20% \(60 h\)\s+OK$/);
    expect(listed[3]).toMatch(/^Sprint 1\s+2026-10-19 – 2026-11-01\s+finished\s+300 h\s+ops 10%\s+reserved 20% \(60 h\)\s+OK$/);
    expect(listed).toHaveLength(4);

    // The plan the dashboard shows, read through the planning service: 4/7 × 60% + 2/7 × 20% + 1/7 × 10% ≈ 41.4%, up to 45%.
    db = createDb({ databaseUrl: fresh.url });
    const team = (await visibleTeam(scopeFor(db), 'payments'))!;
    const plan = await teamPlan(db, team, await effectiveLoadModel(db, team.id));
    expect(plan).toMatchObject({ startDate: '2026-11-30', endDate: '2026-12-13', capacityHours: 300, projectedOpsShare: 0.4143, recommendedOpsShare: 0.45, basedOn: ['Sprint 3', 'Sprint 2', 'Sprint 1'] });
    // 41.4% is within 80% of the 50% ceiling: the plan warns, and says so.
    expect(plan.status).toBe('WARN');
    expect(plan.rules.filter((r) => r.status !== 'OK').map((r) => r.rule)).toEqual(['projectedOpsShare']);
    expect(plan.explanation).toContain('For 2026-11-30 to 2026-12-13, reserve 135 h of the 300 h capacity for ops (45%), leaving 165 h for feature work.');
  });
});
