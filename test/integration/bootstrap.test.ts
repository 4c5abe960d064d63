import { describe, it, expect, afterEach, vi } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pino } from 'pino';
import { authenticate, bootstrapAdminToken } from '../../server/auth/service';
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

  it('is created once, kept owner-only in the data folder, and signs in as admin', async () => {
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
    expect(printed.mock.calls[0][0]).toContain(`http://127.0.0.1:4000/signin#token=${token}`);
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
