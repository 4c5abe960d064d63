import { describe, it, expect, afterEach, vi } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pino } from 'pino';
import { authenticate, bootstrapAdminToken } from '../../server/auth/service';
import { ensureDataDir } from '../../server/dataDir';
import { acquireEmbeddedLock } from '../../server/db/embeddedLock';
import { DB_KINDS, startTestServer, type TestServer } from './harness';

const log = pino({ level: 'silent' });

describe.each(DB_KINDS)('the first admin token on %s', (kind) => {
  let s: TestServer;
  let dataDir: string;

  /** A served database with no token at all, as on a first start. */
  async function emptyDatabase() {
    s = await startTestServer(kind);
    await s.db('tokens').delete();
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'headroom-bootstrap-'));
  }

  afterEach(async () => {
    vi.restoreAllMocks();
    await s?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  /** POST /api/session with a sign-in code: the status and who signed in. */
  async function redeem(code: string) {
    const res = await fetch(`${s.url}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code }) });
    return { status: res.status, body: await res.json() };
  }

  it('is created once, kept owner-only in the data folder, and a one-time link (not the token) is printed', async () => {
    await emptyDatabase();
    const printed = vi.spyOn(console, 'log').mockImplementation(() => {});
    await bootstrapAdminToken(s.db, { dataDir, baseUrl: 'http://127.0.0.1:4000', log });
    await bootstrapAdminToken(s.db, { dataDir, baseUrl: 'http://127.0.0.1:4000', log });
    expect(await s.db('tokens').select('name')).toEqual([{ name: 'admin (first start)' }]);
    const file = path.join(dataDir, 'admin-token');
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    const token = fs.readFileSync(file, 'utf8').trim();
    expect(await authenticate(s.db, token)).toMatchObject({ name: 'admin (first start)', scopes: ['admin'], teams: null });
    expect(printed).toHaveBeenCalledTimes(1);
    const text = String(printed.mock.calls[0][0]);
    expect(text).not.toContain(token);
    const code = /http:\/\/127\.0\.0\.1:4000\/signin#code=([\w-]+)/.exec(text)?.[1];
    expect(code, text).toBeDefined();
    // The link signs in once, as the admin; a second use is refused.
    expect(await redeem(code!)).toEqual({ status: 200, body: { name: 'admin (first start)', scopes: ['admin'], teams: null } });
    expect((await redeem(code!)).status).toBe(401);
  });

  it('creates the data folder owner-only whatever the umask, and tightens an open one', async () => {
    await emptyDatabase();
    vi.spyOn(console, 'log').mockImplementation(() => {});
    const nested = path.join(dataDir, 'fresh', 'data');
    const embedded = path.join(dataDir, 'embedded');
    const umask = process.umask(0);
    try {
      await bootstrapAdminToken(s.db, { dataDir: nested, baseUrl: 'http://x', log });
      // With the embedded database the folder is first made by its lock, before any token.
      acquireEmbeddedLock(embedded)();
    } finally {
      process.umask(umask);
    }
    expect(fs.statSync(nested).mode & 0o777).toBe(0o700);
    expect(fs.statSync(path.join(nested, 'admin-token')).mode & 0o777).toBe(0o600);
    expect(fs.statSync(embedded).mode & 0o777).toBe(0o700);

    const open = path.join(dataDir, 'open');
    fs.mkdirSync(open, { mode: 0o755 });
    fs.chmodSync(open, 0o755);
    ensureDataDir(open);
    expect(fs.statSync(open).mode & 0o777).toBe(0o700);
  });

  it('is created once when several instances start together on an empty database', async () => {
    await emptyDatabase();
    const adminToken = `hr_${'s'.repeat(43)}`;
    await Promise.all(Array.from({ length: 6 }, () => bootstrapAdminToken(s.db, { adminToken, dataDir, baseUrl: 'http://x', log })));
    const rows = await s.db('tokens').select('name');
    expect(rows).toEqual([{ name: 'admin (HEADROOM_ADMIN_TOKEN)' }]);
    expect(await authenticate(s.db, adminToken)).toMatchObject({ scopes: ['admin'] });
    expect(fs.existsSync(path.join(dataDir, 'admin-token'))).toBe(false);
  });

  it('leaves no token when the token file cannot be written', async () => {
    await emptyDatabase();
    const blocked = path.join(dataDir, 'not-a-folder');
    fs.writeFileSync(blocked, '');
    await expect(bootstrapAdminToken(s.db, { dataDir: blocked, baseUrl: 'http://x', log })).rejects.toThrow();
    expect(await s.db('tokens').select('id')).toEqual([]);
  });
});
