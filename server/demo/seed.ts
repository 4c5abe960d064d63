import type { Knex } from 'knex';
import { DateTime } from 'luxon';
import { upsertTeams } from '../teams/service';
import { recordDailyMetrics } from '../ingest/dailyMetrics';
import { recordPages } from '../ingest/pages';
import { recordDeploys } from '../ingest/deploys';
import { upsertSprints } from '../planning/sprints';
import { SYSTEM } from '../core/viewer';
import { scopeFor } from '../core/scope';
import { seedDemoNotifications } from './notifications';
import { createGroup, setTeamGroup } from '../groups/service';
import { groupByName } from '../groups/queries';

/** A demo team and the shape of its operational load. */
interface Profile {
  slug: string;
  name: string;
  timezone: string;
  members: number;
  alertsPerDay: number;
  pagesPerDay: number;
  deploysPerWeekday: number;
  failureRate: number;
  toilHoursPerWeekday: number;
  /** Days (counted back from today) with an incident storm. */
  badWeek?: [number, number];
  /** Ops share reserved in its recorded sprints; undefined: the team records no sprints. */
  reserves?: number;
  /** The name of its group (DEMO_GROUPS); undefined: in no group. */
  group?: string;
}

/** The demo's groups, parents first: two departments, one with a nested group, so the overview shows group rows. */
export const DEMO_GROUPS: { name: string; parent?: string }[] = [
  { name: 'Commerce' },
  { name: 'Infrastructure' },
  { name: 'Data', parent: 'Infrastructure' },
];

export const DEMO_TEAMS: Profile[] = [
  { slug: 'payments', name: 'Payments', timezone: 'Europe/Berlin', members: 7, alertsPerDay: 14, pagesPerDay: 1.6, deploysPerWeekday: 4, failureRate: 0.12, toilHoursPerWeekday: 3, reserves: 0.25, group: 'Commerce' },
  { slug: 'search', name: 'Search', timezone: 'America/New_York', members: 5, alertsPerDay: 2, pagesPerDay: 0.15, deploysPerWeekday: 3, failureRate: 0.03, toilHoursPerWeekday: 0.5, reserves: 0.2, group: 'Infrastructure' },
  { slug: 'platform', name: 'Platform', timezone: 'UTC', members: 6, alertsPerDay: 8, pagesPerDay: 0.4, deploysPerWeekday: 2, failureRate: 0.08, toilHoursPerWeekday: 4, group: 'Infrastructure' },
  { slug: 'mobile-api', name: 'Mobile API', timezone: 'America/Los_Angeles', members: 6, alertsPerDay: 4, pagesPerDay: 0.4, deploysPerWeekday: 2, failureRate: 0.06, toilHoursPerWeekday: 1, badWeek: [24, 18], reserves: 0.2 },
  { slug: 'checkout', name: 'Checkout', timezone: 'Europe/London', members: 8, alertsPerDay: 6, pagesPerDay: 0.5, deploysPerWeekday: 5, failureRate: 0.1, toilHoursPerWeekday: 1.5, reserves: 0.2, group: 'Commerce' },
  { slug: 'data-pipeline', name: 'Data Pipeline', timezone: 'Asia/Kolkata', members: 4, alertsPerDay: 5, pagesPerDay: 0.3, deploysPerWeekday: 1, failureRate: 0.18, toilHoursPerWeekday: 5, group: 'Data' },
];

