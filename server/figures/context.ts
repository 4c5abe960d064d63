import type { Knex } from 'knex';
import type { Logger } from 'pino';
import { SYSTEM, type Viewer } from '../core/viewer';
import { scopeFor, type Scope } from '../core/scope';
import { signalLoaders, type SignalLoaders } from '../signals/loaders';
import { planningLoaders, type PlanningLoaders } from '../planning/loaders';
import type { WebhookSettings } from '../routing/senders';
import type { KpiMemo } from './kpiMemo';

/**
 * What a figure needs: a scope, and the loaders that batch the figures of many teams; and, for the
 * webhook status, which webhook secrets the server was started with (none unless given).
 */
export type Context = Scope & SignalLoaders & PlanningLoaders & WebhookSettings & {
  /** Figures kept per team and data version; only on queries answered through the response cache. */
  kpiMemo?: KpiMemo;
};

/** A request's context (fresh loaders each time). Server-side callers act as SYSTEM unless given a viewer. */
export function createContext(db: Knex, log: Logger, viewer: Viewer = SYSTEM, webhooks: WebhookSettings = { configuredWebhooks: new Set() }): Context {
  return { ...scopeFor(db, viewer, log), ...signalLoaders(db), ...planningLoaders(db), ...webhooks };
}
