import type { Knex } from 'knex';
import type { Logger } from 'pino';
import { DateTime } from 'luxon';
import { createContext, type Context } from '../figures/context';
import { kpisFor } from '../figures/kpis';
import { listTeams, type TeamRow } from '../teams/queries';
import { sprintActuals } from '../planning/sprints';
import { addDays } from '../core/calendar';
import { todayIn } from '../core/dateRange';
import type { Status } from '../kpi/guardrails';
import { totalsOf, type TeamFigures, type Totals } from '../kpi/groupTotals';
import { teamIdsInGroup } from '../groups/service';
import { listGroups } from '../groups/queries';
import { pathOf } from '../groups/tree';
import { anySubscription, claimEvent, digestTargets, enqueue, subscribedChannels, swapTeamStatus, type SubscriptionTarget } from './queries';
import {
  EVENT_NAME, isNewAlarm, STATUS_ORDER, type DigestGroup, type DigestPayload, type DigestTeam, type Payload, type SprintUnderReservedPayload, type SubscribableEvent,
  type TeamStatusPayload,
} from './events';

/** The window a team's status is judged on: the dashboard's default range, the last 28 days to today. */
export const STATUS_WINDOW_DAYS = 28;
/** A sprint that ended longer ago than this is history, not news: no message when notifications start. */
export const SPRINT_NEWS_DAYS = 7;
const TOP_LOADS = 5;

export interface Evaluation {
  statusAlarms: number;
  sprintsUnderReserved: number;
  digests: number;
  /** Messages written to the outbox. */
  enqueued: number;
}

/**
 * One evaluation of every event (README "Notifications"): each team's status against the one last
 * recorded (WARN or BREACH reached from a better status), sprints that ended under-reserved, and the
 * previous week's digest once a week. Each decision is recorded with its messages in one
 * transaction, under a lock or a unique key, so two instances evaluating at once send each once.
 * The scheduler calls this; tests call it directly with their own clock.
 */
export async function evaluateNotifications(db: Knex, log: Logger, now = new Date()): Promise<Evaluation> {
  const result: Evaluation = { statusAlarms: 0, sprintsUnderReserved: 0, digests: 0, enqueued: 0 };
  const teams = await listTeams(db);
  const ctx = createContext(db, log);
  // Nothing is computed for an event no channel takes: an install without notifications pays nothing.
  if (await anySubscription(db, 'TEAM_STATUS')) await statusChanges(db, ctx, teams, now, result);
  if (await anySubscription(db, 'SPRINT_UNDER_RESERVED')) await underReservedSprints(db, ctx, teams, now, result);
  if (await anySubscription(db, 'WEEKLY_DIGEST')) await weeklyDigest(db, ctx, teams, now, result);
  return result;
}

/** The messages of one event to every channel subscribed to it about its target (queries.ts subscribedChannels). */
async function notify(trx: Knex.Transaction, event: SubscribableEvent, about: SubscriptionTarget, payload: Payload, at: Date): Promise<number> {
  const channels = await subscribedChannels(trx, event, about);
  const teamId = about && 'teamId' in about ? about.teamId : null;
  const ids = await enqueue(trx, channels.map((c) => ({ channelId: c.id, channelName: c.name, event: EVENT_NAME[event], teamId, payload, at })));
  return ids.length;
}

const teamRef = (t: TeamRow) => ({ slug: t.slug, name: t.name });

async function statusChanges(db: Knex, ctx: Context, teams: TeamRow[], now: Date, result: Evaluation) {
  const judged = await Promise.all(
    teams.map(async (team) => {
      const to = todayIn(team.timezone, now);
      const range = { from: addDays(to, -(STATUS_WINDOW_DAYS - 1)), to };
      return { team, range, kpis: await kpisFor(team, range, ctx) };
    }),
  );
  for (const { team, range, kpis } of judged) {
    await db.transaction(async (trx) => {
      const previous = await swapTeamStatus(trx, team.id, kpis.status, now);
      if (!isNewAlarm(previous, kpis.status)) return;
      const payload: TeamStatusPayload = {
        team: teamRef(team),
        status: kpis.status as 'WARN' | 'BREACH',
        previousStatus: previous,
        range,
        opsShare: kpis.opsShare,
        rules: kpis.rules
          .filter((r) => r.status === 'WARN' || r.status === 'BREACH')
          .sort((a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status])
          .map((r) => ({ rule: r.rule, status: r.status, value: r.value, limit: r.limit, message: r.message })),
      };
      result.statusAlarms++;
      result.enqueued += await notify(trx, 'TEAM_STATUS', { teamId: team.id }, payload, now);
    });
  }
}

