/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** Size of the buckets of a time series. */
export type Bucket =
  /** One point per calendar day. */
  | 'DAY'
  /** One point per sprint of the team. */
  | 'SPRINT'
  /** One point per ISO week (Monday to Sunday), clipped to the range. */
  | 'WEEK';

/** An inclusive range of calendar dates (at most three years). */
export type DateRange = {
  /** First day of the range, inclusive. */
  from: string;
  /** Last day of the range, inclusive. */
  to: string;
};

/** A DORA performance band, from the 2023 Accelerate State of DevOps report. */
export type DoraBand =
  | 'ELITE'
  | 'HIGH'
  | 'LOW'
  | 'MEDIUM';

/** Guardrail fields to change; fields left out keep their current effective value. */
export type GuardrailInput = {
  lookbackSprints?: number | null | undefined;
  maxChangeFailureRate?: number | null | undefined;
  maxPageHoursPerWeek?: number | null | undefined;
  maxSleepInterruptionsPerPersonWeek?: number | null | undefined;
  maxSleepInterruptionsPerWeek?: number | null | undefined;
  opsCeiling?: number | null | undefined;
  reserveAt?: ReserveAt | null | undefined;
  reserveFloor?: number | null | undefined;
};

/** Hour schedule fields to change; fields left out keep their current value. */
export type HourScheduleInput = {
  businessDays?: Array<number> | null | undefined;
  businessEndHour?: number | null | undefined;
  businessStartHour?: number | null | undefined;
  sleepEndHour?: number | null | undefined;
  sleepStartHour?: number | null | undefined;
};

/** Load model fields to change; fields left out keep their current effective value. */
export type LoadModelInput = {
  businessWeight?: number | null | undefined;
  hoursPerFailedDeploy?: number | null | undefined;
  maxHoursPerPage?: number | null | undefined;
  minutesPerAlert?: number | null | undefined;
  offHoursWeight?: number | null | undefined;
  sleepWeight?: number | null | undefined;
};

export type NotificationChannelInput = {
  kind: NotificationChannelKind;
  /** 1–200 characters, unique. */
  name: string;
  /** An http:// or https:// URL without user or password. */
  url: string;
};

/** Where a notification channel posts. */
export type NotificationChannelKind =
  /** A Slack-compatible incoming webhook: a JSON body { text, blocks }. */
  | 'SLACK'
  /** A generic JSON webhook, signed with the channel's secret (header X-Headroom-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of '<t>.<body>'>). */
  | 'WEBHOOK';

/** Changes to a channel; omitted fields stay. */
export type NotificationChannelUpdate = {
  enabled?: boolean | null | undefined;
  name?: string | null | undefined;
  url?: string | null | undefined;
};

/** Where a message stands. */
export type NotificationDeliveryState =
  /** The receiver answered 2xx. */
  | 'DELIVERED'
  /** Given up after the last attempt (or the channel was deleted). */
  | 'FAILED'
  /** Not tried yet. */
  | 'PENDING'
  /** Tried and failed; tried again at nextAttemptAt. */
  | 'RETRYING';

/** What a subscription receives. */
export type NotificationEvent =
  /** A finished sprint's actual ops share exceeded the share it reserved. */
  | 'SPRINT_UNDER_RESERVED'
  /** A team's status turns WARN or BREACH from a better one (judged on the last 28 days); not repeated while it stays. */
  | 'TEAM_STATUS'
  /** Every Monday (UTC), the previous week: teams by status, the highest ops loads and their totals. For the whole org or a group (its nested groups' teams included); not for a single team. */
  | 'WEEKLY_DIGEST';

export type NotificationSubscriptionInput = {
  /** The channel's id. */
  channel: string | number;
  /** At least one; WEEKLY_DIGEST only without a team. */
  events: Array<NotificationEvent>;
  /** A group's id: its teams and its nested groups' teams, including teams added later. Not with team. */
  group?: string | number | null | undefined;
  /** A team's slug. Give a team or a group, not both; neither: the whole org. */
  team?: string | null | undefined;
};

/** What the recommendation reserves before it is clamped to the floor and the ceiling (and rounded up to a 5% step). */
export type ReserveAt =
  /** The 80th percentile of the plan's range (SprintPlan.odds); the projection while there are too few past sprints for a range. */
  | 'P80'
  /** The EWMA projection of the last lookbackSprints finished sprints (the default, the specified rule). */
  | 'PROJECTION';

/** What a token may do. admin: everything; plan: guardrails, load models, sprints, snapshots (and read); ingest: send signals; read: see figures. */
export type Scope =
  | 'admin'
  | 'ingest'
  | 'plan'
  | 'read';

/** What kind of signal. */
export type SignalKind =
  /** A deploy event. */
  | 'DEPLOY'
  /** A page event. */
  | 'PAGE';

/** What to freeze: a label, a range, and teams (all teams when left out or empty). */
export type SnapshotInput = {
  label: string;
  range: DateRange;
  teams?: Array<string> | null | undefined;
};

/** Maps a sender's key to a team. */
export type SourceMappingInput = {
  /** PagerDuty service or team id; GitHub repository full name owner/repo. */
  key: string;
  /** The sender: pagerduty or github. */
  source: string;
  /** Team slug. */
  team: string;
};

/** Creates or updates a sprint by (team, name). */
export type SprintInput = {
  /** Given capacity; omitted means computed from members, working days and focus hours. */
  capacityHours?: number | null | undefined;
  /** Person-days off inside the sprint, subtracted from computed capacity. */
  daysOff?: number | null | undefined;
  endDate: string;
  featurePointsCompleted?: number | null | undefined;
  featurePointsPlanned?: number | null | undefined;
  /** Who was in the sprint (head count); omitted means the team's members count. Capacity is computed from it. */
  members?: number | null | undefined;
  name: string;
  /** The ops share reserved at planning, 0..1. */
  reservedOpsShare?: number | null | undefined;
  startDate: string;
  team: string;
};

/** Where a sprint stands on its team's calendar (the team's time zone). */
export type SprintState =
  /** Ended before today: judged by its guardrail version, the only kind the recommendation learns from. */
  | 'FINISHED'
  /** Runs today: figures are to date (its days so far, against their share of the capacity); never under-reserved yet. */
  | 'IN_PROGRESS'
  /** Starts after today (accepted, not begun): no figures yet. */
  | 'PLANNED';

/** Result of a guardrail rule, judged on the published (rounded) figure. */
export type Status =
  /** Over the limit (under it, for the reserve floor). */
  | 'BREACH'
  /** The window holds no signal at all (no alerts, pages, deploys or toil): nothing to judge, never a green OK. */
  | 'NO_DATA'
  /** Below 80% of the limit. */
  | 'OK'
  /** At 80% of the limit or more, not over it. */
  | 'WARN';

/** Creates a team or updates it by slug; fields left out keep their stored value. */
export type TeamInput = {
  /** true archives the team (as archiveTeam), false restores it; left out keeps it as it is. */
  archived?: boolean | null | undefined;
  focusHoursPerDay?: number | null | undefined;
  /** Changes the team's hour classes; null goes back to the defaults. Stored pages are re-split by the new schedule, as after a time-zone change. */
  hourSchedule?: HourScheduleInput | null | undefined;
  members?: number | null | undefined;
  name: string;
  slug: string;
  timezone?: string | null | undefined;
};

