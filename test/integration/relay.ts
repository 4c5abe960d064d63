import net from 'node:net';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { pino } from 'pino';
import { createDb, migrate, type DbOptions } from '../../server/db/index';
import { createApp, type AppOptions } from '../../server/app';
import { createToken } from '../../server/auth/service';

const ADMIN_URL = process.env.TEST_PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/**
 * A TCP relay in front of PostgreSQL: closing it is, for the app, the database going away;
 * a black hole is a network partition (connections accepted, nothing answered, nothing refused)
 * until heal() delivers what was held back.
 */
export function relay(target: number) {
  let server: net.Server | null = null;
  const sockets = new Set<net.Socket>();
  const pairs = new Set<[net.Socket, net.Socket]>();
  const held: net.Socket[] = [];
  let blackHole = false;
  const forward = (client: net.Socket, upstream: net.Socket) => { client.pipe(upstream); upstream.pipe(client); };
  const connect = (client: net.Socket) => {
    const upstream = net.connect(target, '127.0.0.1');
    sockets.add(client).add(upstream);
    const pair: [net.Socket, net.Socket] = [client, upstream];
    pairs.add(pair);
    forward(client, upstream);
    const close = () => { client.destroy(); upstream.destroy(); pairs.delete(pair); };
    client.on('error', close).on('close', close);
    upstream.on('error', close).on('close', close);
  };
  return {
    port: 0,
    blackHole() {
      blackHole = true;
      for (const [client, upstream] of pairs) {
        client.unpipe(upstream).pause();
        upstream.unpipe(client).pause();
      }
    },
    heal() {
      blackHole = false;
      for (const [client, upstream] of pairs) forward(client, upstream);
      for (const client of held.splice(0)) connect(client);
    },
    async up(port = 0) {
      server = net.createServer((client) => {
        if (!blackHole) return connect(client);
        sockets.add(client);
        client.pause().on('error', () => client.destroy());
        held.push(client);
      });
      await new Promise<void>((r) => server!.listen(port, '127.0.0.1', () => r()));
      this.port = (server!.address() as net.AddressInfo).port;
    },
    async down() {
      for (const s of sockets) s.destroy();
      sockets.clear();
      await new Promise((r) => server?.close(r));
    },
  };
}

/** A database of its own behind a relay, served by an app on a loopback port. */
export async function serveBehindRelay(dbOpts: Partial<DbOptions>, appOpts: AppOptions = {}) {
  const name = `headroom_fault_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const proxy = relay(5432);
  await proxy.up();
  const db = createDb({ databaseUrl: `postgres://postgres@127.0.0.1:${proxy.port}/${name}`, ...dbOpts });
  await migrate(db);
  const { token } = await createToken(db, { name: 'fault test', scopes: ['admin'] });
  const { app, apollo } = await createApp(db, pino({ level: 'silent' }), appOpts);
  const server = await new Promise<import('node:http').Server>((r) => { const x = app.listen(0, '127.0.0.1', () => r(x)); });
  const url = `http://127.0.0.1:${(server.address() as net.AddressInfo).port}`;
  // Every request gives up after 20 s, so a server that never answers fails the test instead of hanging it.
  const gql = (query: string, auth: string | null = token) => fetch(`${url}/graphql`, {
    method: 'POST', signal: AbortSignal.timeout(20_000),
    headers: { 'content-type': 'application/json', ...(auth ? { authorization: `Bearer ${auth}` } : {}) }, body: JSON.stringify({ query }),
  });
  return {
    url, db, proxy, gql, token,
    get: (path: string) => fetch(`${url}${path}`, { signal: AbortSignal.timeout(20_000) }),
    async close() {
      await new Promise((r) => server.close(r));
      await apollo.stop();
      await db.destroy();
      await proxy.down();
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}