async function underReservedSprints(db: Knex, ctx: Context, teams: TeamRow[], now: Date, result: Evaluation) {
  for (const team of teams) {
    const since = addDays(todayIn(team.timezone, now), -SPRINT_NEWS_DAYS);
    const sprints = await sprintActuals(db, team, await ctx.loadModels.load(team.id), 3);
    for (const s of sprints.filter((x) => x.underReserved && !x.synthetic && x.endDate >= since)) {
      await db.transaction(async (trx) => {
        if (!(await claimEvent(trx, `sprint.under_reserved:${team.id}:${s.startDate}:${s.endDate}`))) return;
        const payload: SprintUnderReservedPayload = {
          team: teamRef(team),
          sprint: { name: s.name, startDate: s.startDate, endDate: s.endDate },
          reservedOpsShare: s.reservedOpsShare!,
          opsShare: s.opsShare!,
          opsHours: s.opsHours,
          capacityHours: s.capacityHours,
        };
        result.sprintsUnderReserved++;
        result.enqueued += await notify(trx, 'SPRINT_UNDER_RESERVED', { teamId: team.id }, payload, now);
      });
    }
  }
}

/** The ISO week before `now` (UTC), Monday to Sunday: what a digest sent in the week after covers. */
export function previousWeek(now: Date): { week: string; from: string; to: string } {
  const monday = DateTime.fromJSDate(now, { zone: 'utc' }).startOf('week').minus({ weeks: 1 });
  return { week: `${monday.weekYear}-W${String(monday.weekNumber).padStart(2, '0')}`, from: monday.toISODate()!, to: monday.plus({ days: 6 }).toISODate()! };
}

/**
 * Builds a digest from each team's figures over the week: worst first, then the highest ops share;
 * `totals` are the same teams' totals (kpi/groupTotals.ts), `group` the group it covers (none: the org).
 */
export function digestOf(week: { week: string; from: string; to: string }, teams: DigestTeam[], totals: Totals, group?: DigestGroup): DigestPayload {
  const counts: Record<Status, number> = { OK: 0, WARN: 0, BREACH: 0, NO_DATA: 0 };
  for (const t of teams) counts[t.status]++;
  const byShare = (a: DigestTeam, b: DigestTeam) => (b.opsShare ?? -1) - (a.opsShare ?? -1) || a.slug.localeCompare(b.slug);
  return {
    week: week.week,
    ...(group ? { group } : {}),
    range: { from: week.from, to: week.to },
    counts,
    teams: [...teams].sort((a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status] || byShare(a, b)),
    topLoads: teams.filter((t) => t.opsHours > 0).sort(byShare).slice(0, TOP_LOADS),
    totals,
  };
}

interface WeekFigures {
  teamId: number;
  digest: DigestTeam;
  figures: TeamFigures;
}

const digestOfTeams = (week: ReturnType<typeof previousWeek>, teams: WeekFigures[], group?: DigestGroup) =>
  digestOf(week, teams.map((t) => t.digest), totalsOf(teams.map((t) => t.figures)), group);

/**
 * The previous week's digests, each once: the org's to org-wide subscriptions, and one per
 * subscribed group to that group's subscriptions, covering the teams in it and its nested groups as
 * they are now. Nothing is claimed for a target no enabled channel takes, so a subscription added
 * later in the week still gets that week's digest.
 */
async function weeklyDigest(db: Knex, ctx: Context, teams: TeamRow[], now: Date, result: Evaluation) {
  const targets = await digestTargets(db);
  if (!targets.org && targets.groupIds.length === 0) return;
  const week = previousWeek(now);
  const figures = await Promise.all(
    teams.map(async (team): Promise<WeekFigures> => {
      const k = await kpisFor(team, { from: week.from, to: week.to }, ctx);
      return { teamId: team.id, digest: { ...teamRef(team), status: k.status, opsShare: k.opsShare, opsHours: k.opsHours }, figures: k };
    }),
  );
  if (targets.org) {
    await db.transaction(async (trx) => {
      if (!(await claimEvent(trx, `digest.weekly:${week.week}`))) return;
      result.digests++;
      result.enqueued += await notify(trx, 'WEEKLY_DIGEST', null, digestOfTeams(week, figures), now);
    });
  }
  const groups = targets.groupIds.length ? await listGroups(db) : [];
  for (const groupId of targets.groupIds) {
    const group = groups.find((g) => g.id === groupId);
    if (!group) continue; // unsubscribed and deleted since digestTargets read it
    const members = new Set(await teamIdsInGroup(db, groupId));
    await db.transaction(async (trx) => {
      if (!(await claimEvent(trx, `digest.weekly:${week.week}:group:${groupId}`))) return;
      result.digests++;
      const payload = digestOfTeams(week, figures.filter((f) => members.has(f.teamId)), { id: String(group.id), name: group.name, path: pathOf(groups, group.id) });
      result.enqueued += await notify(trx, 'WEEKLY_DIGEST', { groupId }, payload, now);
    });
  }
}
