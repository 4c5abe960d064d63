import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createDb, EMBEDDED_SHARED_BUFFERS, migrate } from '../../server/db/index';
import { embeddedPgDir, initEmbeddedDir } from '../../server/db/embeddedInit';

// The embedded database's files are created by a child process (PGlite's initdb keeps its memory
// for the life of the process that runs it); the server then opens a folder that already exists.
describe('embedded database folder', () => {
  const dirs: string[] = [];
  const tempDir = () => {
    const d = fs.mkdtempSync(path.join(os.tmpdir(), 'headroom-embedded-'));
    dirs.push(d);
    return d;
  };
  afterEach(() => {
    for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
  });

  it('is created once by a child process and then opened and migrated by this one', async () => {
    const dataDir = tempDir();
    await initEmbeddedDir(dataDir);
    const version = path.join(embeddedPgDir(dataDir), 'PG_VERSION');
    expect(fs.readFileSync(version, 'utf8').trim()).toMatch(/^\d+$/);
    const created = fs.statSync(version).mtimeMs;

    // A folder that holds a database is left as it is.
    await initEmbeddedDir(dataDir);
    expect(fs.statSync(version).mtimeMs).toBe(created);

    const db = createDb({ dataDir });
    try {
      await migrate(db);
      await db('teams').insert({ slug: 'payments', name: 'Payments', timezone: 'UTC' });
      expect(await db('teams').pluck('slug')).toEqual(['payments']);
      // initdb's postgresql.conf says 128MB; the option given at each open wins, and PGlite's own
      // start options are still in force (single-user mode runs no parallel workers).
      const setting = async (name: string) => (await db.raw(`SHOW ${name}`)).rows[0][name];
      expect(await setting('shared_buffers')).toBe(EMBEDDED_SHARED_BUFFERS);
      expect(await setting('max_parallel_workers_per_gather')).toBe('0');
    } finally {
      await db.destroy();
    }
  }, 120_000);

  it('says which folder it could not create the database in', async () => {
    const dataDir = tempDir();
    // A file where the database's folder should be: nothing can be created there.
    fs.writeFileSync(embeddedPgDir(dataDir), 'not a folder');
    await expect(initEmbeddedDir(dataDir)).rejects.toThrow(`Could not create the embedded database in ${embeddedPgDir(dataDir)}: EEXIST`);
  }, 60_000);
});
