/**
 * A small GitHub REST client for the backfill: token auth, Link-header pagination and the rate
 * limits as GitHub documents them (docs.github.com/rest/using-the-rest-api/rate-limits-for-the-rest-api):
 * a 403 or 429 with `retry-after` waits that many seconds; with `x-ratelimit-remaining: 0` it waits
 * until `x-ratelimit-reset` (UTC epoch seconds); any other rate-limit answer waits a minute, then
 * longer each time, and gives up after a few tries. A success that spends the last request of the
 * window waits for the reset before the next one. The token is sent only to the API's own origin
 * and never appears in a message.
 */

export const GITHUB_PUBLIC_API = 'https://api.github.com';

export interface GitHubClientOptions {
  /** https://api.github.com, or a GitHub Enterprise Server's https://HOST/api/v3. */
  baseUrl: string;
  token: string;
  /** Waits are injectable so tests need not sleep. */
  sleep?: (ms: number) => Promise<void>;
  /** Told about each wait, for the command's progress output. */
  onWait?: (message: string) => void;
  now?: () => number;
}

/** GitHub answered something the backfill cannot go on from: the message says what to do. */
export class GitHubApiError extends Error {
  constructor(message: string, readonly status: number | null) {
    super(message);
  }
}

const MAX_RATE_LIMIT_RETRIES = 6;
const MAX_SERVER_ERROR_RETRIES = 3;
const sleepFor = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export class GitHubClient {
  private readonly base: URL;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly now: () => number;
  /** Epoch ms before which no request goes out: the window was spent. */
  private notBefore = 0;
  requests = 0;

  constructor(private readonly opts: GitHubClientOptions) {
    this.base = new URL(opts.baseUrl.endsWith('/') ? opts.baseUrl : `${opts.baseUrl}/`);
    this.sleep = opts.sleep ?? sleepFor;
    this.now = opts.now ?? Date.now;
  }

  /** GETs a path under the API (e.g. `repos/o/r`) and returns its JSON. */
  async get<T>(path: string, query: Record<string, string> = {}): Promise<T> {
    const url = new URL(path.replace(/^\//, ''), this.base);
    for (const [k, v] of Object.entries(query)) url.searchParams.set(k, v);
    return (await this.request(url)).json() as Promise<T>;
  }

  /** Every page of a list, following rel="next" links, one page at a time. */
  async *pages<T>(path: string, query: Record<string, string> = {}): AsyncGenerator<T[]> {
    let url: URL | null = new URL(path.replace(/^\//, ''), this.base);
    for (const [k, v] of Object.entries(query)) url.searchParams.set(k, v);
    while (url) {
      const res = await this.request(url);
      yield (await res.json()) as T[];
      url = nextLink(res.headers.get('link'), this.base);
    }
  }

  private async request(url: URL): Promise<Response> {
    let rateLimited = 0;
    let serverErrors = 0;
    for (;;) {
      const wait = this.notBefore - this.now();
      if (wait > 0) await this.pause(wait, `GitHub's rate limit is spent; waiting ${seconds(wait)} for it to reset`);
      let res: Response;
      try {
        this.requests++;
        res = await fetch(url, {
          headers: {
            accept: 'application/vnd.github+json',
            authorization: `Bearer ${this.opts.token}`,
            'x-github-api-version': '2022-11-28',
            'user-agent': 'headroom-backfill',
          },
        });
      } catch (e) {
        throw new GitHubApiError(`Could not reach GitHub at ${this.base.origin}: ${(e as Error).message}`, null);
      }
      this.noteWindow(res);
      if (res.ok) return res;
      const body = await res.text();
      const message = messageOf(body);
      if (res.status === 403 || res.status === 429) {
        const delay = this.rateLimitDelay(res, message, rateLimited);
        if (delay !== null) {
          if (++rateLimited > MAX_RATE_LIMIT_RETRIES) throw new GitHubApiError(`GitHub kept refusing with a rate limit (${res.status}) after ${MAX_RATE_LIMIT_RETRIES} waits: ${message}`, res.status);
          await this.pause(delay, `GitHub rate limit (${res.status}): waiting ${seconds(delay)} before retrying`);
          continue;
        }
      }
      if (res.status >= 500 && ++serverErrors <= MAX_SERVER_ERROR_RETRIES) {
        await this.pause(1000 * 2 ** serverErrors, `GitHub answered ${res.status}; retrying`);
        continue;
      }
      throw new GitHubApiError(explain(res.status, url, message), res.status);
    }
  }

  /** How long a 403/429 asks us to wait, per GitHub's rules; null when it is no rate limit (a permission error). */
  private rateLimitDelay(res: Response, message: string, tries: number): number | null {
    const retryAfter = Number(res.headers.get('retry-after'));
    if (res.headers.has('retry-after') && Number.isFinite(retryAfter)) return Math.max(0, retryAfter) * 1000;
    if (res.headers.get('x-ratelimit-remaining') === '0') return Math.max(0, resetAt(res) - this.now()) + 1000;
    if (res.status === 429 || /rate limit/i.test(message)) return 60_000 * 2 ** tries;
    return null;
  }

  /** After a success that spent the window's last request, the next request waits for the reset. */
  private noteWindow(res: Response) {
    if (res.ok && res.headers.get('x-ratelimit-remaining') === '0') this.notBefore = resetAt(res) + 1000;
  }

  private async pause(ms: number, message: string) {
    this.opts.onWait?.(message);
    await this.sleep(ms);
  }
}

function resetAt(res: Response): number {
  const reset = Number(res.headers.get('x-ratelimit-reset'));
  return Number.isFinite(reset) ? reset * 1000 : 0;
}

const seconds = (ms: number) => (ms >= 120_000 ? `${Math.ceil(ms / 60_000)} min` : `${Math.ceil(ms / 1000)} s`);

/** The rel="next" URL of a Link header, only on the API's own origin (the token goes with it). */
export function nextLink(header: string | null, base: URL): URL | null {
  if (!header) return null;
  for (const part of header.split(',')) {
    const m = /<([^>]+)>\s*;\s*rel="?([^";]+)"?/.exec(part.trim());
    if (m && m[2].split(/\s+/).includes('next')) {
      const next = new URL(m[1], base);
      if (next.origin !== base.origin) throw new GitHubApiError(`GitHub's next page is on another host (${next.origin}); not following it with the token.`, null);
      return next;
    }
  }
  return null;
}

function messageOf(body: string): string {
  try {
    const parsed = JSON.parse(body) as { message?: unknown };
    if (typeof parsed.message === 'string') return parsed.message;
  } catch {
    // not JSON: fall through
  }
  return body.slice(0, 200).trim() || '(no message)';
}

function explain(status: number, url: URL, message: string): string {
  if (status === 401) return `GitHub refused GITHUB_TOKEN (401 ${message}): check that the token is valid and not expired.`;
  if (status === 403) return `GitHub refused the request for ${url.pathname} (403 ${message}): the token lacks access (a fine-grained token needs "Deployments: read" and "Contents: read" on the repository).`;
  if (status === 404) return `GitHub found nothing at ${url.pathname} (404): check --repo, GITHUB_API_URL, and that the token can read the repository.`;
  return `GitHub answered ${status} for ${url.pathname}: ${message}`;
}
