import fs from 'node:fs';
import path from 'node:path';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local HTTP server answering with recorded vendor responses (test/fixtures/<vendor>/*.json:
 * `{ status, headers, body }`, `{{base}}` standing for this server's URL and `{{reset}}` for the
 * rate-limit reset the test chooses). Routes map "path?query" to a
 * list of fixture names answered in turn (query values decoded, keys sorted) — the last one repeats —, so "a 429, then the page" is
 * ["error.rate-limited", "sprints.page2"]. A request without the expected Authorization header
 * gets the `unauthorized` fixture; an unknown route a plain 404. Every request is recorded.
 */
export interface RecordedApi {
  url: string;
  requests: string[];
  close(): Promise<void>;
}

export async function startRecordedApi(opts: {
  fixtures: string;
  routes: Record<string, string[]>;
  authorization: string;
  unauthorized: string;
  vars?: Record<string, string>;
}): Promise<RecordedApi> {
  const served = new Map<string, number>();
  const requests: string[] = [];
  let base = '';
  const answer = (res: http.ServerResponse, name: string) => {
    let raw = fs.readFileSync(path.join(opts.fixtures, `${name}.json`), 'utf8').replaceAll('{{base}}', base);
    for (const [k, v] of Object.entries(opts.vars ?? {})) raw = raw.replaceAll(`{{${k}}}`, v);
    const recorded = JSON.parse(raw) as { status: number; headers: Record<string, string>; body: unknown };
    res.writeHead(recorded.status, recorded.headers).end(JSON.stringify(recorded.body));
  };
  const server = http.createServer((req, res) => {
    const u = new URL(req.url ?? '/', base);
    const params = [...u.searchParams.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    const key = `${u.pathname}${params.length ? `?${params.map(([k, v]) => `${k}=${v}`).join('&')}` : ''}`;
    requests.push(key);
    if (req.headers.authorization !== opts.authorization) return answer(res, opts.unauthorized);
    const names = opts.routes[key];
    if (!names) return res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ message: `no recorded response for ${key}` }));
    const i = served.get(key) ?? 0;
    served.set(key, i + 1);
    answer(res, names[Math.min(i, names.length - 1)]);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url: base, requests, close: () => new Promise((r) => server.close(() => r())) };
}
