import { z } from 'zod';
import type { Knex } from 'knex';
import { slug, text } from '../core/fields';
import { BadInputError, ForbiddenError, invalidInput, recordsOfIssues } from '../core/errors';
import { requireTeams, type Viewer } from '../core/viewer';
import { permittedTeamIds } from '../teams/visible';
import { resolveTeamIds } from '../teams/service';
import { resplitMovedEvents } from '../signals/resplit';
import {
  deploysRoutableBy, listMappings, lockedMappingTeam, mappedTeams, pagesRoutableBy, setEventTeams, unroutedSignals, upsertMapping, type MappingRow, type RoutableEvent,
} from './queries';
import { authorize } from '../core/permissions';
import type { Scope } from '../core/scope';
import { WEBHOOK_SENDER_IDS } from './senders';

/** Senders whose signals are routed by mapping: their webhooks carry no team. */
export const ROUTED_SOURCES = WEBHOOK_SENDER_IDS;

const mappingInput = z
  .object({
    source: z.enum(ROUTED_SOURCES, { error: `must be one of ${ROUTED_SOURCES.join(', ')}` }),
    key: text,
    team: slug,
  })
  .strict();

/**
 * The team a signal goes to: the first of its keys, in the order given (most specific first,
 * e.g. PagerDuty service id before PagerDuty team ids), that has a mapping; null when none has.
 */
export async function routeTeam(db: Knex, source: string, keys: readonly string[]): Promise<number | null> {
  const mapped = await mappedTeams(db, source, keys);
  for (const k of keys) if (mapped.has(k)) return mapped.get(k)!;
  return null;
}

/**
 * Maps a source key to a team, and in the same transaction attributes the signals it routes:
 * unrouted ones, and — when the mapping is re-pointed — those it had sent to the previous team.
 * Their days and hour classes are computed in the new team's time zone.
 *
 * A viewer limited to teams maps keys to its own teams only, and re-points only keys that already
 * point to one of them: re-pointing another team's key would take that team's signals.
 */
export async function setSourceMapping(db: Knex, input: unknown, viewer: Viewer): Promise<MappingRow & { attributed: number }> {
  authorize(viewer, 'Mutation.setSourceMapping');
  const parsed = mappingInput.safeParse(input);
  if (!parsed.success) {
    throw invalidInput('source mapping', recordsOfIssues(parsed.error.issues, 0, '(input)'));
  }
  const { source, key, team } = parsed.data;
  requireTeams(viewer, [team]);
  const teams = await resolveTeamIds(db, [{ team }]);
  if (teams.errors.length) throw new BadInputError(`Invalid source mapping: team ${teams.errors[0].message}`, teams.errors);
  const teamId = teams.ids.get(team)!;
  return db.transaction(async (trx) => {
    const previous = await lockedMappingTeam(trx, source, key);
    const permitted = await permittedTeamIds(trx, viewer);
    if (previous !== null && permitted && !permitted.has(previous)) {
      throw new ForbiddenError(`The token "${viewer.name}" cannot re-point ${source} key "${key}": it is mapped to a team outside this token's teams.`);
    }
    await upsertMapping(trx, source, key, teamId);
    const pages = await reroute(trx, source, 'page_events', await pagesRoutableBy(trx, source, key, previous));
    const deploys = await reroute(trx, source, 'deploy_events', await deploysRoutableBy(trx, source, key, previous));
    await resplitMovedEvents(trx, {
      pages: pages.map((p) => ({ id: p.id, team_id: p.team_id, triggered_at: p.triggered_at!, resolved_at: p.resolved_at ?? null })),
      deployIds: deploys.map((d) => d.id),
    });
    const [row] = await listMappings(trx, { source, key });
    return { ...row, attributed: pages.length + deploys.length };
  });
}

/** Routes events by the mappings now in force; returns those whose team changed, with the new team. */
async function reroute(trx: Knex.Transaction, source: string, table: 'page_events' | 'deploy_events', events: RoutableEvent[]): Promise<RoutableEvent[]> {
  const keysOf = (e: RoutableEvent) => [e.routing_key ?? '', ...(e.alt_routing_keys ?? [])];
  const mapped = await mappedTeams(trx, source, [...new Set(events.flatMap(keysOf))]);
  const moved = events.flatMap((e) => {
    const team = keysOf(e).map((k) => mapped.get(k)).find((t) => t !== undefined);
    return team !== undefined && team !== e.team_id ? [{ ...e, team_id: team }] : [];
  });
  await setEventTeams(trx, table, moved.map((e) => [e.id, e.team_id]));
  return moved;
}

/** Every source mapping the viewer may see, by source then key (a limited token: those pointing to its teams). */
export async function visibleMappings(scope: Scope): Promise<(MappingRow & { attributed: number })[]> {
  authorize(scope.viewer, 'Query.sourceMappings');
  return (await listMappings(scope.db, undefined, scope.viewer.teams)).map((m) => ({ ...m, attributed: 0 }));
}

/** Signals waiting for a mapping. They belong to no team: only a viewer not limited to teams sees them. */
export async function visibleUnrouted(scope: Scope) {
  authorize(scope.viewer, 'Query.unrouted');
  return scope.viewer.teams === null ? unroutedSignals(scope.db) : [];
}
