import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface BareServer {
  url: string;
  stop(): Promise<void>;
}

/** Starts bench/bare-server.mjs answering every request with `body` (and `etag`), in a process of its own. */
export async function startBareServer(body: Buffer, etag: string | null): Promise<BareServer> {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'headroom-bare-')), 'body.json');
  fs.writeFileSync(file, body);
  const child = spawn(process.execPath, [path.join(import.meta.dirname, 'bare-server.mjs'), file, ...(etag ? [etag] : [])], { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`bare server exited with code ${code}`)));
    child.stdout!.once('data', (d: Buffer) => resolve(d.toString().trim()));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    async stop() {
      const done = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await done;
      fs.rmSync(path.dirname(file), { recursive: true, force: true });
    },
  };
}
