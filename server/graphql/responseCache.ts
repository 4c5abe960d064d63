import { HeaderMap, type ApolloServerPlugin, type GraphQLRequestContext } from '@apollo/server';
import { LRUCache } from 'lru-cache';
import type { Knex } from 'knex';
import type { Context } from '../figures/context';

/**
 * Query results are cached per viewer until the data changes (docs/performance.md).
 *
 * The version a result is cached under is PostgreSQL's current snapshot (`pg_current_snapshot()`:
 * xmin, xmax and the transactions in progress). Two equal snapshots see exactly the same committed
 * writes, so a result computed after reading snapshot S is current for as long as the database
 * still reports S: any write — ingestion, a webhook, a guardrail, a revoked token, from this
 * instance or another — takes a transaction id and changes it. The snapshot is read before the
 * query runs, so a write committed meanwhile can only make the result newer than its key, never
 * older. No invalidation code to forget, and instances stay stateless.
 *
 * What the database cannot version is the clock: open pages' hours grow until they are resolved and
 * the plan's "next sprint" moves at midnight. MAX_AGE_MS bounds how old those figures may be.
 *
 * Identical queries that miss at the same moment (a dashboard opened by a room of planners, or
 * everyone's first request after a write) are computed once: the others wait for that result,
 * which is as current as their own computation would be, having the same snapshot.
 */
export const MAX_AGE_MS = 30_000;

type Data = Record<string, unknown>;

async function currentSnapshot(db: Knex): Promise<string | null> {
  try {
    const { rows } = await db.raw('SELECT pg_current_snapshot()::text AS snapshot');
    return rows[0].snapshot;
  } catch {
    // The database is failing: the query itself will answer with SERVICE_UNAVAILABLE.
    return null;
  }
}

function wantsFresh(rc: GraphQLRequestContext<Context>): boolean {
  return /\bno-cache\b/i.test(rc.request.http?.headers.get('cache-control') ?? '');
}

/** Everything a query's result depends on: what the viewer may see, the operation, the data's snapshot. */
function keyOf(rc: GraphQLRequestContext<Context>, snapshot: string): string {
  const { tokenId, name, scopes, teams } = rc.contextValue.viewer;
  return JSON.stringify([snapshot, tokenId, name, scopes, teams, rc.source, rc.operationName ?? null, rc.request.variables ?? {}]);
}

/** The result an identical request is computing, or null if there is none (or it takes over 10 s: then compute). */
async function waitFor(computation: Promise<Data | null> | undefined): Promise<Data | null> {
  if (!computation) return null;
  let timer: NodeJS.Timeout | undefined;
  const giveUp = new Promise<null>((resolve) => (timer = setTimeout(resolve, 10_000, null)));
  try {
    return await Promise.race([computation, giveUp]);
  } finally {
    clearTimeout(timer);
  }
}

export interface ResponseCacheOptions {
  /** Bound on the cached JSON, in characters (default 16 Mi: about 60 overviews of 200 teams). */
  maxSize?: number;
}

/**
 * Apollo plugin: successful query results are kept as JSON in an LRU cache bounded by size;
 * mutations, results with errors and requests sent with `Cache-Control: no-cache` are computed
 * afresh. A response served from the cache (or shared with an identical request) carries `Age`.
 */
export function responseCachePlugin(opts: ResponseCacheOptions = {}): ApolloServerPlugin<Context> {
  const cache = new LRUCache<string, string>({ maxSize: opts.maxSize ?? 16 * 2 ** 20, sizeCalculation: (json) => json.length || 1, ttl: MAX_AGE_MS });
  const computing = new Map<string, Promise<Data | null>>();
  return {
    async requestDidStart() {
      let key: string | null = null;
      let finish: ((data: Data | null) => void) | null = null;
      return {
        async responseForOperation(rc) {
          if (rc.operation?.operation !== 'query' || wantsFresh(rc)) return null;
          const snapshot = await currentSnapshot(rc.contextValue.db);
          if (snapshot === null) return null;
          key = keyOf(rc, snapshot);
          const json = cache.get(key);
          const data = json !== undefined ? (JSON.parse(json) as Data) : await waitFor(computing.get(key));
          if (data) {
            // Seconds since it was computed (0 for a result shared by a request that just computed it).
            const age = cache.has(key) ? Math.max(0, Math.round((MAX_AGE_MS - cache.getRemainingTTL(key)) / 1000)) : 0;
            return { http: { status: undefined, headers: new HeaderMap([['age', String(age)]]) }, body: { kind: 'single', singleResult: { data } } };
          }
          // This request computes; identical ones arriving meanwhile wait for it.
          computing.set(key, new Promise((resolve) => (finish = resolve)));
          return null;
        },
        async willSendResponse(rc) {
          if (!finish || !key) return;
          const body = rc.response.body;
          const data = body.kind === 'single' && !body.singleResult.errors && body.singleResult.data ? body.singleResult.data : null;
          if (data) cache.set(key, JSON.stringify(data));
          computing.delete(key);
          finish(data);
        },
      };
    },
  };
}
