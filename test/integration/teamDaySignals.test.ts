import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Knex } from 'knex';
import { DB_KINDS, startTestServer, type TestServer } from './harness';
import { upsertDailyMetrics, type DailyMetricsRow } from '../../server/ingest/queries';

// team_day_signals (migrations/20261123140000_performance.ts) is the team_daily_signals view summed
// per team and day, kept by triggers. Whatever writes the base tables — ingestion, re-splits,
// routing, plain SQL, deletes — the two must agree.

const UPSERT_TEAMS = `mutation($input: [TeamInput!]!) { upsertTeams(input: $input) { slug } }`;
const DAILY = `mutation($input: [DailyMetricsInput!]!) { recordDailyMetrics(input: $input) { received } }`;
const PAGES = `mutation($input: [PageInput!]!) { recordPages(input: $input) { received } }`;
const DEPLOYS = `mutation($input: [DeployInput!]!) { recordDeploys(input: $input) { received } }`;
const MODEL = `mutation($team: String, $input: LoadModelInput!) { setLoadModel(team: $team, input: $input) { maxHoursPerPage } }`;

const FIELDS = ['alerts', 'pages', 'page_hours', 'off_hours_page_hours', 'sleep_page_hours', 'sleep_interruptions', 'deploys', 'failed_deploys', 'toil_hours'];
const HOURS = new Set(['page_hours', 'off_hours_page_hours', 'sleep_page_hours', 'toil_hours']);

/**
 * Rollup rows and view sums per team day, which must be equal — exactly: hours enter the rollup as
 * multiples of 2^-20 (fixed_hours, migrations/20261207100000_incremental_rollup.ts), so whether a
 * row was recomputed or kept by deltas, it holds the same sums bit for bit. A rollup row of zeros
 * stands for a day with nothing.
 */
async function differences(db: Knex): Promise<string[]> {
  const sums = FIELDS.map((f) => `SUM(${HOURS.has(f) ? `fixed_hours(${f})` : f})::float8 AS ${f}`).join(', ');
  const view: Record<string, number | string>[] = (await db.raw(`SELECT team_id, date::text AS date, ${sums} FROM team_daily_signals GROUP BY 1, 2`)).rows;
  const rollup: Record<string, number | string>[] = (await db.raw(`SELECT team_id, date::text AS date, ${FIELDS.map((f) => `${f}::float8 AS ${f}`).join(', ')} FROM team_day_signals`)).rows;
  const key = (r: Record<string, number | string>) => `${r.team_id}|${r.date}`;
  const byKey = new Map(rollup.map((r) => [key(r), r]));
  const problems: string[] = [];
  for (const v of view) {
    const r = byKey.get(key(v));
    byKey.delete(key(v));
    for (const f of FIELDS) {
      const got = r ? Number(r[f]) : 0;
      if (got !== Number(v[f])) problems.push(`${key(v)} ${f}: rollup ${got}, view ${v[f]}`);
    }
  }
  for (const [k, r] of byKey) if (FIELDS.some((f) => Number(r[f]) !== 0)) problems.push(`${k}: rollup row without view rows`);
  return problems;
}

/** A small seeded generator (mulberry32), so a failing sequence can be replayed. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Writes of every kind on a few team days, in random order: daily rows inserted, re-sent (ON
 * CONFLICT updates, mixed with inserts in one statement), changed and moved by plain SQL, deleted;
 * page and deploy events of the same sources inserted and deleted, so the rule's flags flip under
 * rows kept by deltas. Hours are arbitrary fractions, which drift when added and subtracted as floats.
 */