/** mulberry32: a tiny deterministic PRNG, so every demo database holds the same figures. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function poisson(rand: () => number, lambda: number): number {
  const limit = Math.exp(-lambda);
  let k = 0;
  for (let p = rand(); p > limit; p *= rand()) k++;
  return k;
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/** Daily figures for one team over the last `days` days, ending today in its time zone. */
export function demoDailyMetrics(p: Profile, days: number, today: DateTime, seed: number) {
  const rand = prng(seed);
  const records = [];
  for (let back = days - 1; back >= 0; back--) {
    const day = today.minus({ days: back });
    const weekday = day.weekday <= 5;
    const storm = p.badWeek && back <= p.badWeek[0] && back >= p.badWeek[1] ? 5 : 1;
    const pages = poisson(rand, p.pagesPerDay * storm);
    let businessHours = 0;
    let offHours = 0;
    let sleepHours = 0;
    let sleepInterruptions = 0;
    for (let i = 0; i < pages; i++) {
      const h = 0.25 + rand() * 1.75 * (storm > 1 ? 2 : 1);
      const when = rand();
      if (when < 0.3) { sleepHours += h; sleepInterruptions++; }
      else if (when < 0.5 || !weekday) offHours += h;
      else businessHours += h;
    }
    const deploys = weekday ? poisson(rand, p.deploysPerWeekday) : 0;
    let failedDeploys = 0;
    for (let i = 0; i < deploys; i++) if (rand() < p.failureRate * (storm > 1 ? 2 : 1)) failedDeploys++;
    records.push({
      team: p.slug,
      date: day.toISODate()!,
      source: 'demo',
      alerts: poisson(rand, p.alertsPerDay * storm * (weekday ? 1 : 0.6)),
      pages,
      // Classes are rounded first and summed, so the split never exceeds the total.
      pageHours: round2(round2(businessHours) + round2(offHours) + round2(sleepHours)),
      offHoursPageHours: round2(offHours),
      sleepPageHours: round2(sleepHours),
      sleepInterruptions,
      deploys,
      failedDeploys,
      toilHours: weekday ? round2(p.toilHoursPerWeekday * (0.5 + rand())) : 0,
    });
  }
  return records;
}

export const DEMO_DAYS = 183;

/** Replaces the demo teams' data with a fresh half year ending today. */
export function seedDemo(db: Knex, now: Date = new Date()): Promise<{ teams: number; dailyRecords: number }> {
  // One transaction: a seed that fails half-way leaves no half-seeded database behind.
  return db.transaction((trx) => seedDemoIn(trx, now));
}

/** Fortnightly sprints, Monday to Sunday, the newest ending on the last Sunday before today. */
export function demoSprints(p: Profile, today: DateTime, count = 12) {
  const lastEnd = today.minus({ days: today.weekday === 7 ? 7 : today.weekday });
  return Array.from({ length: count }, (_, k) => {
    const end = lastEnd.minus({ days: 14 * k });
    return {
      team: p.slug,
      name: `Sprint ${40 - k}`,
      startDate: end.minus({ days: 13 }).toISODate()!,
      endDate: end.toISODate()!,
      reservedOpsShare: p.reserves,
    };
  });
}

/**
 * Page and deploy events for the last `days` days, from the same random stream as the daily
 * figures: they carry what aggregates cannot (durations, lead times) for the medians and DORA.
 * Events of source "demo" replace that source's daily page and deploy figures on their days.
 */
export function demoEvents(p: Profile, daily: ReturnType<typeof demoDailyMetrics>, days: number, seed: number) {
  const rand = prng(seed);
  const pages = [];
  const deploys = [];
  for (const d of daily.slice(-days)) {
    const day = DateTime.fromISO(d.date, { zone: p.timezone });
    for (let i = 0; i < d.pages; i++) {
      const triggered = day.plus({ minutes: Math.floor(rand() * 24 * 60) });
      const resolved = triggered.plus({ minutes: 10 + Math.floor(rand() * 110) });
      pages.push({
        source: 'demo', externalId: `${p.slug}-${d.date}-p${i}`, team: p.slug, urgency: rand() < 0.8 ? 'HIGH' : 'LOW',
        service: rand() < 0.6 ? 'api' : 'worker',
        triggeredAt: triggered.toISO()!, acknowledgedAt: triggered.plus({ minutes: 1 + Math.floor(rand() * 12) }).toISO()!, resolvedAt: resolved.toISO()!,
      });
    }
    for (let i = 0; i < d.deploys; i++) {
      deploys.push({
        source: 'demo', externalId: `${p.slug}-${d.date}-d${i}`, team: p.slug, service: rand() < 0.6 ? 'api' : 'worker', environment: 'production',
        deployedAt: day.plus({ hours: 9 + i, minutes: Math.floor(rand() * 50) }).toISO()!,
        status: i < d.failedDeploys ? (rand() < 0.5 ? 'FAILED' : 'ROLLED_BACK') : 'SUCCEEDED',
        leadTimeSeconds: Math.round(3600 * (1 + rand() * 40)),
      });
    }
  }
  return { pages, deploys };
}

