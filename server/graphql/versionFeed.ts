import type { Knex } from 'knex';
import pg from 'pg';
import type { PGlite } from '@electric-sql/pglite';

/**
 * The data versions (migrations/20261204090000_data_versions) kept in memory, so a cached answer
 * costs no query (issue 19). The counters are reread — one statement, shared by the requests
 * waiting for it — only when something may have changed them since the last reading:
 *
 * - a NOTIFY on `headroom_data_versions` (migrations/20261206500000_data_version_notify), sent
 *   by every bump and delivered at commit: writes of another instance, the CLI, plain SQL, and
 *   this process's own background work (webhook inbox, token touches). PostgreSQL: a connection
 *   of its own that LISTENs; PGlite: its in-process listen();
 * - any statement this process's knex sends other than a read (`isRead`), and any HTTP response it
 *   starts that was neither a cache hit nor a GraphQL query (`touched`): a request that wrote has
 *   committed before it answers, so the client that wrote reads its write next, without waiting
 *   for the notification. Reads do not count: while pages stream in, the overview's recomputation
 *   would otherwise make every next request read the counters again.
 *
 * A reading counts only for the changes announced before it started (a generation number): a
 * commit announced while it runs makes the next request read again. While the listening
 * connection is down (and until it has listened once) the feed vouches for nothing and every
 * request asks the database, as before; after a reconnection it rereads, having perhaps missed
 * notifications. A connection that stops answering is dropped within two heartbeats (≤ 10 s): the
 * longest a partition can keep another instance's write from this one's cached answers.
 */
/**
 * Whether a statement only reads: a SELECT, or a WITH whose text names no data-modifying command
 * (a WITH … INSERT/UPDATE/DELETE/MERGE writes). Read from the text, so it may take a read for a
 * write (a column named "update" makes the next request reread the counters, no more) but not a
 * write for a read. A leading comment (`/* … *\/`) is skipped.
 */
export function isRead(sql: string): boolean {
  const text = sql.replace(/^\s*(\/\*[^*]*\*\/\s*)?/, '');
  if (/^select\b/i.test(text)) return true;
  return /^with\b/i.test(text) && !/\b(insert|update|delete|merge|truncate)\b/i.test(text);
}

export const CHANNEL = 'headroom_data_versions';
const RECONNECT_MS = 2_000;
/**
 * A silent partition (packets dropped, nothing refused) would leave the listening connection open
 * and deaf, and the counters trusted while another instance writes: it is asked a trivial question
 * this often, and dropped when the previous answer has not come back.
 */
const HEARTBEAT_MS = 5_000;
/** Marks the feed's own reading, which changes nothing (its query events are not changes). */
const READ_SQL = '/* data version feed */ SELECT d.scope, d.version::text AS version, t.slug FROM data_versions d LEFT JOIN teams t ON t.id = d.scope';

export interface Counters {
  /** scope → version: a team id, 0 org-wide, -1 the Data page's records. */
  versions: Map<number, bigint>;
  /** team slug → its scope (a team with no counter yet has none). */
  scopeOfSlug: Map<string, number>;
}

export interface VersionFeed {
  /** The counters as of now, or null when the feed cannot vouch for them (then ask the database). */
  current(): Promise<Counters | null>;
  /** Something may have changed the counters (a response of this process is starting). */
  touched(): void;
  /** Called with the previous and new counters after each reading (the token cache follows org-wide changes). */
  onChange(fn: (before: Counters | null, after: Counters) => void): void;
  start(): Promise<void>;
  stop(): Promise<void>;
}

/** The PGlite instance behind a knex made by db/index.ts createDb, or null for PostgreSQL. */
function pgliteOf(db: Knex): PGlite | null {
  const connection = (db.client as { config: { connection?: unknown } }).config.connection;
  return typeof connection === 'function' ? ((connection as () => { pglite?: PGlite })().pglite ?? null) : null;
}

function connectionStringOf(db: Knex): string | null {
  const connection = (db.client as { config: { connection?: unknown } }).config.connection;
  return typeof connection === 'object' && connection && 'connectionString' in connection ? String((connection as { connectionString: string }).connectionString) : null;
}

