import type { Status } from '../kpi/guardrails';
import type { Totals } from '../kpi/groupTotals';

/** The events a subscription can ask for, as the API names them. */
export const SUBSCRIBABLE = ['TEAM_STATUS', 'SPRINT_UNDER_RESERVED', 'WEEKLY_DIGEST'] as const;
export type SubscribableEvent = (typeof SUBSCRIBABLE)[number];

/** The event as a message carries it (`event` of the JSON body), including the test message. */
export type EventName = 'team.status' | 'sprint.under_reserved' | 'digest.weekly' | 'test';

export const EVENT_NAME: Record<SubscribableEvent, EventName> = {
  TEAM_STATUS: 'team.status',
  SPRINT_UNDER_RESERVED: 'sprint.under_reserved',
  WEEKLY_DIGEST: 'digest.weekly',
};

export interface TeamRef {
  slug: string;
  name: string;
}

export interface RuleBreach {
  rule: string;
  status: Status;
  value: number | null;
  limit: number;
  message: string;
}

export interface TeamStatusPayload {
  team: TeamRef;
  status: 'WARN' | 'BREACH';
  /** The status last notified (null: never evaluated before). */
  previousStatus: Status | null;
  /** The window judged: the dashboard's default, the last 28 days to today in the team's zone. */
  range: { from: string; to: string };
  opsShare: number | null;
  /** The rules at WARN or BREACH, worst first. */
  rules: RuleBreach[];
}

export interface SprintUnderReservedPayload {
  team: TeamRef;
  sprint: { name: string; startDate: string; endDate: string };
  reservedOpsShare: number;
  opsShare: number;
  opsHours: number;
  capacityHours: number;
}

export interface DigestTeam extends TeamRef {
  status: Status;
  opsShare: number | null;
  opsHours: number;
}

/** The group a group digest covers; its path names it from the top group down ("Platform / Data"). */
export interface DigestGroup {
  id: string;
  name: string;
  path: string;
}

export interface DigestPayload {
  /** ISO week the digest covers, e.g. 2026-W48 (Monday to Sunday). */
  week: string;
  /** The group whose teams (nested groups' included) it covers; absent for the org's digest. */
  group?: DigestGroup;
  range: { from: string; to: string };
  counts: Record<Status, number>;
  /** Every team, worst status first, then by ops share. */
  teams: DigestTeam[];
  /** The highest ops shares (at most five). */
  topLoads: DigestTeam[];
  /** The teams' totals over the week, as the overview's group and org rows sum them (kpi/groupTotals.ts). */
  totals: Totals;
}

export interface TestPayload {
  message: string;
  requestedBy: string;
}

export type Payload = TeamStatusPayload | SprintUnderReservedPayload | DigestPayload | TestPayload;

/** How bad a status is for alarms: no data is not an alarm, so it ranks with OK. */
const ALARM_RANK: Record<Status, number> = { OK: 0, NO_DATA: 0, WARN: 1, BREACH: 2 };

/** True when `current` is WARN or BREACH and worse than the status last notified (none counts as OK). */
export function isNewAlarm(previous: Status | null, current: Status): boolean {
  return ALARM_RANK[current] > 0 && ALARM_RANK[current] > ALARM_RANK[previous ?? 'OK'];
}

/** Statuses worst first, for lists. */
export const STATUS_ORDER: Record<Status, number> = { BREACH: 0, WARN: 1, NO_DATA: 2, OK: 3 };
