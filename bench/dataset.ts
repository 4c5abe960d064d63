import { DateTime } from 'luxon';
import { exponential, pick, poisson, prng } from './random';

/**
 * The org-scale data set of issue 8, generated deterministically from (teams, endDate, seed):
 * per team 2 years (730 days) of daily metrics (one row a day: 146,000 rows for 200 teams),
 * 750 page events and 750 deploy events (150,000 each for 200 teams), fortnightly sprints.
 * Records are in the shape of the GraphQL inputs, so the bench sends them as any producer would.
 */

export const DAYS = 730;
export const PAGES_PER_TEAM = 750;
export const DEPLOYS_PER_TEAM = 750;

const ZONES = ['UTC', 'Europe/Berlin', 'America/New_York', 'America/Los_Angeles', 'Asia/Kolkata', 'Asia/Tokyo', 'Australia/Sydney', 'Europe/London'];
const SERVICES = ['api', 'worker', 'db'];

export interface TeamInput { slug: string; name: string; timezone: string; members: number; focusHoursPerDay: number }
export interface DailyInput {
  team: string; date: string; source: string; alerts: number; pages: number; pageHours: number;
  offHoursPageHours: number; sleepPageHours: number; sleepInterruptions: number; deploys: number; failedDeploys: number; toilHours: number;
}
export interface PageInput {
  source: string; externalId: string; team: string; service: string; urgency: 'HIGH' | 'LOW';
  triggeredAt: string; acknowledgedAt: string | null; resolvedAt: string | null;
}
export interface DeployInput {
  source: string; externalId: string; team: string; service: string; environment: string;
  deployedAt: string; status: 'SUCCEEDED' | 'FAILED' | 'ROLLED_BACK'; leadTimeSeconds: number | null;
}
export interface SprintInput { team: string; name: string; startDate: string; endDate: string; daysOff: number; reservedOpsShare: number }

export interface Dataset {
  startDate: string;
  endDate: string;
  teams: TeamInput[];
  daily: DailyInput[];
  pages: PageInput[];
  deploys: DeployInput[];
  sprints: SprintInput[];
}

const round2 = (x: number) => Math.round(x * 100) / 100;
const HOUR = 3_600_000;

export function generateDataset(teamCount: number, endDate: string, seed: number): Dataset {
  const end = DateTime.fromISO(endDate, { zone: 'UTC' });
  const start = end.minus({ days: DAYS - 1 });
  // Events happen up to the start of the last day: pages still running then are open.
  const t0 = start.toMillis();
  const t1 = end.toMillis();
  const teams: TeamInput[] = [];
  const daily: DailyInput[] = [];
  const pages: PageInput[] = [];
  const deploys: DeployInput[] = [];
  const sprints: SprintInput[] = [];
  const days = Array.from({ length: DAYS }, (_, d) => {
    const day = start.plus({ days: d });
    return { date: day.toISODate()!, weekday: day.weekday <= 5 };
  });
  for (let n = 0; n < teamCount; n++) {
    const rand = prng(seed * 100_003 + n);
    const slug = `team-${String(n + 1).padStart(4, '0')}`;
    // Some teams are quiet, some noisy: a per-team load factor between 0.3 and 3.
    const noise = 0.3 + 2.7 * rand() ** 2;
    const team: TeamInput = { slug, name: `Team ${n + 1}`, timezone: ZONES[n % ZONES.length], members: 4 + Math.floor(rand() * 7), focusHoursPerDay: 6 };
    teams.push(team);

    for (const { date, weekday } of days) {
      const pagesToday = poisson(rand, 0.2 * noise);
      let off = 0;
      let sleep = 0;
      let business = 0;
      let sleepInterruptions = 0;
      for (let i = 0; i < pagesToday; i++) {
        const h = 0.25 + rand() * 1.5;
        const when = rand();
        if (when < 0.3) { sleep += h; sleepInterruptions++; } else if (when < 0.5 || !weekday) off += h; else business += h;
      }
      daily.push({
        team: slug,
        date,
        source: 'opsgenie',
        alerts: poisson(rand, 4 * noise * (weekday ? 1 : 0.6)),
        pages: pagesToday,
        pageHours: round2(round2(business) + round2(off) + round2(sleep)),
        offHoursPageHours: round2(off),
        sleepPageHours: round2(sleep),
        sleepInterruptions,
        deploys: 0,
        failedDeploys: 0,
        toilHours: weekday ? round2(1.5 * noise * (0.5 + rand())) : 0,
      });
    }

    const triggers = Array.from({ length: PAGES_PER_TEAM }, () => t0 + rand() * (t1 - t0)).sort((a, b) => a - b);
    triggers.forEach((t, i) => {
      const mix = rand();
      const duration = mix < 0.7 ? exponential(rand, 0.5 * HOUR) : mix < 0.95 ? exponential(rand, 3 * HOUR) : (6 + rand() * 10) * HOUR;
      const ack = Math.min(t + exponential(rand, 5 * 60_000), t + duration);
      const resolved = t + duration;
      pages.push({
        source: 'pagerduty',
        externalId: `${slug}-p${i}`,
        team: slug,
        service: pick(rand, SERVICES),
        urgency: rand() < 0.8 ? 'HIGH' : 'LOW',
        triggeredAt: new Date(Math.round(t)).toISOString(),
        acknowledgedAt: ack < t1 ? new Date(Math.round(ack)).toISOString() : null,
        resolvedAt: resolved < t1 ? new Date(Math.round(resolved)).toISOString() : null,
      });
    });

    const deployTimes = Array.from({ length: DEPLOYS_PER_TEAM }, () => t0 + rand() * (t1 - t0)).sort((a, b) => a - b);
    deployTimes.forEach((t, i) => {
      const s = rand();
      deploys.push({
        source: 'github',
        externalId: `${slug}-d${i}`,
        team: slug,
        service: pick(rand, SERVICES),
        environment: rand() < 0.9 ? 'production' : 'staging',
        deployedAt: new Date(Math.round(t)).toISOString(),
        status: s < 0.88 ? 'SUCCEEDED' : s < 0.96 ? 'FAILED' : 'ROLLED_BACK',
        leadTimeSeconds: rand() < 0.8 ? Math.round(exponential(rand, 86_400)) : null,
      });
    });

    // Fortnightly sprints on a Monday grid, from the one holding the first day to the running one.
    const anchor = DateTime.fromISO('2020-01-06', { zone: 'UTC' });
    let s = anchor.plus({ days: Math.floor(start.diff(anchor, 'days').days / 14) * 14 });
    for (let k = 1; s <= end; k++, s = s.plus({ days: 14 })) {
      sprints.push({
        team: slug,
        name: `Sprint ${k}`,
        startDate: s.toISODate()!,
        endDate: s.plus({ days: 13 }).toISODate()!,
        daysOff: Math.floor(rand() * 4),
        reservedOpsShare: round2(0.2 + 0.05 * Math.floor(rand() * 4)),
      });
    }
  }
  return { startDate: start.toISODate()!, endDate: end.toISODate()!, teams, daily, pages, deploys, sprints };
}