export type TokenInput = {
  expiresAt?: string | null | undefined;
  /** Limit the token to a group (by id): it sees the group's teams and its nested groups' teams, including teams added later. Not with teams, not with admin. */
  group?: string | number | null | undefined;
  name: string;
  scopes: Array<Scope>;
  /** Limit the token to these teams; left out means every team. Not with admin: an admin token is org-wide. */
  teams?: Array<string> | null | undefined;
};

export type UnroutedQueryVariables = Exact<{ [key: string]: never; }>;


export type UnroutedQuery = { unrouted: Array<{ source: string, key: string, label: string, kind: SignalKind, count: number, firstSeen: string, lastSeen: string }>, teams: Array<{ slug: string, name: string }> };

export type SourceMappingsQueryVariables = Exact<{ [key: string]: never; }>;


export type SourceMappingsQuery = { sourceMappings: Array<{ source: string, key: string, createdAt: string, team: { slug: string, name: string } }> };

export type SetSourceMappingMutationVariables = Exact<{
  input: SourceMappingInput;
}>;


export type SetSourceMappingMutation = { setSourceMapping: { source: string, key: string, attributed: number, team: { slug: string, name: string } } | null };

export type WebhookSourcesQueryVariables = Exact<{ [key: string]: never; }>;


export type WebhookSourcesQuery = { webhookSources: Array<{ source: string, name: string, signals: string, path: string, envVar: string, secretConfigured: boolean, lastDeliveryAt: string | null, pending: number, failing: number, rejected: number }> };

export type BackfillsQueryVariables = Exact<{ [key: string]: never; }>;


export type BackfillsQuery = { backfills: Array<{ source: string, command: string, environment: Array<string>, params: string | null, since: string | null, until: string | null, startedAt: string | null, finishedAt: string | null, counts: Array<{ name: string, value: number }> }> };

export type RatedKpisFragment = { alerts: number, pages: number, pageHours: number, businessPageHours: number, offHoursPageHours: number, sleepPageHours: number, sleepInterruptions: number, deploys: number, failedDeploys: number, changeFailureRate: number | null, toilHours: number, opsHours: number, capacityHours: number, opsShare: number | null, status: Status, rules: Array<{ rule: string, status: Status, value: number | null, limit: number, message: string }>, previous: { alerts: number, pages: number, pageHours: number, opsHours: number, opsShare: number | null, sleepInterruptions: number } | null };

export type KpiPointFieldsFragment = { start: string, end: string, days: number, bucketDays: number, sprint: string | null, alerts: number, pages: number, pageHours: number, businessPageHours: number, offHoursPageHours: number, sleepPageHours: number, sleepInterruptions: number, deploys: number, failedDeploys: number, changeFailureRate: number | null, toilHours: number, opsHours: number, opsBreakdown: { pages: number, alerts: number, failedDeploys: number, toil: number } };

export type DoraMetricFieldsFragment = { value: number | null, unit: string, band: DoraBand | null };

export type TotalsFieldsFragment = { teams: number, alerts: number, pages: number, pageHours: number, businessPageHours: number, offHoursPageHours: number, sleepPageHours: number, sleepInterruptions: number, deploys: number, failedDeploys: number, changeFailureRate: number | null, toilHours: number, opsHours: number, capacityHours: number, opsShare: number | null, status: Status };

export type OverviewQueryVariables = Exact<{
  range: DateRange;
}>;


export type OverviewQuery = { overview: Array<{ status: Status, team: { slug: string, name: string, timezone: string, members: number | null, group: { id: string } | null }, kpis: { alerts: number, pages: number, pageHours: number, businessPageHours: number, offHoursPageHours: number, sleepPageHours: number, sleepInterruptions: number, deploys: number, failedDeploys: number, changeFailureRate: number | null, toilHours: number, opsHours: number, capacityHours: number, opsShare: number | null, status: Status, rules: Array<{ rule: string, status: Status, value: number | null, limit: number, message: string }>, previous: { alerts: number, pages: number, pageHours: number, opsHours: number, opsShare: number | null, sleepInterruptions: number } | null } }>, overviewGroups: Array<{ teams: Array<string>, status: Status, group: { id: string, name: string, path: string, depth: number, parent: { id: string } | null }, totals: { teams: number, alerts: number, pages: number, pageHours: number, businessPageHours: number, offHoursPageHours: number, sleepPageHours: number, sleepInterruptions: number, deploys: number, failedDeploys: number, changeFailureRate: number | null, toilHours: number, opsHours: number, capacityHours: number, opsShare: number | null, status: Status } }>, orgTotal: { teams: number, alerts: number, pages: number, pageHours: number, businessPageHours: number, offHoursPageHours: number, sleepPageHours: number, sleepInterruptions: number, deploys: number, failedDeploys: number, changeFailureRate: number | null, toilHours: number, opsHours: number, capacityHours: number, opsShare: number | null, status: Status } };

export type OverviewSeriesQueryVariables = Exact<{
  range: DateRange;
  sparkBucket: Bucket;
}>;


export type OverviewSeriesQuery = { teams: Array<{ slug: string, name: string, series: Array<{ start: string, end: string, days: number, bucketDays: number, alerts: number, pageHours: number }>, spark: Array<{ start: string, end: string, opsHours: number }> }> };

export type FreshnessQueryVariables = Exact<{ [key: string]: never; }>;


export type FreshnessQuery = { freshness: Array<{ source: string, lastReceivedAt: string, latestDate: string | null }> };

export type ViewerQueryVariables = Exact<{ [key: string]: never; }>;


export type ViewerQuery = { viewer: { name: string, scopes: Array<Scope>, teams: Array<string> | null } | null };

export type TeamQueryVariables = Exact<{
  slug: string;
  range: DateRange;
}>;


export type TeamQuery = { team: { slug: string, name: string, timezone: string, members: number | null, focusHoursPerDay: number, archived: boolean, hourSchedule: { businessStartHour: number, businessEndHour: number, sleepStartHour: number, sleepEndHour: number, businessDays: Array<number> }, kpis: { medianTimeToAcknowledgeSeconds: number | null, medianTimeToResolveSeconds: number | null, alerts: number, pages: number, pageHours: number, businessPageHours: number, offHoursPageHours: number, sleepPageHours: number, sleepInterruptions: number, deploys: number, failedDeploys: number, changeFailureRate: number | null, toilHours: number, opsHours: number, capacityHours: number, opsShare: number | null, status: Status, opsBreakdown: { pages: number, alerts: number, failedDeploys: number, toil: number }, rules: Array<{ rule: string, status: Status, value: number | null, limit: number, message: string }>, previous: { alerts: number, pages: number, pageHours: number, opsHours: number, opsShare: number | null, sleepInterruptions: number } | null }, dora: { reportYear: number, deploymentFrequency: { value: number | null, unit: string, band: DoraBand | null }, changeFailureRate: { value: number | null, unit: string, band: DoraBand | null }, leadTime: { value: number | null, unit: string, band: DoraBand | null }, timeToResolve: { value: number | null, unit: string, band: DoraBand | null } }, services: Array<{ service: string, alerts: number, pages: number, pageHours: number, sleepInterruptions: number, deploys: number, failedDeploys: number, toilHours: number, opsHours: number }>, guardrail: { reserveFloor: number, opsCeiling: number, version: number }, sprints: Array<{ name: string, startDate: string, endDate: string, state: SprintState, capacityHours: number, opsHours: number, opsShare: number | null, reservedOpsShare: number | null, underReserved: boolean, status: Status, synthetic: boolean, recordedMembers: number | null, recordedCapacityHours: number | null, daysOff: number, featurePointsPlanned: number | null, featurePointsCompleted: number | null, rules: Array<{ rule: string, status: Status, value: number | null, limit: number, message: string }> }> } | null };

