import type { ApolloServerPlugin, GraphQLRequestContext } from '@apollo/server';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { createHash } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import type { Knex } from 'knex';
import type { Context } from '../figures/context';
import type { Viewer } from '../core/viewer';
import { dataVersionOf, figureVersionsOf } from './dataVersions';
import { createVersionFeed, type Counters, type VersionFeed } from './versionFeed';
import { createKpiStore } from '../figures/kpiMemo';
import { countCachedOperation } from '../http/metrics';

/**
 * Query results are cached per viewer until the data they can show changes (docs/performance.md).
 *
 * The key holds the data version of what the viewer can see (graphql/dataVersions.ts: the org-wide
 * counter plus those of the viewer's teams, bumped by triggers in each writing transaction), the
 * viewer (token id, name, scopes, teams) and the request (query text, operation name, variables).
 * The version is read before the query runs, so a write committed meanwhile can only make the
 * result newer than its key, never older. Writes for teams the viewer cannot see, another database
 * on the same server and a token's "last used" touch leave it valid.
 *
 * What the database cannot version is the clock: open pages' hours grow until they are resolved and
 * the plan's "next sprint" moves at midnight. MAX_AGE_MS bounds how old those figures may be.
 *
 * A hit is answered by an Express middleware in front of Apollo (`serveCached`) with the bytes Apollo
 * sent when it computed the answer: no parse, no execution, no serialisation. The viewer is
 * authenticated first, exactly as for a computed answer (a revoked token gets Apollo's 401), and
 * the viewer it found is reused by the GraphQL context. Each answer carries an ETag (Express's
 * formula, so a computed answer and a cached one agree); a GET or POST sent with a matching
 * If-None-Match gets 304 Not Modified and no body.
 *
 * Identical queries that miss at the same moment (a dashboard opened by a room of planners, or
 * everyone's first request after a write) are computed once: the others wait for that result,
 * which is as current as their own computation would be, having the same key. `no-cache` requests
 * get an answer computed after they arrived: those arriving while an identical computation runs
 * share the next one, which starts when it ends (so a burst computes twice, not once per request).
 * Both waits happen here, before Apollo, and the waiters are sent the stored bytes.
 *
 * A query computed through here also keeps its figures per team and data version
 * (figures/kpiMemo.ts): after a write for one team, the next overview recomputes that team only.
 * Fresh answers and mutations do not use them.
 */
export const MAX_AGE_MS = 30_000;

type Data = Record<string, unknown>;

interface Entry {
  /** Exactly what Apollo sends for `{ data }`, encoded once (UTF-8): a hit sends these bytes as they are. */
  body: Buffer;
  etag: string;
  computedAt: number;
  /** The operation's name, for the metrics of hits. */
  operation: string | null;
}

/** What serveCached leaves in res.locals for the GraphQL context and the plugin. */
interface Locals {
  viewer?: Viewer;
  responseCacheKey?: string;
  /** Answered from the cache: its response tells the version feed nothing. */
  cacheHit?: boolean;
  /** The data versions the key was made of, when the version feed vouched for them. */
  counters?: Counters;
  /** Set when this request computes its key's answer: lets identical requests waiting for it go. */
  release?: (data: Data | null) => void;
  /** A GraphQL query: it wrote nothing, so its response tells the version feed nothing either. */
  readOnly?: boolean;
}

/** What serveCached left for the request, on its GraphQL context: a symbol, which Apollo's shallow copy of the context keeps. */
const LOCALS = Symbol('responseCacheLocals');
type Tracked = Context & { [LOCALS]?: Locals };

export interface ResponseCacheOptions {
  /** Bound on the cached bodies, in bytes (default 16 MiB: about 60 overviews of 200 teams). */
  maxSize?: number;
}

/** The body Apollo sends for a result without errors (its prettyJSONStringify). */
const bodyOf = (data: Data) => JSON.stringify({ data }) + '\n';

/** Express's default (weak) ETag of a body (its UTF-8 bytes): their length and SHA-1. */
function etagOf(body: Buffer): string {
  const hash = createHash('sha1').update(body).digest('base64').substring(0, 27);
  return `W/"${body.length.toString(16)}-${hash}"`;
}