const EVENT_DAYS = 28;

const DEMO_PEOPLE = ['Ana', 'Ben', 'Chloé', 'Dev', 'Emre', 'Fatima', 'Gus', 'Hana', 'Ivan', 'Jo', 'Kemal', 'Lena', 'Mo', 'Nia'];

/**
 * Who carried each demo page: the team's first few people (one per member, at most five), the
 * first of them far more often than the last (weights 5, 3, 2, 1, 1), as on a team where one
 * person is the expert everyone escalates to — so the team page shows an uneven, realistic
 * spread. One page in six escalated to a second person, who counts too. A random stream of its
 * own, so the demo's page times and figures stay as they were before pages had responders.
 */
export function withDemoResponders<T extends object>(pages: T[], teamIndex: number, members: number, seed: number): (T & { responders: string[] })[] {
  const rand = prng(seed);
  const roster = Array.from({ length: Math.min(5, members) }, (_, k) => DEMO_PEOPLE[(teamIndex * 2 + k) % DEMO_PEOPLE.length]);
  const weights = [5, 3, 2, 1, 1].slice(0, roster.length);
  const total = weights.reduce((s, w) => s + w, 0);
  const pick = (except?: string) => {
    for (;;) {
      let r = rand() * total;
      const k = weights.findIndex((w) => (r -= w) < 0);
      const person = roster[k === -1 ? roster.length - 1 : k];
      if (person !== except) return person;
    }
  };
  return pages.map((page) => {
    const first = pick();
    return { ...page, responders: roster.length > 1 && rand() < 1 / 6 ? [first, pick(first)] : [first] };
  });
}

async function seedDemoIn(db: Knex, now: Date): Promise<{ teams: number; dailyRecords: number }> {
  await upsertTeams(db, DEMO_TEAMS.map(({ slug, name, timezone, members }) => ({ slug, name, timezone, members })), SYSTEM);
  await seedDemoGroups(db);
  let dailyRecords = 0;
  for (const [i, p] of DEMO_TEAMS.entries()) {
    const today = DateTime.fromJSDate(now).setZone(p.timezone).startOf('day');
    const records = demoDailyMetrics(p, DEMO_DAYS, today, 1000 + i);
    const team = db('teams').select('id').where({ slug: p.slug });
    for (const table of ['daily_metrics', 'page_events', 'deploy_events']) await db(table).whereIn('team_id', team.clone()).where({ source: 'demo' }).delete();
    dailyRecords += (await recordDailyMetrics(db, records, SYSTEM)).received;
    const events = demoEvents(p, records, EVENT_DAYS, 2000 + i);
    await recordPages(db, withDemoResponders(events.pages, i, p.members, 3000 + i), SYSTEM);
    await recordDeploys(db, events.deploys, SYSTEM);
    if (p.reserves !== undefined) await upsertSprints(scopeFor(db), demoSprints(p, today));
  }
  await seedDemoNotifications(db);
  return { teams: DEMO_TEAMS.length, dailyRecords };
}

/** Creates the demo groups that are missing (re-seeding keeps those there) and puts the demo teams in them. */
async function seedDemoGroups(db: Knex): Promise<void> {
  const ctx = scopeFor(db);
  const ids = new Map<string, number>();
  for (const g of DEMO_GROUPS) {
    const existing = await groupByName(db, g.name);
    ids.set(g.name, existing?.id ?? (await createGroup(ctx, { name: g.name, parent: g.parent ? ids.get(g.parent) : null })).id);
  }
  for (const p of DEMO_TEAMS) await setTeamGroup(ctx, p.slug, p.group ? ids.get(p.group) : null);
}

/** True when the database holds no team at all: the embedded first start. */
export async function isEmpty(db: Knex): Promise<boolean> {
  const row = await db('teams').count<{ count: number }[]>('* as count').first();
  return Number(row?.count ?? 0) === 0;
}
