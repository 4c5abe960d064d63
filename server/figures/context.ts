import type { Knex } from 'knex';
import type { Logger } from 'pino';
import { SYSTEM, type Viewer } from '../core/viewer';
import { scopeFor, type Scope } from '../core/scope';
import { signalLoaders, type SignalLoaders } from '../signals/loaders';
import { planningLoaders, type PlanningLoaders } from '../planning/loaders';

/** What a figure needs: a scope, and the loaders that batch the figures of many teams. */
export type Context = Scope & SignalLoaders & PlanningLoaders;

/** A request's context (fresh loaders each time). Server-side callers act as SYSTEM unless given a viewer. */
export function createContext(db: Knex, log: Logger, viewer: Viewer = SYSTEM): Context {
  return { ...scopeFor(db, viewer, log), ...signalLoaders(db), ...planningLoaders(db) };
}
