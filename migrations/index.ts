import type { Knex } from 'knex';
import * as teams from './20261123120000_teams';
import * as dailyMetrics from './20261123120100_daily_metrics';
import * as events from './20261123120200_events';
import * as planning from './20261123120300_planning';
import * as snapshotsAndAccess from './20261123120400_snapshots_and_access';
import * as eventSignals from './20261123130000_event_signals';
import * as orgScale from './20261123140000_performance';
import * as webhookInbox from './20261201100000_webhook_inbox';
import * as sessions from './20261201120000_sessions';
import * as sprintPlanningRecord from './20261201130000_sprint_planning_record';
import * as teamArchive from './20261202090000_team_archive';
import * as sprintMembers from './20261202100000_sprint_members';
import * as backfillRuns from './20261203090000_backfill_runs';
import * as loadModelChanges from './20261203100000_load_model_changes';
import * as dataVersions from './20261204090000_data_versions';
import * as pageResponders from './20261204100000_page_responders';
import * as guardrailReserveAt from './20261206100000_guardrail_reserve_at';
import * as orgPrivacy from './20261206200000_org_privacy';
import * as groups from './20261206300000_groups';
import * as notifications from './20261206400000_notifications';
import * as dataVersionNotify from './20261206500000_data_version_notify';
import * as notificationGroups from './20261206600000_notification_groups';
import * as incrementalRollup from './20261207100000_incremental_rollup';
import * as responderSleepIndexes from './20261208100000_responder_sleep_indexes';

// Migrations are listed here rather than discovered on disk so they run the same way under
// tsx, vitest and any bundler: knex's file loader cannot import TypeScript by itself.
const migrations: Record<string, Knex.Migration> = {
  '20261123120000_teams': teams,
  '20261123120100_daily_metrics': dailyMetrics,
  '20261123120200_events': events,
  '20261123120300_planning': planning,
  '20261123120400_snapshots_and_access': snapshotsAndAccess,
  '20261123130000_event_signals': eventSignals,
  '20261123140000_performance': orgScale,
  '20261201100000_webhook_inbox': webhookInbox,
  '20261201120000_sessions': sessions,
  '20261201130000_sprint_planning_record': sprintPlanningRecord,
  '20261202090000_team_archive': teamArchive,
  '20261202100000_sprint_members': sprintMembers,
  '20261203090000_backfill_runs': backfillRuns,
  '20261203100000_load_model_changes': loadModelChanges,
  '20261204090000_data_versions': dataVersions,
  '20261204100000_page_responders': pageResponders,
  '20261206100000_guardrail_reserve_at': guardrailReserveAt,
  '20261206200000_org_privacy': orgPrivacy,
  '20261206300000_groups': groups,
  '20261206400000_notifications': notifications,
  '20261206500000_data_version_notify': dataVersionNotify,
  '20261206600000_notification_groups': notificationGroups,
  '20261207100000_incremental_rollup': incrementalRollup,
  '20261208100000_responder_sleep_indexes': responderSleepIndexes,
};

export const migrationSource: Knex.MigrationSource<string> = {
  getMigrations: async () => Object.keys(migrations).sort(),
  getMigrationName: (name) => name,
  getMigration: async (name) => migrations[name],
};