/** The request's operation as Apollo reads it, for GET (query string) and POST (JSON body); null for a batch or anything else. */
function operationOf(req: Request): { query: string; operationName: unknown; variables: unknown } | null {
  if (req.method === 'POST') {
    const b = req.body as Record<string, unknown> | undefined;
    if (!b || Array.isArray(b) || typeof b.query !== 'string' || !req.is('application/json')) return null;
    return { query: b.query, operationName: b.operationName ?? null, variables: b.variables ?? {} };
  }
  if (req.method === 'GET') {
    const q = req.query;
    // Apollo's CSRF prevention: a GET needs a header no browser form or link can send.
    if (typeof q.query !== 'string' || !(req.get('apollo-require-preflight') || req.get('x-apollo-operation-name'))) return null;
    try {
      return { query: q.query, operationName: q.operationName ?? null, variables: typeof q.variables === 'string' ? JSON.parse(q.variables) : {} };
    } catch {
      return null; // Apollo names the bad JSON
    }
  }
  return null;
}

/** Text that may hold a mutation (or subscription): any operation of those types names its keyword. */
const MAY_WRITE = /\b(mutation|subscription)\b/;

/**
 * `Cache-Control: no-cache` asks for the answer computed afresh — unless the request is conditional:
 * fetch() adds no-cache to any request sent with If-None-Match, and an answer the data versions
 * say is current is what that revalidation asks about.
 */
function wantsFresh(req: Request): boolean {
  return /\bno-cache\b/i.test(req.get('cache-control') ?? '') && !req.get('if-none-match');
}

