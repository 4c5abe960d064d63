/* eslint-disable */
import * as types from './graphql';



/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query Unrouted {\n    unrouted { source key label kind count firstSeen lastSeen }\n    teams { slug name }\n  }\n": typeof types.UnroutedDocument,
    "\n  query SourceMappings {\n    sourceMappings { source key createdAt team { slug name } }\n  }\n": typeof types.SourceMappingsDocument,
    "\n  mutation SetSourceMapping($input: SourceMappingInput!) {\n    setSourceMapping(input: $input) { source key attributed team { slug name } }\n  }\n": typeof types.SetSourceMappingDocument,
    "\n  query WebhookSources {\n    webhookSources { source name signals path envVar secretConfigured lastDeliveryAt pending failing rejected }\n  }\n": typeof types.WebhookSourcesDocument,
    "\n  query Backfills {\n    backfills { source command environment params since until startedAt finishedAt counts { name value } }\n  }\n": typeof types.BackfillsDocument,
    "\n  fragment RatedKpis on TeamKpis {\n    alerts pages pageHours businessPageHours offHoursPageHours sleepPageHours\n    sleepInterruptions deploys failedDeploys changeFailureRate toilHours\n    opsHours capacityHours opsShare\n    status\n    rules { rule status value limit message }\n    previous { alerts pages pageHours opsHours opsShare sleepInterruptions }\n  }\n": typeof types.RatedKpisFragmentDoc,
    "\n  fragment KpiPointFields on KpiPoint {\n    start end days bucketDays sprint\n    alerts pages pageHours businessPageHours offHoursPageHours sleepPageHours\n    sleepInterruptions deploys failedDeploys changeFailureRate toilHours\n    opsHours opsBreakdown { pages alerts failedDeploys toil }\n  }\n": typeof types.KpiPointFieldsFragmentDoc,
    "\n  fragment DoraMetricFields on DoraMetric { value unit band }\n": typeof types.DoraMetricFieldsFragmentDoc,
    "\n  fragment TotalsFields on KpiTotals {\n    teams alerts pages pageHours businessPageHours offHoursPageHours sleepPageHours\n    sleepInterruptions deploys failedDeploys changeFailureRate toilHours\n    opsHours capacityHours opsShare status\n  }\n": typeof types.TotalsFieldsFragmentDoc,
    "\n  query Overview($range: DateRange!) {\n    overview(range: $range) {\n      team { slug name timezone members group { id } }\n      status\n      kpis { ...RatedKpis }\n    }\n    overviewGroups(range: $range) {\n      group { id name path depth parent { id } }\n      teams\n      status\n      totals { ...TotalsFields }\n    }\n    orgTotal(range: $range) { ...TotalsFields }\n  }\n": typeof types.OverviewDocument,
    "\n  query OverviewSeries($range: DateRange!, $sparkBucket: Bucket!) {\n    teams {\n      slug name\n      series(range: $range, bucket: WEEK) { start end days bucketDays alerts pageHours }\n      spark: series(range: $range, bucket: $sparkBucket) { start end opsHours }\n    }\n  }\n": typeof types.OverviewSeriesDocument,
    "\n  query Freshness {\n    freshness { source lastReceivedAt latestDate }\n  }\n": typeof types.FreshnessDocument,
    "\n  query Viewer {\n    viewer { name scopes teams }\n  }\n": typeof types.ViewerDocument,
    "\n  query Team($slug: String!, $range: DateRange!) {\n    team(slug: $slug) {\n      slug name timezone members focusHoursPerDay archived\n      hourSchedule { businessStartHour businessEndHour sleepStartHour sleepEndHour businessDays }\n      kpis(range: $range) {\n        ...RatedKpis\n        opsBreakdown { pages alerts failedDeploys toil }\n        medianTimeToAcknowledgeSeconds medianTimeToResolveSeconds\n      }\n      dora(range: $range) {\n        deploymentFrequency { ...DoraMetricFields }\n        changeFailureRate { ...DoraMetricFields }\n        leadTime { ...DoraMetricFields }\n        timeToResolve { ...DoraMetricFields }\n        reportYear\n      }\n      services(range: $range) {\n        service alerts pages pageHours sleepInterruptions deploys failedDeploys toilHours opsHours\n      }\n      guardrail { reserveFloor opsCeiling version }\n      sprints(last: 8) {\n        name startDate endDate state capacityHours opsHours opsShare reservedOpsShare underReserved status synthetic\n        recordedMembers recordedCapacityHours daysOff featurePointsPlanned featurePointsCompleted\n        rules { rule status value limit message }\n      }\n    }\n  }\n": typeof types.TeamDocument,
    "\n  query TeamSeries($slug: String!, $range: DateRange!, $bucket: Bucket!) {\n    team(slug: $slug) {\n      slug\n      series(range: $range, bucket: $bucket) { ...KpiPointFields }\n    }\n  }\n": typeof types.TeamSeriesDocument,
    "\n  fragment SnapshotSummaryFields on Snapshot {\n    id label range { from to } teams author createdAt\n  }\n": typeof types.SnapshotSummaryFieldsFragmentDoc,
    "\n  query Snapshots($first: Int!, $after: String) {\n    snapshots(first: $first, after: $after) {\n      edges { cursor node { ...SnapshotSummaryFields } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": typeof types.SnapshotsDocument,
    "\n  query SnapshotTeams {\n    teams { slug name }\n  }\n": typeof types.SnapshotTeamsDocument,
    "\n  mutation CreateSnapshot($input: SnapshotInput!) {\n    createSnapshot(input: $input) { ...SnapshotSummaryFields }\n  }\n": typeof types.CreateSnapshotDocument,
    "\n  query Snapshot($id: ID!) {\n    snapshot(id: $id) {\n      ...SnapshotSummaryFields serverVersion schema\n      data {\n        slug name timezone members focusHoursPerDay\n        kpis {\n          days alerts pages pageHours businessPageHours offHoursPageHours sleepPageHours sleepInterruptions\n          deploys failedDeploys changeFailureRate toilHours opsHours capacityHours opsShare reservedOpsShare status\n          opsBreakdown { pages alerts failedDeploys toil }\n          rules { rule status value limit message }\n        }\n        guardrail {\n          version team reserveFloor opsCeiling maxPageHoursPerWeek maxSleepInterruptionsPerWeek\n          maxSleepInterruptionsPerPersonWeek maxChangeFailureRate lookbackSprints reserveAt reason author createdAt\n        }\n        loadModel { businessWeight offHoursWeight sleepWeight minutesPerAlert hoursPerFailedDeploy maxHoursPerPage }\n        sprints {\n          name startDate endDate state capacityHours reservedOpsShare opsHours opsShare featureHours underReserved status guardrailVersion\n        }\n        plan {\n          startDate endDate capacityHours projectedOpsShare recommendedOpsShare reservedOpsHours featureHours status explanation\n        }\n      }\n    }\n  }\n": typeof types.SnapshotDocument,
    "\n  query SnapshotDiff($a: ID!, $b: ID, $reversed: Boolean) {\n    snapshotDiff(a: $a, b: $b, reversed: $reversed) {\n      before { id label createdAt range { from to } }\n      after { id label createdAt range { from to } }\n      teams {\n        team name presence statusBefore statusAfter\n        changes { kpi before after delta }\n      }\n    }\n  }\n": typeof types.SnapshotDiffDocument,
    "\n  query NotificationChannels {\n    notificationChannels { id name kind target signed enabled createdAt createdBy subscriptions { id team group { id path allTeams { slug } } events } }\n    teams { slug name }\n    groups { id path }\n  }\n": typeof types.NotificationChannelsDocument,
    "\n  query NotificationDeliveries($last: Int) {\n    notificationDeliveries(last: $last) { id channel event team summary state attempts createdAt lastAttemptAt nextAttemptAt deliveredAt lastError }\n  }\n": typeof types.NotificationDeliveriesDocument,
    "\n  mutation CreateNotificationChannel($input: NotificationChannelInput!) {\n    createNotificationChannel(input: $input) { secret channel { id name kind } }\n  }\n": typeof types.CreateNotificationChannelDocument,
    "\n  mutation UpdateNotificationChannel($id: ID!, $input: NotificationChannelUpdate!) {\n    updateNotificationChannel(id: $id, input: $input) { id enabled }\n  }\n": typeof types.UpdateNotificationChannelDocument,
    "\n  mutation DeleteNotificationChannel($id: ID!) {\n    deleteNotificationChannel(id: $id)\n  }\n": typeof types.DeleteNotificationChannelDocument,
    "\n  mutation SubscribeNotifications($input: NotificationSubscriptionInput!) {\n    subscribeNotifications(input: $input) { id team group { id } events }\n  }\n": typeof types.SubscribeNotificationsDocument,
    "\n  mutation UnsubscribeNotifications($id: ID!) {\n    unsubscribeNotifications(id: $id)\n  }\n": typeof types.UnsubscribeNotificationsDocument,
    "\n  mutation SendTestNotification($channel: ID!) {\n    sendTestNotification(channel: $channel) { id state lastError }\n  }\n": typeof types.SendTestNotificationDocument,
    "\n  query Tokens {\n    tokens { id name scopes teams group { id path } createdAt lastUsedAt expiresAt revokedAt }\n    groups { id path }\n  }\n": typeof types.TokensDocument,
    "\n  mutation CreateToken($input: TokenInput!) {\n    createToken(input: $input) { id name token }\n  }\n": typeof types.CreateTokenDocument,
    "\n  mutation RevokeToken($id: ID!) {\n    revokeToken(id: $id)\n  }\n": typeof types.RevokeTokenDocument,
    "\n  query Defaults {\n    guardrailDefaults { ...GuardrailPolicyFields }\n    guardrailDefaultsHistory { ...GuardrailPolicyFields }\n    loadModelDefaults { ...LoadModelFields }\n    loadModelDefaultsHistory { ...LoadModelChangeFields }\n  }\n": typeof types.DefaultsDocument,
    "\n  query OrgPrivacy {\n    orgPrivacy { hidePeople changedBy changedAt }\n  }\n": typeof types.OrgPrivacyDocument,
    "\n  mutation SetOrgPrivacy($hidePeople: Boolean!) {\n    setOrgPrivacy(input: { hidePeople: $hidePeople }) { hidePeople changedBy changedAt }\n  }\n": typeof types.SetOrgPrivacyDocument,
    "\n  fragment LoadModelFields on LoadModel {\n    businessWeight offHoursWeight sleepWeight minutesPerAlert hoursPerFailedDeploy maxHoursPerPage\n  }\n": typeof types.LoadModelFieldsFragmentDoc,
    "\n  fragment LoadModelChangeFields on LoadModelChange {\n    team businessWeight offHoursWeight sleepWeight minutesPerAlert hoursPerFailedDeploy maxHoursPerPage\n    reason changedBy changedAt\n  }\n": typeof types.LoadModelChangeFieldsFragmentDoc,
    "\n  query TeamLoadModel($slug: String!) {\n    team(slug: $slug) {\n      slug\n      loadModel { ...LoadModelFields }\n      ownLoadModel { ...LoadModelFields }\n      loadModelHistory { ...LoadModelChangeFields }\n    }\n  }\n": typeof types.TeamLoadModelDocument,
    "\n  mutation SetLoadModel($team: String, $input: LoadModelInput!, $reason: String!) {\n    setLoadModel(team: $team, input: $input, reason: $reason) { ...LoadModelFields }\n  }\n": typeof types.SetLoadModelDocument,
    "\n  query GettingStarted {\n    teams { slug sprints(last: 1) { synthetic } }\n    freshness { source }\n  }\n": typeof types.GettingStartedDocument,
    "\n  fragment GuardrailPolicyFields on GuardrailPolicy {\n    reserveFloor opsCeiling maxPageHoursPerWeek maxSleepInterruptionsPerWeek maxSleepInterruptionsPerPersonWeek\n    maxChangeFailureRate lookbackSprints reserveAt\n    version team reason author createdAt\n  }\n": typeof types.GuardrailPolicyFieldsFragmentDoc,
    "\n  query PlanTeam($slug: String!) {\n    team(slug: $slug) {\n      slug name members focusHoursPerDay\n      guardrail { ...GuardrailPolicyFields }\n      guardrailHistory { ...GuardrailPolicyFields }\n    }\n  }\n": typeof types.PlanTeamDocument,
    "\n  query Plan($slug: String!, $members: Int, $daysOff: Float, $capacityHours: Float, $reservedOpsShare: Float) {\n    team(slug: $slug) {\n      slug\n      plan(members: $members, daysOff: $daysOff, capacityHours: $capacityHours, reservedOpsShare: $reservedOpsShare) {\n        startDate endDate capacityHours projectedOpsShare recommendedOpsShare recommendationBasis reservedOpsShare\n        reservedOpsHours featureHours status rules { rule status value limit message } explanation basedOn guardrailVersion\n        odds { p50Share p80Share basedOnSprints sentence }\n        trackRecord { sprints held p80Sprints p80Exceeded sentence }\n      }\n    }\n  }\n": typeof types.PlanDocument,
    "\n  query PlanSprints($slug: String!) {\n    team(slug: $slug) {\n      slug\n      sprints(last: 12) { name startDate endDate state synthetic capacityHours reservedOpsShare reservedOpsHours featureHours featurePointsCompleted }\n    }\n  }\n": typeof types.PlanSprintsDocument,
    "\n  mutation DeleteSprint($team: String!, $name: String!) {\n    deleteSprint(team: $team, name: $name)\n  }\n": typeof types.DeleteSprintDocument,
    "\n  # team null: the org default.\n  mutation SetGuardrail($team: String, $input: GuardrailInput!, $reason: String!) {\n    setGuardrail(team: $team, input: $input, reason: $reason) { ...GuardrailPolicyFields }\n  }\n": typeof types.SetGuardrailDocument,
    "\n  # Accepting a plan is planning under the guardrails in force: a sprint of the same name that was\n  # planned before is re-planned (and the server records who and when).\n  mutation AcceptPlan($input: [SprintInput!]!) {\n    upsertSprints(input: $input, replan: true) { name startDate endDate capacityHours reservedOpsShare }\n  }\n": typeof types.AcceptPlanDocument,
    "\n  mutation SetHourSchedule($input: [TeamInput!]!) {\n    upsertTeams(input: $input) {\n      slug\n      hourSchedule { businessStartHour businessEndHour sleepStartHour sleepEndHour businessDays }\n    }\n  }\n": typeof types.SetHourScheduleDocument,
    "\n  query TeamResponders($slug: String!, $range: DateRange!) {\n    team(slug: $slug) {\n      slug\n      responderFigures(range: $range) {\n        people { person pages pageHours offHoursPageHours sleepPageHours sleepInterruptions }\n        pagesWithoutResponders\n        evenness { people personPageHours busiestShare gini }\n      }\n    }\n  }\n": typeof types.TeamRespondersDocument,
    "\n  mutation SaveSprint($input: [SprintInput!]!) {\n    upsertSprints(input: $input) { name }\n  }\n": typeof types.SaveSprintDocument,
    "\n  mutation SaveTeam($input: [TeamInput!]!) {\n    upsertTeams(input: $input) { slug name timezone members focusHoursPerDay archived }\n  }\n": typeof types.SaveTeamDocument,
    "\n  mutation ArchiveTeam($slug: String!) {\n    archiveTeam(slug: $slug) { slug archived }\n  }\n": typeof types.ArchiveTeamDocument,
};
const documents: Documents = {
    "\n  query Unrouted {\n    unrouted { source key label kind count firstSeen lastSeen }\n    teams { slug name }\n  }\n": types.UnroutedDocument,
    "\n  query SourceMappings {\n    sourceMappings { source key createdAt team { slug name } }\n  }\n": types.SourceMappingsDocument,
    "\n  mutation SetSourceMapping($input: SourceMappingInput!) {\n    setSourceMapping(input: $input) { source key attributed team { slug name } }\n  }\n": types.SetSourceMappingDocument,
    "\n  query WebhookSources {\n    webhookSources { source name signals path envVar secretConfigured lastDeliveryAt pending failing rejected }\n  }\n": types.WebhookSourcesDocument,
    "\n  query Backfills {\n    backfills { source command environment params since until startedAt finishedAt counts { name value } }\n  }\n": types.BackfillsDocument,
    "\n  fragment RatedKpis on TeamKpis {\n    alerts pages pageHours businessPageHours offHoursPageHours sleepPageHours\n    sleepInterruptions deploys failedDeploys changeFailureRate toilHours\n    opsHours capacityHours opsShare\n    status\n    rules { rule status value limit message }\n    previous { alerts pages pageHours opsHours opsShare sleepInterruptions }\n  }\n": types.RatedKpisFragmentDoc,
    "\n  fragment KpiPointFields on KpiPoint {\n    start end days bucketDays sprint\n    alerts pages pageHours businessPageHours offHoursPageHours sleepPageHours\n    sleepInterruptions deploys failedDeploys changeFailureRate toilHours\n    opsHours opsBreakdown { pages alerts failedDeploys toil }\n  }\n": types.KpiPointFieldsFragmentDoc,
    "\n  fragment DoraMetricFields on DoraMetric { value unit band }\n": types.DoraMetricFieldsFragmentDoc,
    "\n  fragment TotalsFields on KpiTotals {\n    teams alerts pages pageHours businessPageHours offHoursPageHours sleepPageHours\n    sleepInterruptions deploys failedDeploys changeFailureRate toilHours\n    opsHours capacityHours opsShare status\n  }\n": types.TotalsFieldsFragmentDoc,
    "\n  query Overview($range: DateRange!) {\n    overview(range: $range) {\n      team { slug name timezone members group { id } }\n      status\n      kpis { ...RatedKpis }\n    }\n    overviewGroups(range: $range) {\n      group { id name path depth parent { id } }\n      teams\n      status\n      totals { ...TotalsFields }\n    }\n    orgTotal(range: $range) { ...TotalsFields }\n  }\n": types.OverviewDocument,
    "\n  query OverviewSeries($range: DateRange!, $sparkBucket: Bucket!) {\n    teams {\n      slug name\n      series(range: $range, bucket: WEEK) { start end days bucketDays alerts pageHours }\n      spark: series(range: $range, bucket: $sparkBucket) { start end opsHours }\n    }\n  }\n": types.OverviewSeriesDocument,
    "\n  query Freshness {\n    freshness { source lastReceivedAt latestDate }\n  }\n": types.FreshnessDocument,
    "\n  query Viewer {\n    viewer { name scopes teams }\n  }\n": types.ViewerDocument,
    "\n  query Team($slug: String!, $range: DateRange!) {\n    team(slug: $slug) {\n      slug name timezone members focusHoursPerDay archived\n      hourSchedule { businessStartHour businessEndHour sleepStartHour sleepEndHour businessDays }\n      kpis(range: $range) {\n        ...RatedKpis\n        opsBreakdown { pages alerts failedDeploys toil }\n        medianTimeToAcknowledgeSeconds medianTimeToResolveSeconds\n      }\n      dora(range: $range) {\n        deploymentFrequency { ...DoraMetricFields }\n        changeFailureRate { ...DoraMetricFields }\n        leadTime { ...DoraMetricFields }\n        timeToResolve { ...DoraMetricFields }\n        reportYear\n      }\n      services(range: $range) {\n        service alerts pages pageHours sleepInterruptions deploys failedDeploys toilHours opsHours\n      }\n      guardrail { reserveFloor opsCeiling version }\n      sprints(last: 8) {\n        name startDate endDate state capacityHours opsHours opsShare reservedOpsShare underReserved status synthetic\n        recordedMembers recordedCapacityHours daysOff featurePointsPlanned featurePointsCompleted\n        rules { rule status value limit message }\n      }\n    }\n  }\n": types.TeamDocument,
    "\n  query TeamSeries($slug: String!, $range: DateRange!, $bucket: Bucket!) {\n    team(slug: $slug) {\n      slug\n      series(range: $range, bucket: $bucket) { ...KpiPointFields }\n    }\n  }\n": types.TeamSeriesDocument,
    "\n  fragment SnapshotSummaryFields on Snapshot {\n    id label range { from to } teams author createdAt\n  }\n": types.SnapshotSummaryFieldsFragmentDoc,
    "\n  query Snapshots($first: Int!, $after: String) {\n    snapshots(first: $first, after: $after) {\n      edges { cursor node { ...SnapshotSummaryFields } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": types.SnapshotsDocument,
    "\n  query SnapshotTeams {\n    teams { slug name }\n  }\n": types.SnapshotTeamsDocument,
    "\n  mutation CreateSnapshot($input: SnapshotInput!) {\n    createSnapshot(input: $input) { ...SnapshotSummaryFields }\n  }\n": types.CreateSnapshotDocument,
    "\n  query Snapshot($id: ID!) {\n    snapshot(id: $id) {\n      ...SnapshotSummaryFields serverVersion schema\n      data {\n        slug name timezone members focusHoursPerDay\n        kpis {\n          days alerts pages pageHours businessPageHours offHoursPageHours sleepPageHours sleepInterruptions\n          deploys failedDeploys changeFailureRate toilHours opsHours capacityHours opsShare reservedOpsShare status\n          opsBreakdown { pages alerts failedDeploys toil }\n          rules { rule status value limit message }\n        }\n        guardrail {\n          version team reserveFloor opsCeiling maxPageHoursPerWeek maxSleepInterruptionsPerWeek\n          maxSleepInterruptionsPerPersonWeek maxChangeFailureRate lookbackSprints reserveAt reason author createdAt\n        }\n        loadModel { businessWeight offHoursWeight sleepWeight minutesPerAlert hoursPerFailedDeploy maxHoursPerPage }\n        sprints {\n          name startDate endDate state capacityHours reservedOpsShare opsHours opsShare featureHours underReserved status guardrailVersion\n        }\n        plan {\n          startDate endDate capacityHours projectedOpsShare recommendedOpsShare reservedOpsHours featureHours status explanation\n        }\n      }\n    }\n  }\n": types.SnapshotDocument,
    "\n  query SnapshotDiff($a: ID!, $b: ID, $reversed: Boolean) {\n    snapshotDiff(a: $a, b: $b, reversed: $reversed) {\n      before { id label createdAt range { from to } }\n      after { id label createdAt range { from to } }\n      teams {\n        team name presence statusBefore statusAfter\n        changes { kpi before after delta }\n      }\n    }\n  }\n": types.SnapshotDiffDocument,
    "\n  query NotificationChannels {\n    notificationChannels { id name kind target signed enabled createdAt createdBy subscriptions { id team group { id path allTeams { slug } } events } }\n    teams { slug name }\n    groups { id path }\n  }\n": types.NotificationChannelsDocument,
    "\n  query NotificationDeliveries($last: Int) {\n    notificationDeliveries(last: $last) { id channel event team summary state attempts createdAt lastAttemptAt nextAttemptAt deliveredAt lastError }\n  }\n": types.NotificationDeliveriesDocument,
    "\n  mutation CreateNotificationChannel($input: NotificationChannelInput!) {\n    createNotificationChannel(input: $input) { secret channel { id name kind } }\n  }\n": types.CreateNotificationChannelDocument,
    "\n  mutation UpdateNotificationChannel($id: ID!, $input: NotificationChannelUpdate!) {\n    updateNotificationChannel(id: $id, input: $input) { id enabled }\n  }\n": types.UpdateNotificationChannelDocument,
    "\n  mutation DeleteNotificationChannel($id: ID!) {\n    deleteNotificationChannel(id: $id)\n  }\n": types.DeleteNotificationChannelDocument,
    "\n  mutation SubscribeNotifications($input: NotificationSubscriptionInput!) {\n    subscribeNotifications(input: $input) { id team group { id } events }\n  }\n": types.SubscribeNotificationsDocument,
    "\n  mutation UnsubscribeNotifications($id: ID!) {\n    unsubscribeNotifications(id: $id)\n  }\n": types.UnsubscribeNotificationsDocument,
    "\n  mutation SendTestNotification($channel: ID!) {\n    sendTestNotification(channel: $channel) { id state lastError }\n  }\n": types.SendTestNotificationDocument,
    "\n  query Tokens {\n    tokens { id name scopes teams group { id path } createdAt lastUsedAt expiresAt revokedAt }\n    groups { id path }\n  }\n": types.TokensDocument,
    "\n  mutation CreateToken($input: TokenInput!) {\n    createToken(input: $input) { id name token }\n  }\n": types.CreateTokenDocument,
    "\n  mutation RevokeToken($id: ID!) {\n    revokeToken(id: $id)\n  }\n": types.RevokeTokenDocument,
    "\n  query Defaults {\n    guardrailDefaults { ...GuardrailPolicyFields }\n    guardrailDefaultsHistory { ...GuardrailPolicyFields }\n    loadModelDefaults { ...LoadModelFields }\n    loadModelDefaultsHistory { ...LoadModelChangeFields }\n  }\n": types.DefaultsDocument,
    "\n  query OrgPrivacy {\n    orgPrivacy { hidePeople changedBy changedAt }\n  }\n": types.OrgPrivacyDocument,
    "\n  mutation SetOrgPrivacy($hidePeople: Boolean!) {\n    setOrgPrivacy(input: { hidePeople: $hidePeople }) { hidePeople changedBy changedAt }\n  }\n": types.SetOrgPrivacyDocument,
    "\n  fragment LoadModelFields on LoadModel {\n    businessWeight offHoursWeight sleepWeight minutesPerAlert hoursPerFailedDeploy maxHoursPerPage\n  }\n": types.LoadModelFieldsFragmentDoc,
    "\n  fragment LoadModelChangeFields on LoadModelChange {\n    team businessWeight offHoursWeight sleepWeight minutesPerAlert hoursPerFailedDeploy maxHoursPerPage\n    reason changedBy changedAt\n  }\n": types.LoadModelChangeFieldsFragmentDoc,
    "\n  query TeamLoadModel($slug: String!) {\n    team(slug: $slug) {\n      slug\n      loadModel { ...LoadModelFields }\n      ownLoadModel { ...LoadModelFields }\n      loadModelHistory { ...LoadModelChangeFields }\n    }\n  }\n": types.TeamLoadModelDocument,
    "\n  mutation SetLoadModel($team: String, $input: LoadModelInput!, $reason: String!) {\n    setLoadModel(team: $team, input: $input, reason: $reason) { ...LoadModelFields }\n  }\n": types.SetLoadModelDocument,
    "\n  query GettingStarted {\n    teams { slug sprints(last: 1) { synthetic } }\n    freshness { source }\n  }\n": types.GettingStartedDocument,
    "\n  fragment GuardrailPolicyFields on GuardrailPolicy {\n    reserveFloor opsCeiling maxPageHoursPerWeek maxSleepInterruptionsPerWeek maxSleepInterruptionsPerPersonWeek\n    maxChangeFailureRate lookbackSprints reserveAt\n    version team reason author createdAt\n  }\n": types.GuardrailPolicyFieldsFragmentDoc,
    "\n  query PlanTeam($slug: String!) {\n    team(slug: $slug) {\n      slug name members focusHoursPerDay\n      guardrail { ...GuardrailPolicyFields }\n      guardrailHistory { ...GuardrailPolicyFields }\n    }\n  }\n": types.PlanTeamDocument,
    "\n  query Plan($slug: String!, $members: Int, $daysOff: Float, $capacityHours: Float, $reservedOpsShare: Float) {\n    team(slug: $slug) {\n      slug\n      plan(members: $members, daysOff: $daysOff, capacityHours: $capacityHours, reservedOpsShare: $reservedOpsShare) {\n        startDate endDate capacityHours projectedOpsShare recommendedOpsShare recommendationBasis reservedOpsShare\n        reservedOpsHours featureHours status rules { rule status value limit message } explanation basedOn guardrailVersion\n        odds { p50Share p80Share basedOnSprints sentence }\n        trackRecord { sprints held p80Sprints p80Exceeded sentence }\n      }\n    }\n  }\n": types.PlanDocument,
    "\n  query PlanSprints($slug: String!) {\n    team(slug: $slug) {\n      slug\n      sprints(last: 12) { name startDate endDate state synthetic capacityHours reservedOpsShare reservedOpsHours featureHours featurePointsCompleted }\n    }\n  }\n": types.PlanSprintsDocument,
    "\n  mutation DeleteSprint($team: String!, $name: String!) {\n    deleteSprint(team: $team, name: $name)\n  }\n": types.DeleteSprintDocument,
    "\n  # team null: the org default.\n  mutation SetGuardrail($team: String, $input: GuardrailInput!, $reason: String!) {\n    setGuardrail(team: $team, input: $input, reason: $reason) { ...GuardrailPolicyFields }\n  }\n": types.SetGuardrailDocument,
    "\n  # Accepting a plan is planning under the guardrails in force: a sprint of the same name that was\n  # planned before is re-planned (and the server records who and when).\n  mutation AcceptPlan($input: [SprintInput!]!) {\n    upsertSprints(input: $input, replan: true) { name startDate endDate capacityHours reservedOpsShare }\n  }\n": types.AcceptPlanDocument,
    "\n  mutation SetHourSchedule($input: [TeamInput!]!) {\n    upsertTeams(input: $input) {\n      slug\n      hourSchedule { businessStartHour businessEndHour sleepStartHour sleepEndHour businessDays }\n    }\n  }\n": types.SetHourScheduleDocument,
    "\n  query TeamResponders($slug: String!, $range: DateRange!) {\n    team(slug: $slug) {\n      slug\n      responderFigures(range: $range) {\n        people { person pages pageHours offHoursPageHours sleepPageHours sleepInterruptions }\n        pagesWithoutResponders\n        evenness { people personPageHours busiestShare gini }\n      }\n    }\n  }\n": types.TeamRespondersDocument,
    "\n  mutation SaveSprint($input: [SprintInput!]!) {\n    upsertSprints(input: $input) { name }\n  }\n": types.SaveSprintDocument,
    "\n  mutation SaveTeam($input: [TeamInput!]!) {\n    upsertTeams(input: $input) { slug name timezone members focusHoursPerDay archived }\n  }\n": types.SaveTeamDocument,
    "\n  mutation ArchiveTeam($slug: String!) {\n    archiveTeam(slug: $slug) { slug archived }\n  }\n": types.ArchiveTeamDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Unrouted {\n    unrouted { source key label kind count firstSeen lastSeen }\n    teams { slug name }\n  }\n"): typeof import('./graphql').UnroutedDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SourceMappings {\n    sourceMappings { source key createdAt team { slug name } }\n  }\n"): typeof import('./graphql').SourceMappingsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetSourceMapping($input: SourceMappingInput!) {\n    setSourceMapping(input: $input) { source key attributed team { slug name } }\n  }\n"): typeof import('./graphql').SetSourceMappingDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WebhookSources {\n    webhookSources { source name signals path envVar secretConfigured lastDeliveryAt pending failing rejected }\n  }\n"): typeof import('./graphql').WebhookSourcesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Backfills {\n    backfills { source command environment params since until startedAt finishedAt counts { name value } }\n  }\n"): typeof import('./graphql').BackfillsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment RatedKpis on TeamKpis {\n    alerts pages pageHours businessPageHours offHoursPageHours sleepPageHours\n    sleepInterruptions deploys failedDeploys changeFailureRate toilHours\n    opsHours capacityHours opsShare\n    status\n    rules { rule status value limit message }\n    previous { alerts pages pageHours opsHours opsShare sleepInterruptions }\n  }\n"): typeof import('./graphql').RatedKpisFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment KpiPointFields on KpiPoint {\n    start end days bucketDays sprint\n    alerts pages pageHours businessPageHours offHoursPageHours sleepPageHours\n    sleepInterruptions deploys failedDeploys changeFailureRate toilHours\n    opsHours opsBreakdown { pages alerts failedDeploys toil }\n  }\n"): typeof import('./graphql').KpiPointFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment DoraMetricFields on DoraMetric { value unit band }\n"): typeof import('./graphql').DoraMetricFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment TotalsFields on KpiTotals {\n    teams alerts pages pageHours businessPageHours offHoursPageHours sleepPageHours\n    sleepInterruptions deploys failedDeploys changeFailureRate toilHours\n    opsHours capacityHours opsShare status\n  }\n"): typeof import('./graphql').TotalsFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Overview($range: DateRange!) {\n    overview(range: $range) {\n      team { slug name timezone members group { id } }\n      status\n      kpis { ...RatedKpis }\n    }\n    overviewGroups(range: $range) {\n      group { id name path depth parent { id } }\n      teams\n      status\n      totals { ...TotalsFields }\n    }\n    orgTotal(range: $range) { ...TotalsFields }\n  }\n"): typeof import('./graphql').OverviewDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OverviewSeries($range: DateRange!, $sparkBucket: Bucket!) {\n    teams {\n      slug name\n      series(range: $range, bucket: WEEK) { start end days bucketDays alerts pageHours }\n      spark: series(range: $range, bucket: $sparkBucket) { start end opsHours }\n    }\n  }\n"): typeof import('./graphql').OverviewSeriesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Freshness {\n    freshness { source lastReceivedAt latestDate }\n  }\n"): typeof import('./graphql').FreshnessDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Viewer {\n    viewer { name scopes teams }\n  }\n"): typeof import('./graphql').ViewerDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Team($slug: String!, $range: DateRange!) {\n    team(slug: $slug) {\n      slug name timezone members focusHoursPerDay archived\n      hourSchedule { businessStartHour businessEndHour sleepStartHour sleepEndHour businessDays }\n      kpis(range: $range) {\n        ...RatedKpis\n        opsBreakdown { pages alerts failedDeploys toil }\n        medianTimeToAcknowledgeSeconds medianTimeToResolveSeconds\n      }\n      dora(range: $range) {\n        deploymentFrequency { ...DoraMetricFields }\n        changeFailureRate { ...DoraMetricFields }\n        leadTime { ...DoraMetricFields }\n        timeToResolve { ...DoraMetricFields }\n        reportYear\n      }\n      services(range: $range) {\n        service alerts pages pageHours sleepInterruptions deploys failedDeploys toilHours opsHours\n      }\n      guardrail { reserveFloor opsCeiling version }\n      sprints(last: 8) {\n        name startDate endDate state capacityHours opsHours opsShare reservedOpsShare underReserved status synthetic\n        recordedMembers recordedCapacityHours daysOff featurePointsPlanned featurePointsCompleted\n        rules { rule status value limit message }\n      }\n    }\n  }\n"): typeof import('./graphql').TeamDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TeamSeries($slug: String!, $range: DateRange!, $bucket: Bucket!) {\n    team(slug: $slug) {\n      slug\n      series(range: $range, bucket: $bucket) { ...KpiPointFields }\n    }\n  }\n"): typeof import('./graphql').TeamSeriesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SnapshotSummaryFields on Snapshot {\n    id label range { from to } teams author createdAt\n  }\n"): typeof import('./graphql').SnapshotSummaryFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Snapshots($first: Int!, $after: String) {\n    snapshots(first: $first, after: $after) {\n      edges { cursor node { ...SnapshotSummaryFields } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"): typeof import('./graphql').SnapshotsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SnapshotTeams {\n    teams { slug name }\n  }\n"): typeof import('./graphql').SnapshotTeamsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateSnapshot($input: SnapshotInput!) {\n    createSnapshot(input: $input) { ...SnapshotSummaryFields }\n  }\n"): typeof import('./graphql').CreateSnapshotDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Snapshot($id: ID!) {\n    snapshot(id: $id) {\n      ...SnapshotSummaryFields serverVersion schema\n      data {\n        slug name timezone members focusHoursPerDay\n        kpis {\n          days alerts pages pageHours businessPageHours offHoursPageHours sleepPageHours sleepInterruptions\n          deploys failedDeploys changeFailureRate toilHours opsHours capacityHours opsShare reservedOpsShare status\n          opsBreakdown { pages alerts failedDeploys toil }\n          rules { rule status value limit message }\n        }\n        guardrail {\n          version team reserveFloor opsCeiling maxPageHoursPerWeek maxSleepInterruptionsPerWeek\n          maxSleepInterruptionsPerPersonWeek maxChangeFailureRate lookbackSprints reserveAt reason author createdAt\n        }\n        loadModel { businessWeight offHoursWeight sleepWeight minutesPerAlert hoursPerFailedDeploy maxHoursPerPage }\n        sprints {\n          name startDate endDate state capacityHours reservedOpsShare opsHours opsShare featureHours underReserved status guardrailVersion\n        }\n        plan {\n          startDate endDate capacityHours projectedOpsShare recommendedOpsShare reservedOpsHours featureHours status explanation\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').SnapshotDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SnapshotDiff($a: ID!, $b: ID, $reversed: Boolean) {\n    snapshotDiff(a: $a, b: $b, reversed: $reversed) {\n      before { id label createdAt range { from to } }\n      after { id label createdAt range { from to } }\n      teams {\n        team name presence statusBefore statusAfter\n        changes { kpi before after delta }\n      }\n    }\n  }\n"): typeof import('./graphql').SnapshotDiffDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query NotificationChannels {\n    notificationChannels { id name kind target signed enabled createdAt createdBy subscriptions { id team group { id path allTeams { slug } } events } }\n    teams { slug name }\n    groups { id path }\n  }\n"): typeof import('./graphql').NotificationChannelsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query NotificationDeliveries($last: Int) {\n    notificationDeliveries(last: $last) { id channel event team summary state attempts createdAt lastAttemptAt nextAttemptAt deliveredAt lastError }\n  }\n"): typeof import('./graphql').NotificationDeliveriesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateNotificationChannel($input: NotificationChannelInput!) {\n    createNotificationChannel(input: $input) { secret channel { id name kind } }\n  }\n"): typeof import('./graphql').CreateNotificationChannelDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateNotificationChannel($id: ID!, $input: NotificationChannelUpdate!) {\n    updateNotificationChannel(id: $id, input: $input) { id enabled }\n  }\n"): typeof import('./graphql').UpdateNotificationChannelDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteNotificationChannel($id: ID!) {\n    deleteNotificationChannel(id: $id)\n  }\n"): typeof import('./graphql').DeleteNotificationChannelDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SubscribeNotifications($input: NotificationSubscriptionInput!) {\n    subscribeNotifications(input: $input) { id team group { id } events }\n  }\n"): typeof import('./graphql').SubscribeNotificationsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UnsubscribeNotifications($id: ID!) {\n    unsubscribeNotifications(id: $id)\n  }\n"): typeof import('./graphql').UnsubscribeNotificationsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SendTestNotification($channel: ID!) {\n    sendTestNotification(channel: $channel) { id state lastError }\n  }\n"): typeof import('./graphql').SendTestNotificationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Tokens {\n    tokens { id name scopes teams group { id path } createdAt lastUsedAt expiresAt revokedAt }\n    groups { id path }\n  }\n"): typeof import('./graphql').TokensDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateToken($input: TokenInput!) {\n    createToken(input: $input) { id name token }\n  }\n"): typeof import('./graphql').CreateTokenDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeToken($id: ID!) {\n    revokeToken(id: $id)\n  }\n"): typeof import('./graphql').RevokeTokenDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Defaults {\n    guardrailDefaults { ...GuardrailPolicyFields }\n    guardrailDefaultsHistory { ...GuardrailPolicyFields }\n    loadModelDefaults { ...LoadModelFields }\n    loadModelDefaultsHistory { ...LoadModelChangeFields }\n  }\n"): typeof import('./graphql').DefaultsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OrgPrivacy {\n    orgPrivacy { hidePeople changedBy changedAt }\n  }\n"): typeof import('./graphql').OrgPrivacyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetOrgPrivacy($hidePeople: Boolean!) {\n    setOrgPrivacy(input: { hidePeople: $hidePeople }) { hidePeople changedBy changedAt }\n  }\n"): typeof import('./graphql').SetOrgPrivacyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment LoadModelFields on LoadModel {\n    businessWeight offHoursWeight sleepWeight minutesPerAlert hoursPerFailedDeploy maxHoursPerPage\n  }\n"): typeof import('./graphql').LoadModelFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment LoadModelChangeFields on LoadModelChange {\n    team businessWeight offHoursWeight sleepWeight minutesPerAlert hoursPerFailedDeploy maxHoursPerPage\n    reason changedBy changedAt\n  }\n"): typeof import('./graphql').LoadModelChangeFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TeamLoadModel($slug: String!) {\n    team(slug: $slug) {\n      slug\n      loadModel { ...LoadModelFields }\n      ownLoadModel { ...LoadModelFields }\n      loadModelHistory { ...LoadModelChangeFields }\n    }\n  }\n"): typeof import('./graphql').TeamLoadModelDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetLoadModel($team: String, $input: LoadModelInput!, $reason: String!) {\n    setLoadModel(team: $team, input: $input, reason: $reason) { ...LoadModelFields }\n  }\n"): typeof import('./graphql').SetLoadModelDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query GettingStarted {\n    teams { slug sprints(last: 1) { synthetic } }\n    freshness { source }\n  }\n"): typeof import('./graphql').GettingStartedDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment GuardrailPolicyFields on GuardrailPolicy {\n    reserveFloor opsCeiling maxPageHoursPerWeek maxSleepInterruptionsPerWeek maxSleepInterruptionsPerPersonWeek\n    maxChangeFailureRate lookbackSprints reserveAt\n    version team reason author createdAt\n  }\n"): typeof import('./graphql').GuardrailPolicyFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PlanTeam($slug: String!) {\n    team(slug: $slug) {\n      slug name members focusHoursPerDay\n      guardrail { ...GuardrailPolicyFields }\n      guardrailHistory { ...GuardrailPolicyFields }\n    }\n  }\n"): typeof import('./graphql').PlanTeamDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Plan($slug: String!, $members: Int, $daysOff: Float, $capacityHours: Float, $reservedOpsShare: Float) {\n    team(slug: $slug) {\n      slug\n      plan(members: $members, daysOff: $daysOff, capacityHours: $capacityHours, reservedOpsShare: $reservedOpsShare) {\n        startDate endDate capacityHours projectedOpsShare recommendedOpsShare recommendationBasis reservedOpsShare\n        reservedOpsHours featureHours status rules { rule status value limit message } explanation basedOn guardrailVersion\n        odds { p50Share p80Share basedOnSprints sentence }\n        trackRecord { sprints held p80Sprints p80Exceeded sentence }\n      }\n    }\n  }\n"): typeof import('./graphql').PlanDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PlanSprints($slug: String!) {\n    team(slug: $slug) {\n      slug\n      sprints(last: 12) { name startDate endDate state synthetic capacityHours reservedOpsShare reservedOpsHours featureHours featurePointsCompleted }\n    }\n  }\n"): typeof import('./graphql').PlanSprintsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteSprint($team: String!, $name: String!) {\n    deleteSprint(team: $team, name: $name)\n  }\n"): typeof import('./graphql').DeleteSprintDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  # team null: the org default.\n  mutation SetGuardrail($team: String, $input: GuardrailInput!, $reason: String!) {\n    setGuardrail(team: $team, input: $input, reason: $reason) { ...GuardrailPolicyFields }\n  }\n"): typeof import('./graphql').SetGuardrailDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  # Accepting a plan is planning under the guardrails in force: a sprint of the same name that was\n  # planned before is re-planned (and the server records who and when).\n  mutation AcceptPlan($input: [SprintInput!]!) {\n    upsertSprints(input: $input, replan: true) { name startDate endDate capacityHours reservedOpsShare }\n  }\n"): typeof import('./graphql').AcceptPlanDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetHourSchedule($input: [TeamInput!]!) {\n    upsertTeams(input: $input) {\n      slug\n      hourSchedule { businessStartHour businessEndHour sleepStartHour sleepEndHour businessDays }\n    }\n  }\n"): typeof import('./graphql').SetHourScheduleDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TeamResponders($slug: String!, $range: DateRange!) {\n    team(slug: $slug) {\n      slug\n      responderFigures(range: $range) {\n        people { person pages pageHours offHoursPageHours sleepPageHours sleepInterruptions }\n        pagesWithoutResponders\n        evenness { people personPageHours busiestShare gini }\n      }\n    }\n  }\n"): typeof import('./graphql').TeamRespondersDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SaveSprint($input: [SprintInput!]!) {\n    upsertSprints(input: $input) { name }\n  }\n"): typeof import('./graphql').SaveSprintDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SaveTeam($input: [TeamInput!]!) {\n    upsertTeams(input: $input) { slug name timezone members focusHoursPerDay archived }\n  }\n"): typeof import('./graphql').SaveTeamDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ArchiveTeam($slug: String!) {\n    archiveTeam(slug: $slug) { slug archived }\n  }\n"): typeof import('./graphql').ArchiveTeamDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
