import type { Knex } from 'knex';
import { pino, type Logger } from 'pino';
import { SYSTEM, type Viewer } from './viewer';

/**
 * What a service is called with: the database, a logger, who is calling (their scopes and team
 * limits) and who acts (recorded with guardrail versions and snapshots). GraphQL, HTTP, the CLI,
 * scripts and tests all make one; none of them needs a transport.
 */
export interface Scope {
  db: Knex;
  log: Logger;
  /** The caller: token name, scopes, team restriction. */
  viewer: Viewer;
  /** Who acts, recorded with guardrail versions and snapshots: the viewer's token name. */
  actor: string;
}

/** A scope in one line: `scopeFor(db)` acts as SYSTEM (CLI, seeding); requests pass their viewer. */
export function scopeFor(db: Knex, viewer: Viewer = SYSTEM, log: Logger = pino({ level: 'silent' })): Scope {
  return { db, log, viewer, actor: viewer.name };
}
