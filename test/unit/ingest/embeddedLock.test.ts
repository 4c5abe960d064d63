import { describe, it, expect } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { acquireEmbeddedLock, EmbeddedDbBusyError } from '../../../server/db/embeddedLock';

describe('acquireEmbeddedLock', () => {
  const dir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'headroom-lock-'));

  it('lets one holder in at a time and frees the folder on release', () => {
    const d = dir();
    const release = acquireEmbeddedLock(d);
    expect(() => acquireEmbeddedLock(d)).toThrow(EmbeddedDbBusyError);
    expect(() => acquireEmbeddedLock(d)).toThrow(`in use by process ${process.pid}`);
    release();
    acquireEmbeddedLock(d)();
    expect(fs.existsSync(path.join(d, 'headroom.lock'))).toBe(false);
  });

  it('takes over a lock whose process has ended', () => {
    const d = dir();
    // Above any real pid_max (2^22), so no live process holds it.
    fs.writeFileSync(path.join(d, 'headroom.lock'), '99999999');
    const release = acquireEmbeddedLock(d);
    expect(fs.readFileSync(path.join(d, 'headroom.lock'), 'utf8')).toBe(String(process.pid));
    release();
  });
});
