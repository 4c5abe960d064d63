/**
 * A small Jira REST client for the sprint backfill: basic auth with an account email and API
 * token, startAt/maxResults/isLast pagination, and Jira Cloud's rate limiting as Atlassian
 * documents it (developer.atlassian.com/cloud/jira/platform/rate-limiting/): a 429 (or a 503
 * carrying Retry-After) waits `Retry-After` seconds, else until `X-RateLimit-Reset` (ISO 8601),
 * else backs off exponentially, and gives up after a few tries. Credentials are never in a message.
 */

export interface JiraClientOptions {
  /** The site, e.g. https://your-domain.atlassian.net. */
  baseUrl: string;
  email: string;
  apiToken: string;
  sleep?: (ms: number) => Promise<void>;
  onWait?: (message: string) => void;
  now?: () => number;
}

/** Jira answered something the backfill cannot go on from: the message says what to do. */
export class JiraApiError extends Error {
  constructor(message: string, readonly status: number | null) {
    super(message);
  }
}

/** One page of a paginated Agile REST list, as Jira documents it. */
export interface JiraPage<T> {
  startAt: number;
  maxResults: number;
  isLast: boolean;
  values: T[];
}

const MAX_RETRIES = 6;
const sleepFor = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export class JiraClient {
  private readonly base: URL;
  private readonly auth: string;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly now: () => number;
  requests = 0;

  constructor(private readonly opts: JiraClientOptions) {
    this.base = new URL(opts.baseUrl.endsWith('/') ? opts.baseUrl : `${opts.baseUrl}/`);
    this.auth = `Basic ${Buffer.from(`${opts.email}:${opts.apiToken}`).toString('base64')}`;
    this.sleep = opts.sleep ?? sleepFor;
    this.now = opts.now ?? Date.now;
  }

  /** Every item of a paginated list, page by page: startAt moves by what each page held, until isLast. */
  async *pages<T>(path: string, query: Record<string, string> = {}): AsyncGenerator<T[]> {
    let startAt = 0;
    for (;;) {
      const page = await this.get<JiraPage<T>>(path, { ...query, startAt: String(startAt), maxResults: '50' });
      const values = Array.isArray(page.values) ? page.values : [];
      yield values;
      // An empty page that is not the last would loop forever: stop there too.
      if (page.isLast !== false || values.length === 0) return;
      startAt += values.length;
    }
  }

  async get<T>(path: string, query: Record<string, string> = {}): Promise<T> {
    const url = new URL(path.replace(/^\//, ''), this.base);
    for (const [k, v] of Object.entries(query)) url.searchParams.set(k, v);
    for (let attempt = 1; ; attempt++) {
      let res: Response;
      try {
        this.requests++;
        res = await fetch(url, { headers: { accept: 'application/json', authorization: this.auth } });
      } catch (e) {
        throw new JiraApiError(`Could not reach Jira at ${this.base.origin}: ${(e as Error).message}`, null);
      }
      if (res.ok) return (await res.json()) as T;
      const message = messageOf(await res.text());
      if ((res.status === 429 || (res.status >= 500 && res.headers.has('retry-after')) || res.status === 503) && attempt <= MAX_RETRIES) {
        const delay = this.delayOf(res, attempt);
        this.opts.onWait?.(`Jira answered ${res.status}${res.status === 429 ? ' (rate limited)' : ''}: waiting ${Math.ceil(delay / 1000)} s before retrying`);
        await this.sleep(delay);
        continue;
      }
      throw new JiraApiError(explain(res.status, url, message), res.status);
    }
  }

  private delayOf(res: Response, attempt: number): number {
    const retryAfter = Number(res.headers.get('retry-after'));
    if (res.headers.has('retry-after') && Number.isFinite(retryAfter)) return Math.max(0, retryAfter) * 1000;
    const reset = Date.parse(res.headers.get('x-ratelimit-reset') ?? '');
    if (Number.isFinite(reset)) return Math.max(0, reset - this.now()) + 1000;
    // No advice: back off exponentially with jitter, as Atlassian recommends.
    return Math.min(60_000, 2000 * 2 ** (attempt - 1)) * (0.7 + 0.3 * Math.random());
  }
}

function messageOf(body: string): string {
  try {
    const parsed = JSON.parse(body) as { errorMessages?: unknown; message?: unknown };
    if (Array.isArray(parsed.errorMessages) && parsed.errorMessages.length) return parsed.errorMessages.join(' ');
    if (typeof parsed.message === 'string') return parsed.message;
  } catch {
    // not JSON: fall through
  }
  return body.slice(0, 200).trim() || '(no message)';
}

function explain(status: number, url: URL, message: string): string {
  if (status === 401) return `Jira refused JIRA_EMAIL and JIRA_API_TOKEN (401 ${message}): check the account email, and that the API token is valid.`;
  if (status === 403) return `Jira refused the request for ${url.pathname} (403 ${message}): the account cannot see this board.`;
  if (status === 404) return `Jira found nothing at ${url.pathname} (404 ${message}): check --board and JIRA_URL.`;
  if (status === 400) return `Jira refused the request for ${url.pathname} (400 ${message}); only a Scrum board has sprints.`;
  return `Jira answered ${status} for ${url.pathname}: ${message}`;
}
