import fs from 'node:fs';
import path from 'node:path';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

const REST = path.resolve(import.meta.dirname, '../fixtures/pagerduty/rest');
const read = (file: string, dir = REST) => JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));

export const FAKE_KEY = 'u+fake-pagerduty-key-0123456789';

export interface FakeAnswer {
  status: number;
  headers?: Record<string, string>;
  body: unknown;
}

/**
 * A local PagerDuty REST API v2 answering the recorded incidents and log entries
 * (test/fixtures/pagerduty/rest, or `dir` holding the same files) as PagerDuty documents them:
 * Token authentication, classic pagination over incidents created in [since, until), oldest first.
 * `intercept` may answer a request first (a 429, a 500…); every request is logged as `path?query`.
 */
export async function startFakePagerDuty(intercept?: (url: URL) => FakeAnswer | undefined, dir = REST) {
  const incidents: { id: string; created_at: string }[] = read('incidents.json', dir);
  const requests: string[] = [];
  const server = http.createServer((req, res) => {
    const url = new URL(req.url!, 'http://pagerduty.test');
    requests.push(`${url.pathname}${url.search}`);
    const send = ({ status, headers, body }: FakeAnswer) => {
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(JSON.stringify(body));
    };
    if (req.headers.authorization !== `Token token=${FAKE_KEY}`) return send({ status: 401, body: read('error.401.json') });
    if (req.headers.accept !== 'application/vnd.pagerduty+json;version=2') return send({ status: 406, body: { error: { message: 'Not Acceptable' } } });
    const intercepted = intercept?.(url);
    if (intercepted) return send(intercepted);
    const limit = Number(url.searchParams.get('limit') ?? 25);
    const offset = Number(url.searchParams.get('offset') ?? 0);
    const paged = <T>(key: string, all: T[]) => ({
      status: 200,
      body: { [key]: all.slice(offset, offset + limit), limit, offset, total: null, more: offset + limit < all.length },
    });
    if (url.pathname === '/incidents') {
      const since = Date.parse(url.searchParams.get('since')!);
      const until = Date.parse(url.searchParams.get('until')!);
      const found = incidents.filter((i) => Date.parse(i.created_at) >= since && Date.parse(i.created_at) < until);
      found.sort((a, b) => Date.parse(a.created_at) - Date.parse(b.created_at));
      return send(paged('incidents', found));
    }
    const log = /^\/incidents\/([A-Z0-9]+)\/log_entries$/.exec(url.pathname);
    if (log && fs.existsSync(path.join(dir, 'log_entries', `${log[1]}.json`))) return send(paged('log_entries', read(`log_entries/${log[1]}.json`, dir)));
    send({ status: 404, body: { error: { message: 'Not Found' } } });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    close: () => new Promise((r) => server.close(r)),
  };
}

export const rateLimited: FakeAnswer = { status: 429, headers: { 'ratelimit-limit': '960', 'ratelimit-remaining': '0', 'ratelimit-reset': '3' }, body: read('error.429.json') };