async function randomWrites(db: Knex, teams: number[], seed: number, steps: number): Promise<void> {
  const rnd = random(seed);
  const pick = <T>(xs: T[]): T => xs[Math.floor(rnd() * xs.length)];
  const dates = ['2026-06-01', '2026-06-02', '2026-06-03'];
  const sources = ['opsgenie', 'pagerduty', 'github'];
  const hours = () => Math.round(rnd() * 4e6) / 1e6 + rnd() / 3;
  let moved = 0;
  let external = 0;
  for (let step = 0; step < steps; step++) {
    const team = pick(teams);
    const date = pick(dates);
    const source = pick(sources);
    const op = rnd();
    if (op < 0.35) {
      const rows = new Map<string, DailyMetricsRow>();
      for (let i = 0; i < 1 + rnd() * 6; i++) {
        const pageHours = hours();
        const r = { team_id: pick(teams), date: pick(dates), source: pick(sources), service: pick(['', 'api']), alerts: Math.floor(rnd() * 9),
          pages: Math.floor(rnd() * 4), page_hours: pageHours, off_hours_page_hours: pageHours * rnd(), sleep_page_hours: pageHours * rnd() / 2,
          sleep_interruptions: Math.floor(rnd() * 2), deploys: Math.floor(rnd() * 5), failed_deploys: Math.floor(rnd() * 2), toil_hours: hours() };
        rows.set(`${r.team_id}|${r.date}|${r.source}|${r.service}`, r);
      }
      await db.transaction((trx) => upsertDailyMetrics(trx, [...rows.values()]));
    } else if (op < 0.45) {
      await db.raw('UPDATE daily_metrics SET page_hours = page_hours * 1.1 + ?::float8, toil_hours = toil_hours / 3, pages = pages + 1, deploys = deploys + 1 WHERE team_id = ? AND date = ?', [rnd() / 7, team, date]);
    } else if (op < 0.5) {
      // Moves a team day's rows to a day of their own (a key change: old and new keys differ).
      await db.raw('UPDATE daily_metrics SET date = date + ?::int WHERE team_id = ? AND date = ?', [1000 * seed + 10 * ++moved, team, date]);
    } else if (op < 0.6) {
      await db.raw('DELETE FROM daily_metrics WHERE team_id = ? AND (date = ? OR source = ?)', [team, date, source]);
    } else if (op < 0.72) {
      // A page, with hours on its day and, sometimes, the next (across midnight).
      const page = (await db.raw(`INSERT INTO page_events (source, external_id, team_id, triggered_at, local_date) VALUES (?, ?, ?, ?::date + time '22:00', ?) RETURNING id`,
        [source, `${seed}-p-${++external}`, team, date, date])).rows[0].id;
      if (rnd() < 0.7) {
        const next = dates[(dates.indexOf(date) + 1) % dates.length];
        await db('page_event_days').insert([{ page_id: page, team_id: team, date, business_hours: hours(), off_hours: hours(), sleep_hours: 0 },
          ...(rnd() < 0.5 ? [{ page_id: page, team_id: team, date: next, business_hours: 0, off_hours: hours(), sleep_hours: hours() }] : [])]);
      }
    } else if (op < 0.8) {
      await db.raw('DELETE FROM page_events WHERE id = (SELECT id FROM page_events WHERE team_id = ? ORDER BY random() LIMIT 1)', [team]);
    } else if (op < 0.9) {
      await db('deploy_events').insert({ source, external_id: `${seed}-d-${++external}`, team_id: team, environment: pick(['production', 'staging']),
        deployed_at: new Date(`${date}T12:00:00Z`), status: pick(['SUCCEEDED', 'FAILED']), local_date: date });
    } else if (op < 0.95) {
      await db.raw(`UPDATE deploy_events SET environment = CASE WHEN environment = 'staging' THEN 'production' ELSE 'staging' END WHERE team_id = ? AND local_date = ?`, [team, date]);
    } else {
      await db.raw('DELETE FROM deploy_events WHERE team_id = ? AND source = ?', [team, source]);
    }
  }
}

/**
 * `first` in one transaction, then `second` in another while the first is still open (it may wait
 * on the first's locks); the first commits 200 ms later, then the second.
 */
async function overlapping(db: Knex, first: (t: Knex.Transaction) => Promise<unknown>, second: (t: Knex.Transaction) => Promise<unknown>) {
  const t1 = await db.transaction();
  const t2 = await db.transaction();
  try {
    await first(t1);
    const waiting = second(t2).then(() => t2.commit());
    await new Promise((r) => setTimeout(r, 200));
    await t1.commit();
    await waiting;
  } catch (e) {
    await t1.rollback().catch(() => undefined);
    await t2.rollback().catch(() => undefined);
    throw e;
  }
}