function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const bare = (t: string) => t.trim().replace(/^W\//, '');
  return ifNoneMatch.split(',').some((t) => t.trim() === '*' || bare(t) === bare(etag));
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

interface Deferred {
  promise: Promise<Data | null>;
  resolve: (data: Data | null) => void;
}

function deferred(): Deferred {
  let resolve!: (data: Data | null) => void;
  const promise = new Promise<Data | null>((r) => (resolve = r));
  return { promise, resolve };
}

export interface ResponseCache {
  /**
   * Express middleware for every request, before any route: when a response that was neither a
   * cache hit nor a GraphQL query starts, whatever that request wrote has committed, so the version
   * feed rereads the counters before the next answer (the writer then reads its own write at once).
   */
  noteResponses: RequestHandler;
  /** The data versions kept in memory (started and stopped with Apollo, by the plugin). */
  feed: VersionFeed;
  /** Express middleware in front of Apollo: authenticates, answers hits, leaves the key of a miss for the plugin. */
  serveCached: RequestHandler;
  /** The viewer serveCached authenticated, if it did (the context then does not look it up again). */
  viewerOf(res: Response): Viewer | undefined;
  /** Ties a GraphQL context to what serveCached found for its request (key, data versions), for the plugin. */
  track(context: Context, res: Response): Context;
  /** Apollo plugin: gives queries the figures kept per team, stores successful query results and lets their waiters go. */
  plugin: ApolloServerPlugin<Context>;
  /**
   * Apollo's `stringifyResult`: a result the cache has just stored is sent as the text it stored,
   * not serialised a second time; anything else as Apollo would (JSON and a newline).
   */
  stringifyResult(result: { data?: unknown; errors?: unknown; extensions?: unknown }): string;
}

/**
 * The response cache of one app. `authenticate` is the GraphQL context's own viewer lookup (null:
 * unknown, revoked or expired token — Apollo then answers 401 as it would without the cache).
 */
export function createResponseCache(db: Knex, authenticate: (req: Request) => Promise<Viewer | null>, opts: ResponseCacheOptions = {}): ResponseCache {
  const cache = new LRUCache<string, Entry>({ maxSize: opts.maxSize ?? 16 * 2 ** 20, sizeCalculation: (e) => e.body.length || 1, ttl: MAX_AGE_MS });
  const computing = new Map<string, Promise<Data | null>>();
  const feed = createVersionFeed(db);
  const kpiStore = createKpiStore({ maxAgeMs: MAX_AGE_MS });
  // The text of each result just stored, until Apollo sends it (keyed by the result's data object).
  const texts = new WeakMap<object, string>();

  // Per key, the computation fresh requests queue for while one that began before they arrived runs.
  const following = new Map<string, Deferred>();

  async function serveCached(req: Request, res: Response, next: NextFunction) {
    const op = operationOf(req);
    // A mutation is never answered from the cache: it goes straight on (its key would also be its
    // whole batch of records, stringified). A query that merely names "mutation" goes on uncached.
    if (!op || MAY_WRITE.test(op.query)) return next();
    let viewer: Viewer | null;
    try {
      viewer = await authenticate(req);
    } catch {
      return next(); // the context's own lookup reports it
    }
    if (!viewer) return next();
    const locals = res.locals as Locals;
    locals.viewer = viewer;
    const fresh = wantsFresh(req);
    const counters = await feed.current();
    // Figures kept per team serve the versions they were computed at; a fresh answer computes them all.
    if (counters && !fresh) locals.counters = counters;
    const version = await dataVersionOf(db, viewer, /\b(webhookSources|backfills|tokens|notificationChannels|notificationDeliveries)\b/.test(op.query), counters);
    if (version === null) return next();
    const key = JSON.stringify([version, viewer.tokenId, viewer.name, viewer.scopes, viewer.teams, op.query, op.operationName, op.variables]);

    /** This request computes the key's answer; identical ones arriving meanwhile wait for it. */
    const compute = (run: Deferred) => {
      computing.set(key, run.promise);
      locals.responseCacheKey = key;
      locals.release = (data) => {
        if (computing.get(key) === run.promise) computing.delete(key);
        run.resolve(data);
      };
      // Whatever ends the request (an error before Apollo, a client gone), waiters are let go.
      res.once('close', () => locals.release?.(null));
      next();
    };

    let entry = fresh ? undefined : cache.get(key);
    let pending = entry ? undefined : computing.get(key);
    if (fresh && pending) {
      // `no-cache` asks for an answer computed after the request: not the one running, which began
      // before. Fresh requests arriving meanwhile share the next computation, started by the first
      // of them when this one ends (50 planners pressing refresh compute twice, not 50 times).
      const queued = following.get(key);
      if (!queued) {
        const run = deferred();
        following.set(key, run);
        await waitFor(pending);
        following.delete(key);
        return compute(run);
      }
      pending = queued.promise;
    }
    // Checked and claimed in one synchronous step, so requests arriving together do not all compute.
    if (!entry && !pending) return compute(deferred());
    // An identical request is being computed: wait for it and send its bytes, rather than have
    // Apollo serialise the same result again for each waiting client.
    if (pending) entry = (await waitFor(pending)) ? cache.get(key) : undefined;
    if (!entry) return next();
    const type = req.accepts(['application/json', 'application/graphql-response+json']);
    if (!type) return next(); // Apollo answers 406
    countCachedOperation(entry.operation);
    locals.cacheHit = true;
    res.set({ etag: entry.etag, age: String(Math.max(0, Math.round((Date.now() - entry.computedAt) / 1000))) });
    if (matches(req.get('if-none-match'), entry.etag)) {
      res.status(304).end();
      return;
    }
    res.type(`${type}; charset=utf-8`).send(entry.body);
  }

  const plugin: ApolloServerPlugin<Context> = {
    async serverWillStart() {
      await feed.start();
      return { serverWillStop: () => feed.stop() };
    },
    async requestDidStart() {
      return {
        async responseForOperation(rc: GraphQLRequestContext<Context>) {
          // A query computed at known data versions keeps and reuses figures per team (never a
          // mutation: what it returns must follow its own writes).
          const tracked = rc.contextValue as Tracked;
          const locals = tracked[LOCALS];
          if (rc.operation?.operation !== 'query' || !locals) return null;
          locals.readOnly = true;
          if (locals.counters) tracked.kpiMemo = kpiStore.at(figureVersionsOf(locals.counters));
          return null;
        },
        async willSendResponse(rc) {
          const { responseCacheKey: key, release } = (rc.contextValue as Tracked | undefined)?.[LOCALS] ?? {};
          if (!key || !release) return;
          const body = rc.response.body;
          const data = rc.operation?.operation === 'query' && body.kind === 'single' && !body.singleResult.errors && body.singleResult.data ? body.singleResult.data : null;
          if (data) {
            const text = bodyOf(data);
            const bytes = Buffer.from(text, 'utf8');
            const etag = etagOf(bytes);
            texts.set(data, text);
            cache.set(key, { body: bytes, etag, computedAt: Date.now(), operation: rc.operation?.name?.value ?? rc.operationName ?? null });
            // The ETag Express would compute from the same bytes, given now: Express then does not
            // hash the answer a second time.
            rc.response.http.headers.set('etag', etag);
          }
          release(data);
        },
      };
    },
  };

  function noteResponses(_req: Request, res: Response, next: NextFunction) {
    const writeHead = res.writeHead;
    res.writeHead = function (this: Response, ...args: Parameters<Response['writeHead']>) {
      const { cacheHit, readOnly } = res.locals as Locals;
      if (!cacheHit && !readOnly) feed.touched();
      return writeHead.apply(this, args);
    } as Response['writeHead'];
    next();
  }

  return {
    noteResponses,
    feed,
    serveCached: (req, res, next) => void serveCached(req, res, next).catch(next),
    viewerOf: (res) => (res.locals as Locals).viewer,
    track(context, res) {
      (context as Tracked)[LOCALS] = res.locals as Locals;
      return context;
    },
    plugin,
    stringifyResult(result) {
      const stored = result.data && !result.errors && !result.extensions ? texts.get(result.data) : undefined;
      return stored ?? JSON.stringify(result) + '\n';
    },
  };
}