export function createVersionFeed(db: Knex): VersionFeed {
  let generation = 0;
  let live = false;
  let stopped = false;
  let counters: Counters | null = null;
  let countersGeneration = -1;
  let reading: { generation: number; promise: Promise<Counters> } | null = null;
  const listeners: ((before: Counters | null, after: Counters) => void)[] = [];
  let client: pg.Client | null = null;
  let unlisten: (() => Promise<void>) | null = null;
  let retry: NodeJS.Timeout | null = null;
  let heartbeat: NodeJS.Timeout | null = null;

  const bump = () => {
    generation++;
  };
  // A read changes no counter (the feed's own reading included): only other statements (writes,
  // COMMIT) make the next request read the counters again.
  const onQuery = (_response: unknown, query: { sql?: string }) => {
    if (!isRead(query?.sql ?? '')) bump();
  };

  async function read(g: number): Promise<Counters> {
    const { rows } = await db.raw(READ_SQL);
    const next: Counters = { versions: new Map(), scopeOfSlug: new Map() };
    for (const r of rows as { scope: number; version: string; slug: string | null }[]) {
      next.versions.set(Number(r.scope), BigInt(r.version));
      if (r.slug !== null) next.scopeOfSlug.set(r.slug, Number(r.scope));
    }
    if (g >= countersGeneration) {
      const before = counters;
      counters = next;
      countersGeneration = g;
      for (const fn of listeners) fn(before, next);
    }
    return next;
  }

  const later = () => {
    if (stopped) return;
    retry = setTimeout(() => void connect(), RECONNECT_MS);
    retry.unref();
  };

  async function listenPostgres(url: string) {
    const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000, keepAlive: true });
    const lost = () => {
      if (client !== c) return;
      client = null;
      live = false;
      if (heartbeat) clearInterval(heartbeat);
      heartbeat = null;
      void c.end().catch(() => undefined);
      later();
    };
    c.on('error', lost);
    c.on('end', lost);
    c.on('notification', bump);
    client = c;
    await c.connect();
    await c.query(`LISTEN ${CHANNEL}`);
    let answered = true;
    heartbeat = setInterval(() => {
      if (!answered) return lost();
      answered = false;
      c.query('SELECT 1').then(() => (answered = true), lost);
    }, HEARTBEAT_MS);
    heartbeat.unref();
  }

  async function connect() {
    retry = null;
    if (stopped) return;
    try {
      const pglite = pgliteOf(db);
      if (pglite) {
        unlisten = await pglite.listen(CHANNEL, bump);
        if (stopped) return void (await unlisten());
      } else {
        const url = connectionStringOf(db);
        if (!url) return; // an unknown kind of connection: ask the database each time
        await listenPostgres(url);
      }
      bump(); // notifications may have been missed while not listening
      live = true;
    } catch {
      live = false;
      const c = client;
      client = null;
      if (heartbeat) clearInterval(heartbeat);
      heartbeat = null;
      await c?.end().catch(() => undefined);
      later();
    }
  }

  return {
    async current() {
      if (!live) return null;
      if (counters && countersGeneration === generation) return counters;
      const g = generation;
      if (!reading || reading.generation !== g) {
        const promise = read(g).finally(() => {
          if (reading?.promise === promise) reading = null;
        });
        reading = { generation: g, promise };
      }
      try {
        return await reading.promise;
      } catch {
        return null;
      }
    },
    touched: bump,
    onChange: (fn) => void listeners.push(fn),
    async start() {
      db.on('query-response', onQuery);
      db.on('query-error', onQuery);
      // Not awaited: the app starts (and answers, asking the database) while it connects.
      void connect();
    },
    async stop() {
      stopped = true;
      live = false;
      if (retry) clearTimeout(retry);
      if (heartbeat) clearInterval(heartbeat);
      db.removeListener('query-response', onQuery);
      db.removeListener('query-error', onQuery);
      const c = client;
      client = null;
      await c?.end().catch(() => undefined);
      await unlisten?.().catch(() => undefined);
    },
  };
}