describe.each(DB_KINDS)('team_day_signals on %s', (kind) => {
  let s: TestServer;
  const ok = async (query: string, variables?: Record<string, unknown>) => {
    const res = await s.gql(query, variables);
    expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
    return res.data;
  };

  beforeAll(async () => {
    s = await startTestServer(kind);
    await ok(UPSERT_TEAMS, { input: [
      { slug: 'ber', name: 'Berlin', timezone: 'Europe/Berlin', members: 5 },
      { slug: 'nyc', name: 'New York', timezone: 'America/New_York', members: 4 },
    ] });
  });
  afterAll(() => s?.close());

  it('agrees with the view after ingestion, with events replacing their source daily figures', async () => {
    await ok(DAILY, { input: [
      { team: 'ber', date: '2026-03-10', source: 'opsgenie', alerts: 5, pages: 2, pageHours: 3, sleepPageHours: 1, sleepInterruptions: 1, deploys: 4, failedDeploys: 1, toilHours: 2.5 },
      { team: 'ber', date: '2026-03-10', source: 'opsgenie', service: 'api', alerts: 1, pages: 1, pageHours: 0.5 },
      { team: 'ber', date: '2026-03-11', source: 'pagerduty', pages: 3, pageHours: 2 },
      { team: 'ber', date: '2026-03-12', source: 'github', deploys: 6, failedDeploys: 2 },
      { team: 'nyc', date: '2026-03-10', source: 'opsgenie', alerts: 7, toilHours: 1.25 },
    ] });
    await ok(PAGES, { input: [
      // Same source as the daily row of the 10th: replaces its page figures.
      { source: 'opsgenie', externalId: 'o-1', team: 'ber', triggeredAt: '2026-03-10T09:00:00+01:00', resolvedAt: '2026-03-10T10:20:00+01:00' },
      // Across midnight: hours on the 11th and 12th, and pagerduty's daily row of the 11th is replaced.
      { source: 'pagerduty', externalId: 'p-1', team: 'ber', triggeredAt: '2026-03-11T22:30:00+01:00', resolvedAt: '2026-03-12T01:00:00+01:00' },
      { source: 'pagerduty', externalId: 'p-2', team: 'nyc', triggeredAt: '2026-03-10T03:00:00-05:00' },
    ] });
    await ok(DEPLOYS, { input: [
      { source: 'github', externalId: 'g-1', team: 'ber', deployedAt: '2026-03-12T10:00:00+01:00', status: 'FAILED' },
      { source: 'github', externalId: 'g-2', team: 'ber', deployedAt: '2026-03-13T10:00:00+01:00', status: 'SUCCEEDED', environment: 'staging' },
    ] });
    expect(await differences(s.db)).toEqual([]);
  });

  it('agrees after updates: a resolved page, a re-sent daily row, a new page cap, a new time zone', async () => {
    await ok(PAGES, { input: [{ source: 'pagerduty', externalId: 'p-2', team: 'nyc', triggeredAt: '2026-03-10T03:00:00-05:00', resolvedAt: '2026-03-10T05:00:00-05:00' }] });
    await ok(DAILY, { input: [{ team: 'ber', date: '2026-03-10', source: 'opsgenie', alerts: 9, deploys: 1 }] });
    await ok(MODEL, { team: 'ber', input: { maxHoursPerPage: 1 } });
    await ok(UPSERT_TEAMS, { input: [{ slug: 'nyc', name: 'New York', timezone: 'Asia/Tokyo' }] });
    expect(await differences(s.db)).toEqual([]);
  });

  it('agrees after an unrouted page is attributed by a new source mapping', async () => {
    await s.db('page_events').insert({
      source: 'pagerduty', external_id: 'u-1', team_id: null, routing_key: 'PSVC1', service: '',
      triggered_at: new Date('2026-03-15T02:00:00Z'), resolved_at: new Date('2026-03-15T04:30:00Z'),
    });
    await ok(`mutation { setSourceMapping(input: { source: "pagerduty", key: "PSVC1", team: "ber" }) { source } }`);
    expect((await s.db('page_events').where({ external_id: 'u-1' }).first()).local_date).not.toBeNull();
    expect(await differences(s.db)).toEqual([]);
  });

  it('agrees after writes outside the services: SQL updates, moves between teams and deletes', async () => {
    const ber = (await s.db('teams').where({ slug: 'ber' }).first()).id;
    const nyc = (await s.db('teams').where({ slug: 'nyc' }).first()).id;
    await s.db('deploy_events').where({ external_id: 'g-2' }).update({ environment: 'Production' });
    await s.db('page_events').where({ external_id: 'o-1' }).update({ team_id: nyc });
    expect(await differences(s.db)).toEqual([]);
    await s.db('page_events').where({ external_id: 'p-1' }).delete(); // its page days cascade
    await s.db('daily_metrics').where({ team_id: ber, source: 'github' }).delete();
    expect(await differences(s.db)).toEqual([]);
    await s.db('teams').where({ id: nyc }).delete();
    expect(await differences(s.db)).toEqual([]);
    expect(Number((await s.db('team_day_signals').where({ team_id: nyc }).count('* as n').first())!.n)).toBe(0);
  });

  it('is rebuilt when a table it reads is truncated', async () => {
    await ok(DAILY, { input: [{ team: 'ber', date: '2026-05-01', source: 'opsgenie', alerts: 2 }] });
    await s.db.raw('TRUNCATE daily_metrics');
    expect(await differences(s.db)).toEqual([]);
    expect(Number((await s.db('team_day_signals').sum('alerts as n').first())!.n)).toBe(0);
  });

  it('stays exactly equal to a recomputation through random writes that flip the double-counting rule', async () => {
    const input = [{ slug: 'rnd-a', name: 'Random A', timezone: 'UTC' }, { slug: 'rnd-b', name: 'Random B', timezone: 'Europe/Berlin' }];
    await ok(UPSERT_TEAMS, { input });
    const teams: number[] = (await s.db('teams').whereIn('slug', input.map((t) => t.slug)).select('id')).map((t) => t.id);
    for (const seed of [1, 2, 3]) {
      await randomWrites(s.db, teams, seed, 120);
      expect(await differences(s.db), `seed ${seed}`).toEqual([]);
    }
    // and a full rebuild leaves every row as the deltas had it
    const before = (await s.db.raw('SELECT * FROM team_day_signals WHERE team_id = ANY (?) ORDER BY team_id, date', [teams])).rows;
    await s.db.raw('SELECT rebuild_team_day_signals_now()');
    const rebuilt = (await s.db.raw('SELECT * FROM team_day_signals WHERE team_id = ANY (?) ORDER BY team_id, date', [teams])).rows;
    const nonZero = (rows: Record<string, unknown>[]) => rows.filter((r) => FIELDS.some((f) => Number(r[f]) !== 0));
    expect(nonZero(rebuilt)).toEqual(nonZero(before));
    expect(nonZero(rebuilt).length).toBeGreaterThan(5);
  });

  it.runIf(kind === 'postgres')('loses no update when two transactions write the same team day at once', async () => {
    const ber = (await s.db('teams').where({ slug: 'ber' }).first()).id;
    const row = (source: string) => ({ team_id: ber, date: '2026-04-01', source, alerts: 3 });
    // The second blocks on the team day's row lock until the first commits, then recomputes with its row.
    await overlapping(s.db, (t1) => t1('daily_metrics').insert(row('a')), (t2) => t2('daily_metrics').insert(row('b')));
    expect((await s.db('team_day_signals').where({ team_id: ber, date: '2026-04-01' }).first()).alerts).toBe(6);
    expect(await differences(s.db)).toEqual([]);
  });

  it.runIf(kind === 'postgres')('masks a daily row written while a page of its source is being recorded, whichever commits first', async () => {
    const team = (await s.db('teams').where({ slug: 'rnd-a' }).first()).id;
    for (const [date, first] of [['2026-07-01', 'page'], ['2026-07-02', 'daily']] as const) {
      const page = (trx: Knex.Transaction) => trx.raw(`INSERT INTO page_events (source, external_id, team_id, triggered_at, local_date) VALUES ('pagerduty', ?, ?, ?::date + time '09:00', ?)`, [`c-${date}`, team, date, date]);
      const daily = (trx: Knex.Transaction) => upsertDailyMetrics(trx, [{ team_id: team, date, source: 'pagerduty', service: '', alerts: 4, pages: 3, page_hours: 2.5,
        off_hours_page_hours: 1, sleep_page_hours: 0.5, sleep_interruptions: 1, deploys: 0, failed_deploys: 0, toil_hours: 0 }]);
      // The second waits for the first's locks, then counts its rows against what the first committed.
      await overlapping(s.db, first === 'page' ? page : daily, first === 'page' ? daily : page);
      const row = await s.db('team_day_signals').where({ team_id: team, date }).first();
      // The page counts once; the daily row's page figures are replaced by it, its alerts are not.
      expect({ alerts: row.alerts, pages: row.pages, page_hours: row.page_hours }, `${first} first`).toEqual({ alerts: 4, pages: 1, page_hours: 0 });
    }
    expect(await differences(s.db)).toEqual([]);
  });
});