export type TeamSeriesQueryVariables = Exact<{
  slug: string;
  range: DateRange;
  bucket: Bucket;
}>;


export type TeamSeriesQuery = { team: { slug: string, series: Array<{ start: string, end: string, days: number, bucketDays: number, sprint: string | null, alerts: number, pages: number, pageHours: number, businessPageHours: number, offHoursPageHours: number, sleepPageHours: number, sleepInterruptions: number, deploys: number, failedDeploys: number, changeFailureRate: number | null, toilHours: number, opsHours: number, opsBreakdown: { pages: number, alerts: number, failedDeploys: number, toil: number } }> } | null };

export type SnapshotSummaryFieldsFragment = { id: string, label: string, teams: Array<string>, author: string, createdAt: string, range: { from: string, to: string } };

export type SnapshotsQueryVariables = Exact<{
  first: number;
  after?: string | null | undefined;
}>;


export type SnapshotsQuery = { snapshots: { edges: Array<{ cursor: string, node: { id: string, label: string, teams: Array<string>, author: string, createdAt: string, range: { from: string, to: string } } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type SnapshotTeamsQueryVariables = Exact<{ [key: string]: never; }>;


export type SnapshotTeamsQuery = { teams: Array<{ slug: string, name: string }> };

export type CreateSnapshotMutationVariables = Exact<{
  input: SnapshotInput;
}>;


export type CreateSnapshotMutation = { createSnapshot: { id: string, label: string, teams: Array<string>, author: string, createdAt: string, range: { from: string, to: string } } | null };

export type SnapshotQueryVariables = Exact<{
  id: string | number;
}>;


export type SnapshotQuery = { snapshot: { serverVersion: string, schema: string, id: string, label: string, teams: Array<string>, author: string, createdAt: string, data: Array<{ slug: string, name: string, timezone: string, members: number | null, focusHoursPerDay: number, kpis: { days: number, alerts: number, pages: number, pageHours: number, businessPageHours: number, offHoursPageHours: number, sleepPageHours: number, sleepInterruptions: number, deploys: number, failedDeploys: number, changeFailureRate: number | null, toilHours: number, opsHours: number, capacityHours: number, opsShare: number | null, reservedOpsShare: number | null, status: Status, opsBreakdown: { pages: number, alerts: number, failedDeploys: number, toil: number }, rules: Array<{ rule: string, status: Status, value: number | null, limit: number, message: string }> }, guardrail: { version: number, team: string | null, reserveFloor: number, opsCeiling: number, maxPageHoursPerWeek: number, maxSleepInterruptionsPerWeek: number, maxSleepInterruptionsPerPersonWeek: number, maxChangeFailureRate: number, lookbackSprints: number, reserveAt: ReserveAt, reason: string, author: string, createdAt: string | null }, loadModel: { businessWeight: number, offHoursWeight: number, sleepWeight: number, minutesPerAlert: number, hoursPerFailedDeploy: number, maxHoursPerPage: number }, sprints: Array<{ name: string, startDate: string, endDate: string, state: SprintState, capacityHours: number, reservedOpsShare: number | null, opsHours: number, opsShare: number | null, featureHours: number, underReserved: boolean, status: Status, guardrailVersion: number }>, plan: { startDate: string, endDate: string, capacityHours: number, projectedOpsShare: number, recommendedOpsShare: number, reservedOpsHours: number, featureHours: number, status: Status, explanation: Array<string> } }>, range: { from: string, to: string } } | null };

export type SnapshotDiffQueryVariables = Exact<{
  a: string | number;
  b?: string | number | null | undefined;
  reversed?: boolean | null | undefined;
}>;


export type SnapshotDiffQuery = { snapshotDiff: { before: { id: string, label: string, createdAt: string, range: { from: string, to: string } }, after: { id: string, label: string, createdAt: string, range: { from: string, to: string } } | null, teams: Array<{ team: string, name: string, presence: string, statusBefore: Status | null, statusAfter: Status | null, changes: Array<{ kpi: string, before: number | null, after: number | null, delta: number | null }> }> } };

export type NotificationChannelsQueryVariables = Exact<{ [key: string]: never; }>;


export type NotificationChannelsQuery = { notificationChannels: Array<{ id: string, name: string, kind: NotificationChannelKind, target: string, signed: boolean, enabled: boolean, createdAt: string, createdBy: string, subscriptions: Array<{ id: string, team: string | null, events: Array<NotificationEvent>, group: { id: string, path: string, allTeams: Array<{ slug: string }> } | null }> }>, teams: Array<{ slug: string, name: string }>, groups: Array<{ id: string, path: string }> };

export type NotificationDeliveriesQueryVariables = Exact<{
  last?: number | null | undefined;
}>;


export type NotificationDeliveriesQuery = { notificationDeliveries: Array<{ id: string, channel: string, event: string, team: string | null, summary: string, state: NotificationDeliveryState, attempts: number, createdAt: string, lastAttemptAt: string | null, nextAttemptAt: string | null, deliveredAt: string | null, lastError: string | null }> };

export type CreateNotificationChannelMutationVariables = Exact<{
  input: NotificationChannelInput;
}>;


export type CreateNotificationChannelMutation = { createNotificationChannel: { secret: string | null, channel: { id: string, name: string, kind: NotificationChannelKind } } | null };

export type UpdateNotificationChannelMutationVariables = Exact<{
  id: string | number;
  input: NotificationChannelUpdate;
}>;


export type UpdateNotificationChannelMutation = { updateNotificationChannel: { id: string, enabled: boolean } | null };

export type DeleteNotificationChannelMutationVariables = Exact<{
  id: string | number;
}>;


export type DeleteNotificationChannelMutation = { deleteNotificationChannel: boolean | null };

export type SubscribeNotificationsMutationVariables = Exact<{
  input: NotificationSubscriptionInput;
}>;


export type SubscribeNotificationsMutation = { subscribeNotifications: { id: string, team: string | null, events: Array<NotificationEvent>, group: { id: string } | null } | null };

export type UnsubscribeNotificationsMutationVariables = Exact<{
  id: string | number;
}>;


export type UnsubscribeNotificationsMutation = { unsubscribeNotifications: boolean | null };

export type SendTestNotificationMutationVariables = Exact<{
  channel: string | number;
}>;


export type SendTestNotificationMutation = { sendTestNotification: { id: string, state: NotificationDeliveryState, lastError: string | null } | null };

export type TokensQueryVariables = Exact<{ [key: string]: never; }>;


export type TokensQuery = { tokens: Array<{ id: string, name: string, scopes: Array<Scope>, teams: Array<string> | null, createdAt: string, lastUsedAt: string | null, expiresAt: string | null, revokedAt: string | null, group: { id: string, path: string } | null }>, groups: Array<{ id: string, path: string }> };

export type CreateTokenMutationVariables = Exact<{
  input: TokenInput;
}>;


export type CreateTokenMutation = { createToken: { id: string, name: string, token: string } | null };

export type RevokeTokenMutationVariables = Exact<{
  id: string | number;
}>;


export type RevokeTokenMutation = { revokeToken: boolean | null };

export type DefaultsQueryVariables = Exact<{ [key: string]: never; }>;


export type DefaultsQuery = { guardrailDefaults: { reserveFloor: number, opsCeiling: number, maxPageHoursPerWeek: number, maxSleepInterruptionsPerWeek: number, maxSleepInterruptionsPerPersonWeek: number, maxChangeFailureRate: number, lookbackSprints: number, reserveAt: ReserveAt, version: number, team: string | null, reason: string, author: string, createdAt: string | null }, guardrailDefaultsHistory: Array<{ reserveFloor: number, opsCeiling: number, maxPageHoursPerWeek: number, maxSleepInterruptionsPerWeek: number, maxSleepInterruptionsPerPersonWeek: number, maxChangeFailureRate: number, lookbackSprints: number, reserveAt: ReserveAt, version: number, team: string | null, reason: string, author: string, createdAt: string | null }>, loadModelDefaults: { businessWeight: number, offHoursWeight: number, sleepWeight: number, minutesPerAlert: number, hoursPerFailedDeploy: number, maxHoursPerPage: number }, loadModelDefaultsHistory: Array<{ team: string | null, businessWeight: number, offHoursWeight: number, sleepWeight: number, minutesPerAlert: number, hoursPerFailedDeploy: number, maxHoursPerPage: number, reason: string | null, changedBy: string, changedAt: string }> };

export type OrgPrivacyQueryVariables = Exact<{ [key: string]: never; }>;


export type OrgPrivacyQuery = { orgPrivacy: { hidePeople: boolean, changedBy: string | null, changedAt: string | null } };

export type SetOrgPrivacyMutationVariables = Exact<{
  hidePeople: boolean;
}>;


export type SetOrgPrivacyMutation = { setOrgPrivacy: { hidePeople: boolean, changedBy: string | null, changedAt: string | null } | null };

export type LoadModelFieldsFragment = { businessWeight: number, offHoursWeight: number, sleepWeight: number, minutesPerAlert: number, hoursPerFailedDeploy: number, maxHoursPerPage: number };

export type LoadModelChangeFieldsFragment = { team: string | null, businessWeight: number, offHoursWeight: number, sleepWeight: number, minutesPerAlert: number, hoursPerFailedDeploy: number, maxHoursPerPage: number, reason: string | null, changedBy: string, changedAt: string };

export type TeamLoadModelQueryVariables = Exact<{
  slug: string;
}>;


export type TeamLoadModelQuery = { team: { slug: string, loadModel: { businessWeight: number, offHoursWeight: number, sleepWeight: number, minutesPerAlert: number, hoursPerFailedDeploy: number, maxHoursPerPage: number }, ownLoadModel: { businessWeight: number, offHoursWeight: number, sleepWeight: number, minutesPerAlert: number, hoursPerFailedDeploy: number, maxHoursPerPage: number } | null, loadModelHistory: Array<{ team: string | null, businessWeight: number, offHoursWeight: number, sleepWeight: number, minutesPerAlert: number, hoursPerFailedDeploy: number, maxHoursPerPage: number, reason: string | null, changedBy: string, changedAt: string }> } | null };

export type SetLoadModelMutationVariables = Exact<{
  team?: string | null | undefined;
  input: LoadModelInput;
  reason: string;
}>;


export type SetLoadModelMutation = { setLoadModel: { businessWeight: number, offHoursWeight: number, sleepWeight: number, minutesPerAlert: number, hoursPerFailedDeploy: number, maxHoursPerPage: number } | null };

export type GettingStartedQueryVariables = Exact<{ [key: string]: never; }>;


export type GettingStartedQuery = { teams: Array<{ slug: string, sprints: Array<{ synthetic: boolean }> }>, freshness: Array<{ source: string }> };

export type GuardrailPolicyFieldsFragment = { reserveFloor: number, opsCeiling: number, maxPageHoursPerWeek: number, maxSleepInterruptionsPerWeek: number, maxSleepInterruptionsPerPersonWeek: number, maxChangeFailureRate: number, lookbackSprints: number, reserveAt: ReserveAt, version: number, team: string | null, reason: string, author: string, createdAt: string | null };

export type PlanTeamQueryVariables = Exact<{
  slug: string;
}>;


export type PlanTeamQuery = { team: { slug: string, name: string, members: number | null, focusHoursPerDay: number, guardrail: { reserveFloor: number, opsCeiling: number, maxPageHoursPerWeek: number, maxSleepInterruptionsPerWeek: number, maxSleepInterruptionsPerPersonWeek: number, maxChangeFailureRate: number, lookbackSprints: number, reserveAt: ReserveAt, version: number, team: string | null, reason: string, author: string, createdAt: string | null }, guardrailHistory: Array<{ reserveFloor: number, opsCeiling: number, maxPageHoursPerWeek: number, maxSleepInterruptionsPerWeek: number, maxSleepInterruptionsPerPersonWeek: number, maxChangeFailureRate: number, lookbackSprints: number, reserveAt: ReserveAt, version: number, team: string | null, reason: string, author: string, createdAt: string | null }> } | null };

export type PlanQueryVariables = Exact<{
  slug: string;
  members?: number | null | undefined;
  daysOff?: number | null | undefined;
  capacityHours?: number | null | undefined;
  reservedOpsShare?: number | null | undefined;
}>;


export type PlanQuery = { team: { slug: string, plan: { startDate: string, endDate: string, capacityHours: number, projectedOpsShare: number, recommendedOpsShare: number, recommendationBasis: ReserveAt, reservedOpsShare: number, reservedOpsHours: number, featureHours: number, status: Status, explanation: Array<string>, basedOn: Array<string>, guardrailVersion: number, rules: Array<{ rule: string, status: Status, value: number | null, limit: number, message: string }>, odds: { p50Share: number | null, p80Share: number | null, basedOnSprints: number, sentence: string } | null, trackRecord: { sprints: number, held: number, p80Sprints: number, p80Exceeded: number, sentence: string } | null } } | null };

export type PlanSprintsQueryVariables = Exact<{
  slug: string;
}>;


export type PlanSprintsQuery = { team: { slug: string, sprints: Array<{ name: string, startDate: string, endDate: string, state: SprintState, synthetic: boolean, capacityHours: number, reservedOpsShare: number | null, reservedOpsHours: number | null, featureHours: number, featurePointsCompleted: number | null }> } | null };

export type DeleteSprintMutationVariables = Exact<{
  team: string;
  name: string;
}>;


export type DeleteSprintMutation = { deleteSprint: boolean | null };

export type SetGuardrailMutationVariables = Exact<{
  team?: string | null | undefined;
  input: GuardrailInput;
  reason: string;
}>;


export type SetGuardrailMutation = { setGuardrail: { reserveFloor: number, opsCeiling: number, maxPageHoursPerWeek: number, maxSleepInterruptionsPerWeek: number, maxSleepInterruptionsPerPersonWeek: number, maxChangeFailureRate: number, lookbackSprints: number, reserveAt: ReserveAt, version: number, team: string | null, reason: string, author: string, createdAt: string | null } | null };

export type AcceptPlanMutationVariables = Exact<{
  input: Array<SprintInput> | SprintInput;
}>;


export type AcceptPlanMutation = { upsertSprints: Array<{ name: string, startDate: string, endDate: string, capacityHours: number, reservedOpsShare: number | null }> | null };

export type SetHourScheduleMutationVariables = Exact<{
  input: Array<TeamInput> | TeamInput;
}>;


export type SetHourScheduleMutation = { upsertTeams: Array<{ slug: string, hourSchedule: { businessStartHour: number, businessEndHour: number, sleepStartHour: number, sleepEndHour: number, businessDays: Array<number> } }> | null };

export type TeamRespondersQueryVariables = Exact<{
  slug: string;
  range: DateRange;
}>;


export type TeamRespondersQuery = { team: { slug: string, responderFigures: { pagesWithoutResponders: number, people: Array<{ person: string, pages: number, pageHours: number, offHoursPageHours: number, sleepPageHours: number, sleepInterruptions: number }> | null, evenness: { people: number, personPageHours: number, busiestShare: number | null, gini: number | null } } } | null };

export type SaveSprintMutationVariables = Exact<{
  input: Array<SprintInput> | SprintInput;
}>;


export type SaveSprintMutation = { upsertSprints: Array<{ name: string }> | null };

export type SaveTeamMutationVariables = Exact<{
  input: Array<TeamInput> | TeamInput;
}>;


export type SaveTeamMutation = { upsertTeams: Array<{ slug: string, name: string, timezone: string, members: number | null, focusHoursPerDay: number, archived: boolean }> | null };

export type ArchiveTeamMutationVariables = Exact<{
  slug: string;
}>;


export type ArchiveTeamMutation = { archiveTeam: { slug: string, archived: boolean } | null };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const RatedKpisFragmentDoc = new TypedDocumentString(`
    fragment RatedKpis on TeamKpis {
  alerts
  pages
  pageHours
  businessPageHours
  offHoursPageHours
  sleepPageHours
  sleepInterruptions
  deploys
  failedDeploys
  changeFailureRate
  toilHours
  opsHours
  capacityHours
  opsShare
  status
  rules {
    rule
    status
    value
    limit
    message
  }
  previous {
    alerts
    pages
    pageHours
    opsHours
    opsShare
    sleepInterruptions
  }
}
    `, {"fragmentName":"RatedKpis"}) as unknown as TypedDocumentString<RatedKpisFragment, unknown>;
export const KpiPointFieldsFragmentDoc = new TypedDocumentString(`
    fragment KpiPointFields on KpiPoint {
  start
  end
  days
  bucketDays
  sprint
  alerts
  pages
  pageHours
  businessPageHours
  offHoursPageHours
  sleepPageHours
  sleepInterruptions
  deploys
  failedDeploys
  changeFailureRate
  toilHours
  opsHours
  opsBreakdown {
    pages
    alerts
    failedDeploys
    toil
  }
}
    `, {"fragmentName":"KpiPointFields"}) as unknown as TypedDocumentString<KpiPointFieldsFragment, unknown>;
export const DoraMetricFieldsFragmentDoc = new TypedDocumentString(`
    fragment DoraMetricFields on DoraMetric {
  value
  unit
  band
}
    `, {"fragmentName":"DoraMetricFields"}) as unknown as TypedDocumentString<DoraMetricFieldsFragment, unknown>;
export const TotalsFieldsFragmentDoc = new TypedDocumentString(`
    fragment TotalsFields on KpiTotals {
  teams
  alerts
  pages
  pageHours
  businessPageHours
  offHoursPageHours
  sleepPageHours
  sleepInterruptions
  deploys
  failedDeploys
  changeFailureRate
  toilHours
  opsHours
  capacityHours
  opsShare
  status
}
    `, {"fragmentName":"TotalsFields"}) as unknown as TypedDocumentString<TotalsFieldsFragment, unknown>;
export const SnapshotSummaryFieldsFragmentDoc = new TypedDocumentString(`
    fragment SnapshotSummaryFields on Snapshot {
  id
  label
  range {
    from
    to
  }
  teams
  author
  createdAt
}
    `, {"fragmentName":"SnapshotSummaryFields"}) as unknown as TypedDocumentString<SnapshotSummaryFieldsFragment, unknown>;
export const LoadModelFieldsFragmentDoc = new TypedDocumentString(`
    fragment LoadModelFields on LoadModel {
  businessWeight
  offHoursWeight
  sleepWeight
  minutesPerAlert
  hoursPerFailedDeploy
  maxHoursPerPage
}
    `, {"fragmentName":"LoadModelFields"}) as unknown as TypedDocumentString<LoadModelFieldsFragment, unknown>;
export const LoadModelChangeFieldsFragmentDoc = new TypedDocumentString(`
    fragment LoadModelChangeFields on LoadModelChange {
  team
  businessWeight
  offHoursWeight
  sleepWeight
  minutesPerAlert
  hoursPerFailedDeploy
  maxHoursPerPage
  reason
  changedBy
  changedAt
}
    `, {"fragmentName":"LoadModelChangeFields"}) as unknown as TypedDocumentString<LoadModelChangeFieldsFragment, unknown>;
export const GuardrailPolicyFieldsFragmentDoc = new TypedDocumentString(`
    fragment GuardrailPolicyFields on GuardrailPolicy {
  reserveFloor
  opsCeiling
  maxPageHoursPerWeek
  maxSleepInterruptionsPerWeek
  maxSleepInterruptionsPerPersonWeek
  maxChangeFailureRate
  lookbackSprints
  reserveAt
  version
  team
  reason
  author
  createdAt
}
    `, {"fragmentName":"GuardrailPolicyFields"}) as unknown as TypedDocumentString<GuardrailPolicyFieldsFragment, unknown>;
export const UnroutedDocument = new TypedDocumentString(`
    query Unrouted {
  unrouted {
    source
    key
    label
    kind
    count
    firstSeen
    lastSeen
  }
  teams {
    slug
    name
  }
}
    `) as unknown as TypedDocumentString<UnroutedQuery, UnroutedQueryVariables>;
export const SourceMappingsDocument = new TypedDocumentString(`
    query SourceMappings {
  sourceMappings {
    source
    key
    createdAt
    team {
      slug
      name
    }
  }
}
    `) as unknown as TypedDocumentString<SourceMappingsQuery, SourceMappingsQueryVariables>;
export const SetSourceMappingDocument = new TypedDocumentString(`
    mutation SetSourceMapping($input: SourceMappingInput!) {
  setSourceMapping(input: $input) {
    source
    key
    attributed
    team {
      slug
      name
    }
  }
}
    `) as unknown as TypedDocumentString<SetSourceMappingMutation, SetSourceMappingMutationVariables>;
export const WebhookSourcesDocument = new TypedDocumentString(`
    query WebhookSources {
  webhookSources {
    source
    name
    signals
    path
    envVar
    secretConfigured
    lastDeliveryAt
    pending
    failing
    rejected
  }
}
    `) as unknown as TypedDocumentString<WebhookSourcesQuery, WebhookSourcesQueryVariables>;
export const BackfillsDocument = new TypedDocumentString(`
    query Backfills {
  backfills {
    source
    command
    environment
    params
    since
    until
    startedAt
    finishedAt
    counts {
      name
      value
    }
  }
}
    `) as unknown as TypedDocumentString<BackfillsQuery, BackfillsQueryVariables>;
export const OverviewDocument = new TypedDocumentString(`
    query Overview($range: DateRange!) {
  overview(range: $range) {
    team {
      slug
      name
      timezone
      members
      group {
        id
      }
    }
    status
    kpis {
      ...RatedKpis
    }
  }
  overviewGroups(range: $range) {
    group {
      id
      name
      path
      depth
      parent {
        id
      }
    }
    teams
    status
    totals {
      ...TotalsFields
    }
  }
  orgTotal(range: $range) {
    ...TotalsFields
  }
}
    fragment RatedKpis on TeamKpis {
  alerts
  pages
  pageHours
  businessPageHours
  offHoursPageHours
  sleepPageHours
  sleepInterruptions
  deploys
  failedDeploys
  changeFailureRate
  toilHours
  opsHours
  capacityHours
  opsShare
  status
  rules {
    rule
    status
    value
    limit
    message
  }
  previous {
    alerts
    pages
    pageHours
    opsHours
    opsShare
    sleepInterruptions
  }
}
fragment TotalsFields on KpiTotals {
  teams
  alerts
  pages
  pageHours
  businessPageHours
  offHoursPageHours
  sleepPageHours
  sleepInterruptions
  deploys
  failedDeploys
  changeFailureRate
  toilHours
  opsHours
  capacityHours
  opsShare
  status
}`) as unknown as TypedDocumentString<OverviewQuery, OverviewQueryVariables>;
export const OverviewSeriesDocument = new TypedDocumentString(`
    query OverviewSeries($range: DateRange!, $sparkBucket: Bucket!) {
  teams {
    slug
    name
    series(range: $range, bucket: WEEK) {
      start
      end
      days
      bucketDays
      alerts
      pageHours
    }
    spark: series(range: $range, bucket: $sparkBucket) {
      start
      end
      opsHours
    }
  }
}
    `) as unknown as TypedDocumentString<OverviewSeriesQuery, OverviewSeriesQueryVariables>;
export const FreshnessDocument = new TypedDocumentString(`
    query Freshness {
  freshness {
    source
    lastReceivedAt
    latestDate
  }
}
    `) as unknown as TypedDocumentString<FreshnessQuery, FreshnessQueryVariables>;
export const ViewerDocument = new TypedDocumentString(`
    query Viewer {
  viewer {
    name
    scopes
    teams
  }
}
    `) as unknown as TypedDocumentString<ViewerQuery, ViewerQueryVariables>;
export const TeamDocument = new TypedDocumentString(`
    query Team($slug: String!, $range: DateRange!) {
  team(slug: $slug) {
    slug
    name
    timezone
    members
    focusHoursPerDay
    archived
    hourSchedule {
      businessStartHour
      businessEndHour
      sleepStartHour
      sleepEndHour
      businessDays
    }
    kpis(range: $range) {
      ...RatedKpis
      opsBreakdown {
        pages
        alerts
        failedDeploys
        toil
      }
      medianTimeToAcknowledgeSeconds
      medianTimeToResolveSeconds
    }
    dora(range: $range) {
      deploymentFrequency {
        ...DoraMetricFields
      }
      changeFailureRate {
        ...DoraMetricFields
      }
      leadTime {
        ...DoraMetricFields
      }
      timeToResolve {
        ...DoraMetricFields
      }
      reportYear
    }
    services(range: $range) {
      service
      alerts
      pages
      pageHours
      sleepInterruptions
      deploys
      failedDeploys
      toilHours
      opsHours
    }
    guardrail {
      reserveFloor
      opsCeiling
      version
    }
    sprints(last: 8) {
      name
      startDate
      endDate
      state
      capacityHours
      opsHours
      opsShare
      reservedOpsShare
      underReserved
      status
      synthetic
      recordedMembers
      recordedCapacityHours
      daysOff
      featurePointsPlanned
      featurePointsCompleted
      rules {
        rule
        status
        value
        limit
        message
      }
    }
  }
}
    fragment RatedKpis on TeamKpis {
  alerts
  pages
  pageHours
  businessPageHours
  offHoursPageHours
  sleepPageHours
  sleepInterruptions
  deploys
  failedDeploys
  changeFailureRate
  toilHours
  opsHours
  capacityHours
  opsShare
  status
  rules {
    rule
    status
    value
    limit
    message
  }
  previous {
    alerts
    pages
    pageHours
    opsHours
    opsShare
    sleepInterruptions
  }
}
fragment DoraMetricFields on DoraMetric {
  value
  unit
  band
}`) as unknown as TypedDocumentString<TeamQuery, TeamQueryVariables>;
export const TeamSeriesDocument = new TypedDocumentString(`
    query TeamSeries($slug: String!, $range: DateRange!, $bucket: Bucket!) {
  team(slug: $slug) {
    slug
    series(range: $range, bucket: $bucket) {
      ...KpiPointFields
    }
  }
}
    fragment KpiPointFields on KpiPoint {
  start
  end
  days
  bucketDays
  sprint
  alerts
  pages
  pageHours
  businessPageHours
  offHoursPageHours
  sleepPageHours
  sleepInterruptions
  deploys
  failedDeploys
  changeFailureRate
  toilHours
  opsHours
  opsBreakdown {
    pages
    alerts
    failedDeploys
    toil
  }
}`) as unknown as TypedDocumentString<TeamSeriesQuery, TeamSeriesQueryVariables>;
export const SnapshotsDocument = new TypedDocumentString(`
    query Snapshots($first: Int!, $after: String) {
  snapshots(first: $first, after: $after) {
    edges {
      cursor
      node {
        ...SnapshotSummaryFields
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    fragment SnapshotSummaryFields on Snapshot {
  id
  label
  range {
    from
    to
  }
  teams
  author
  createdAt
}`) as unknown as TypedDocumentString<SnapshotsQuery, SnapshotsQueryVariables>;
export const SnapshotTeamsDocument = new TypedDocumentString(`
    query SnapshotTeams {
  teams {
    slug
    name
  }
}
    `) as unknown as TypedDocumentString<SnapshotTeamsQuery, SnapshotTeamsQueryVariables>;
export const CreateSnapshotDocument = new TypedDocumentString(`
    mutation CreateSnapshot($input: SnapshotInput!) {
  createSnapshot(input: $input) {
    ...SnapshotSummaryFields
  }
}
    fragment SnapshotSummaryFields on Snapshot {
  id
  label
  range {
    from
    to
  }
  teams
  author
  createdAt
}`) as unknown as TypedDocumentString<CreateSnapshotMutation, CreateSnapshotMutationVariables>;
export const SnapshotDocument = new TypedDocumentString(`
    query Snapshot($id: ID!) {
  snapshot(id: $id) {
    ...SnapshotSummaryFields
    serverVersion
    schema
    data {
      slug
      name
      timezone
      members
      focusHoursPerDay
      kpis {
        days
        alerts
        pages
        pageHours
        businessPageHours
        offHoursPageHours
        sleepPageHours
        sleepInterruptions
        deploys
        failedDeploys
        changeFailureRate
        toilHours
        opsHours
        capacityHours
        opsShare
        reservedOpsShare
        status
        opsBreakdown {
          pages
          alerts
          failedDeploys
          toil
        }
        rules {
          rule
          status
          value
          limit
          message
        }
      }
      guardrail {
        version
        team
        reserveFloor
        opsCeiling
        maxPageHoursPerWeek
        maxSleepInterruptionsPerWeek
        maxSleepInterruptionsPerPersonWeek
        maxChangeFailureRate
        lookbackSprints
        reserveAt
        reason
        author
        createdAt
      }
      loadModel {
        businessWeight
        offHoursWeight
        sleepWeight
        minutesPerAlert
        hoursPerFailedDeploy
        maxHoursPerPage
      }
      sprints {
        name
        startDate
        endDate
        state
        capacityHours
        reservedOpsShare
        opsHours
        opsShare
        featureHours
        underReserved
        status
        guardrailVersion
      }
      plan {
        startDate
        endDate
        capacityHours
        projectedOpsShare
        recommendedOpsShare
        reservedOpsHours
        featureHours
        status
        explanation
      }
    }
  }
}
    fragment SnapshotSummaryFields on Snapshot {
  id
  label
  range {
    from
    to
  }
  teams
  author
  createdAt
}`) as unknown as TypedDocumentString<SnapshotQuery, SnapshotQueryVariables>;
export const SnapshotDiffDocument = new TypedDocumentString(`
    query SnapshotDiff($a: ID!, $b: ID, $reversed: Boolean) {
  snapshotDiff(a: $a, b: $b, reversed: $reversed) {
    before {
      id
      label
      createdAt
      range {
        from
        to
      }
    }
    after {
      id
      label
      createdAt
      range {
        from
        to
      }
    }
    teams {
      team
      name
      presence
      statusBefore
      statusAfter
      changes {
        kpi
        before
        after
        delta
      }
    }
  }
}
    `) as unknown as TypedDocumentString<SnapshotDiffQuery, SnapshotDiffQueryVariables>;
export const NotificationChannelsDocument = new TypedDocumentString(`
    query NotificationChannels {
  notificationChannels {
    id
    name
    kind
    target
    signed
    enabled
    createdAt
    createdBy
    subscriptions {
      id
      team
      group {
        id
        path
        allTeams {
          slug
        }
      }
      events
    }
  }
  teams {
    slug
    name
  }
  groups {
    id
    path
  }
}
    `) as unknown as TypedDocumentString<NotificationChannelsQuery, NotificationChannelsQueryVariables>;
export const NotificationDeliveriesDocument = new TypedDocumentString(`
    query NotificationDeliveries($last: Int) {
  notificationDeliveries(last: $last) {
    id
    channel
    event
    team
    summary
    state
    attempts
    createdAt
    lastAttemptAt
    nextAttemptAt
    deliveredAt
    lastError
  }
}
    `) as unknown as TypedDocumentString<NotificationDeliveriesQuery, NotificationDeliveriesQueryVariables>;
export const CreateNotificationChannelDocument = new TypedDocumentString(`
    mutation CreateNotificationChannel($input: NotificationChannelInput!) {
  createNotificationChannel(input: $input) {
    secret
    channel {
      id
      name
      kind
    }
  }
}
    `) as unknown as TypedDocumentString<CreateNotificationChannelMutation, CreateNotificationChannelMutationVariables>;
export const UpdateNotificationChannelDocument = new TypedDocumentString(`
    mutation UpdateNotificationChannel($id: ID!, $input: NotificationChannelUpdate!) {
  updateNotificationChannel(id: $id, input: $input) {
    id
    enabled
  }
}
    `) as unknown as TypedDocumentString<UpdateNotificationChannelMutation, UpdateNotificationChannelMutationVariables>;
export const DeleteNotificationChannelDocument = new TypedDocumentString(`
    mutation DeleteNotificationChannel($id: ID!) {
  deleteNotificationChannel(id: $id)
}
    `) as unknown as TypedDocumentString<DeleteNotificationChannelMutation, DeleteNotificationChannelMutationVariables>;
export const SubscribeNotificationsDocument = new TypedDocumentString(`
    mutation SubscribeNotifications($input: NotificationSubscriptionInput!) {
  subscribeNotifications(input: $input) {
    id
    team
    group {
      id
    }
    events
  }
}
    `) as unknown as TypedDocumentString<SubscribeNotificationsMutation, SubscribeNotificationsMutationVariables>;
export const UnsubscribeNotificationsDocument = new TypedDocumentString(`
    mutation UnsubscribeNotifications($id: ID!) {
  unsubscribeNotifications(id: $id)
}
    `) as unknown as TypedDocumentString<UnsubscribeNotificationsMutation, UnsubscribeNotificationsMutationVariables>;
export const SendTestNotificationDocument = new TypedDocumentString(`
    mutation SendTestNotification($channel: ID!) {
  sendTestNotification(channel: $channel) {
    id
    state
    lastError
  }
}
    `) as unknown as TypedDocumentString<SendTestNotificationMutation, SendTestNotificationMutationVariables>;
export const TokensDocument = new TypedDocumentString(`
    query Tokens {
  tokens {
    id
    name
    scopes
    teams
    group {
      id
      path
    }
    createdAt
    lastUsedAt
    expiresAt
    revokedAt
  }
  groups {
    id
    path
  }
}
    `) as unknown as TypedDocumentString<TokensQuery, TokensQueryVariables>;
export const CreateTokenDocument = new TypedDocumentString(`
    mutation CreateToken($input: TokenInput!) {
  createToken(input: $input) {
    id
    name
    token
  }
}
    `) as unknown as TypedDocumentString<CreateTokenMutation, CreateTokenMutationVariables>;
export const RevokeTokenDocument = new TypedDocumentString(`
    mutation RevokeToken($id: ID!) {
  revokeToken(id: $id)
}
    `) as unknown as TypedDocumentString<RevokeTokenMutation, RevokeTokenMutationVariables>;
export const DefaultsDocument = new TypedDocumentString(`
    query Defaults {
  guardrailDefaults {
    ...GuardrailPolicyFields
  }
  guardrailDefaultsHistory {
    ...GuardrailPolicyFields
  }
  loadModelDefaults {
    ...LoadModelFields
  }
  loadModelDefaultsHistory {
    ...LoadModelChangeFields
  }
}
    fragment LoadModelFields on LoadModel {
  businessWeight
  offHoursWeight
  sleepWeight
  minutesPerAlert
  hoursPerFailedDeploy
  maxHoursPerPage
}
fragment LoadModelChangeFields on LoadModelChange {
  team
  businessWeight
  offHoursWeight
  sleepWeight
  minutesPerAlert
  hoursPerFailedDeploy
  maxHoursPerPage
  reason
  changedBy
  changedAt
}
fragment GuardrailPolicyFields on GuardrailPolicy {
  reserveFloor
  opsCeiling
  maxPageHoursPerWeek
  maxSleepInterruptionsPerWeek
  maxSleepInterruptionsPerPersonWeek
  maxChangeFailureRate
  lookbackSprints
  reserveAt
  version
  team
  reason
  author
  createdAt
}`) as unknown as TypedDocumentString<DefaultsQuery, DefaultsQueryVariables>;
export const OrgPrivacyDocument = new TypedDocumentString(`
    query OrgPrivacy {
  orgPrivacy {
    hidePeople
    changedBy
    changedAt
  }
}
    `) as unknown as TypedDocumentString<OrgPrivacyQuery, OrgPrivacyQueryVariables>;
export const SetOrgPrivacyDocument = new TypedDocumentString(`
    mutation SetOrgPrivacy($hidePeople: Boolean!) {
  setOrgPrivacy(input: {hidePeople: $hidePeople}) {
    hidePeople
    changedBy
    changedAt
  }
}
    `) as unknown as TypedDocumentString<SetOrgPrivacyMutation, SetOrgPrivacyMutationVariables>;
export const TeamLoadModelDocument = new TypedDocumentString(`
    query TeamLoadModel($slug: String!) {
  team(slug: $slug) {
    slug
    loadModel {
      ...LoadModelFields
    }
    ownLoadModel {
      ...LoadModelFields
    }
    loadModelHistory {
      ...LoadModelChangeFields
    }
  }
}
    fragment LoadModelFields on LoadModel {
  businessWeight
  offHoursWeight
  sleepWeight
  minutesPerAlert
  hoursPerFailedDeploy
  maxHoursPerPage
}
fragment LoadModelChangeFields on LoadModelChange {
  team
  businessWeight
  offHoursWeight
  sleepWeight
  minutesPerAlert
  hoursPerFailedDeploy
  maxHoursPerPage
  reason
  changedBy
  changedAt
}`) as unknown as TypedDocumentString<TeamLoadModelQuery, TeamLoadModelQueryVariables>;
export const SetLoadModelDocument = new TypedDocumentString(`
    mutation SetLoadModel($team: String, $input: LoadModelInput!, $reason: String!) {
  setLoadModel(team: $team, input: $input, reason: $reason) {
    ...LoadModelFields
  }
}
    fragment LoadModelFields on LoadModel {
  businessWeight
  offHoursWeight
  sleepWeight
  minutesPerAlert
  hoursPerFailedDeploy
  maxHoursPerPage
}`) as unknown as TypedDocumentString<SetLoadModelMutation, SetLoadModelMutationVariables>;
export const GettingStartedDocument = new TypedDocumentString(`
    query GettingStarted {
  teams {
    slug
    sprints(last: 1) {
      synthetic
    }
  }
  freshness {
    source
  }
}
    `) as unknown as TypedDocumentString<GettingStartedQuery, GettingStartedQueryVariables>;
export const PlanTeamDocument = new TypedDocumentString(`
    query PlanTeam($slug: String!) {
  team(slug: $slug) {
    slug
    name
    members
    focusHoursPerDay
    guardrail {
      ...GuardrailPolicyFields
    }
    guardrailHistory {
      ...GuardrailPolicyFields
    }
  }
}
    fragment GuardrailPolicyFields on GuardrailPolicy {
  reserveFloor
  opsCeiling
  maxPageHoursPerWeek
  maxSleepInterruptionsPerWeek
  maxSleepInterruptionsPerPersonWeek
  maxChangeFailureRate
  lookbackSprints
  reserveAt
  version
  team
  reason
  author
  createdAt
}`) as unknown as TypedDocumentString<PlanTeamQuery, PlanTeamQueryVariables>;
export const PlanDocument = new TypedDocumentString(`
    query Plan($slug: String!, $members: Int, $daysOff: Float, $capacityHours: Float, $reservedOpsShare: Float) {
  team(slug: $slug) {
    slug
    plan(
      members: $members
      daysOff: $daysOff
      capacityHours: $capacityHours
      reservedOpsShare: $reservedOpsShare
    ) {
      startDate
      endDate
      capacityHours
      projectedOpsShare
      recommendedOpsShare
      recommendationBasis
      reservedOpsShare
      reservedOpsHours
      featureHours
      status
      rules {
        rule
        status
        value
        limit
        message
      }
      explanation
      basedOn
      guardrailVersion
      odds {
        p50Share
        p80Share
        basedOnSprints
        sentence
      }
      trackRecord {
        sprints
        held
        p80Sprints
        p80Exceeded
        sentence
      }
    }
  }
}
    `) as unknown as TypedDocumentString<PlanQuery, PlanQueryVariables>;
export const PlanSprintsDocument = new TypedDocumentString(`
    query PlanSprints($slug: String!) {
  team(slug: $slug) {
    slug
    sprints(last: 12) {
      name
      startDate
      endDate
      state
      synthetic
      capacityHours
      reservedOpsShare
      reservedOpsHours
      featureHours
      featurePointsCompleted
    }
  }
}
    `) as unknown as TypedDocumentString<PlanSprintsQuery, PlanSprintsQueryVariables>;
export const DeleteSprintDocument = new TypedDocumentString(`
    mutation DeleteSprint($team: String!, $name: String!) {
  deleteSprint(team: $team, name: $name)
}
    `) as unknown as TypedDocumentString<DeleteSprintMutation, DeleteSprintMutationVariables>;
export const SetGuardrailDocument = new TypedDocumentString(`
    mutation SetGuardrail($team: String, $input: GuardrailInput!, $reason: String!) {
  setGuardrail(team: $team, input: $input, reason: $reason) {
    ...GuardrailPolicyFields
  }
}
    fragment GuardrailPolicyFields on GuardrailPolicy {
  reserveFloor
  opsCeiling
  maxPageHoursPerWeek
  maxSleepInterruptionsPerWeek
  maxSleepInterruptionsPerPersonWeek
  maxChangeFailureRate
  lookbackSprints
  reserveAt
  version
  team
  reason
  author
  createdAt
}`) as unknown as TypedDocumentString<SetGuardrailMutation, SetGuardrailMutationVariables>;
export const AcceptPlanDocument = new TypedDocumentString(`
    mutation AcceptPlan($input: [SprintInput!]!) {
  upsertSprints(input: $input, replan: true) {
    name
    startDate
    endDate
    capacityHours
    reservedOpsShare
  }
}
    `) as unknown as TypedDocumentString<AcceptPlanMutation, AcceptPlanMutationVariables>;
export const SetHourScheduleDocument = new TypedDocumentString(`
    mutation SetHourSchedule($input: [TeamInput!]!) {
  upsertTeams(input: $input) {
    slug
    hourSchedule {
      businessStartHour
      businessEndHour
      sleepStartHour
      sleepEndHour
      businessDays
    }
  }
}
    `) as unknown as TypedDocumentString<SetHourScheduleMutation, SetHourScheduleMutationVariables>;
export const TeamRespondersDocument = new TypedDocumentString(`
    query TeamResponders($slug: String!, $range: DateRange!) {
  team(slug: $slug) {
    slug
    responderFigures(range: $range) {
      people {
        person
        pages
        pageHours
        offHoursPageHours
        sleepPageHours
        sleepInterruptions
      }
      pagesWithoutResponders
      evenness {
        people
        personPageHours
        busiestShare
        gini
      }
    }
  }
}
    `) as unknown as TypedDocumentString<TeamRespondersQuery, TeamRespondersQueryVariables>;
export const SaveSprintDocument = new TypedDocumentString(`
    mutation SaveSprint($input: [SprintInput!]!) {
  upsertSprints(input: $input) {
    name
  }
}
    `) as unknown as TypedDocumentString<SaveSprintMutation, SaveSprintMutationVariables>;
export const SaveTeamDocument = new TypedDocumentString(`
    mutation SaveTeam($input: [TeamInput!]!) {
  upsertTeams(input: $input) {
    slug
    name
    timezone
    members
    focusHoursPerDay
    archived
  }
}
    `) as unknown as TypedDocumentString<SaveTeamMutation, SaveTeamMutationVariables>;
export const ArchiveTeamDocument = new TypedDocumentString(`
    mutation ArchiveTeam($slug: String!) {
  archiveTeam(slug: $slug) {
    slug
    archived
  }
}
    `) as unknown as TypedDocumentString<ArchiveTeamMutation, ArchiveTeamMutationVariables>;