import { z } from 'zod';

// PagerDuty's REST API v2, read-only, as PagerDuty documents it:
// - authentication and versioning: `Authorization: Token token=…` and
//   `Accept: application/vnd.pagerduty+json;version=2` (https://developer.pagerduty.com/api-reference/)
// - classic pagination: `limit`/`offset` in, `{ limit, offset, more, total }` out
//   (https://developer.pagerduty.com/docs/rest-api-v2/pagination)
// - rate limits: 429, and `ratelimit-reset` says how many seconds to wait before retrying
//   (https://support.pagerduty.com/docs/rest-api-rate-limits)
// - errors: `{ "error": { "message", "code", "errors" } }` (REST API v2 docs, "Errors")
// Recorded answers and the links they come from: test/fixtures/pagerduty/README.md.

export const PAGERDUTY_API_URL = 'https://api.pagerduty.com';

/** PagerDuty refused the key (401, or 403 for a key that may not read incidents). */
export class PagerDutyAuthError extends Error {}
/** PagerDuty answered something we cannot use, or kept failing. */
export class PagerDutyApiError extends Error {}

const reference = z.object({ id: z.string().min(1), summary: z.string().nullish() });

/** The fields of PagerDuty's `incident` object a page is made of. */
const incident = z.object({
  id: z.string().min(1),
  incident_number: z.number().nullish(),
  created_at: z.string(),
  status: z.string(),
  urgency: z.string().nullish(),
  service: reference.nullish(),
  teams: z.array(reference).nullish(),
  assignments: z.array(z.object({ assignee: reference })).nullish(),
  last_status_change_at: z.string().nullish(),
  resolved_at: z.string().nullish(),
});
export type PagerDutyIncident = z.output<typeof incident>;

/**
 * Who made a log entry: a user (`user_reference`), or a service or integration acting by itself.
 * Only names responders, so an agent shaped otherwise is no agent rather than a refused answer.
 */
const agent = z.object({ type: z.string().nullish(), summary: z.string().nullish() }).nullish().catch(null);

/** A log entry of an incident: acknowledge_log_entry, resolve_log_entry, assign_log_entry… */
const logEntry = z.object({ id: z.string(), type: z.string(), created_at: z.string(), agent, assignees: z.array(reference).nullish() });
export type PagerDutyLogEntry = z.output<typeof logEntry>;

const page = { limit: z.number(), offset: z.number(), more: z.boolean() };
const incidentsPage = z.object({ incidents: z.array(incident), ...page });
const logEntriesPage = z.object({ log_entries: z.array(logEntry), ...page });

export interface PagerDutyClientOptions {
  apiKey: string;
  /** PAGERDUTY_API_URL; https://api.pagerduty.com by default. */
  baseUrl?: string;
  /** How the client waits before a retry (tests record the waits instead). */
  sleep?: (ms: number) => Promise<void>;
  /** Told of each wait: a rate limit or a retried failure. */
  onWait?: (ms: number, why: string) => void;
}

// A 429 is waited out this many times in a row before the run stops (it can be resumed);
// a server error or a dropped connection is retried fewer times.
const MAX_RATE_LIMITED = 10;
const MAX_FAILURES = 4;
const MAX_WAIT_MS = 5 * 60_000;
const TIMEOUT_MS = 60_000;

export class PagerDutyClient {
  private readonly baseUrl: string;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(private readonly opts: PagerDutyClientOptions) {
    this.baseUrl = (opts.baseUrl ?? PAGERDUTY_API_URL).replace(/\/+$/, '');
    this.sleep = opts.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
  }

  /** One page of incidents created in [since, until), oldest first so offsets stay put while new incidents arrive. */
  async incidents(since: Date, until: Date, offset: number, limit: number) {
    return this.get('/incidents', { since: since.toISOString(), until: until.toISOString(), limit, offset, time_zone: 'UTC', 'sort_by': 'created_at:asc' }, incidentsPage, 'incidents');
  }

  /** Every log entry of an incident, oldest first (all pages). */
  async logEntries(incidentId: string): Promise<PagerDutyLogEntry[]> {
    const entries: PagerDutyLogEntry[] = [];
    for (let offset = 0; ; ) {
      const p = await this.get(`/incidents/${encodeURIComponent(incidentId)}/log_entries`, { limit: 100, offset, time_zone: 'UTC' }, logEntriesPage, 'log entries');
      entries.push(...p.log_entries);
      if (!p.more || p.log_entries.length === 0) return entries;
      offset += p.log_entries.length;
    }
  }

  private async get<T>(path: string, query: Record<string, string | number>, schema: z.ZodType<T>, what: string): Promise<T> {
    const url = `${this.baseUrl}${path}?${new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)]))}`;
    // Never the key: messages name the path only.
    const request = `GET ${path}`;
    let rateLimited = 0;
    let failures = 0;
    for (;;) {
      let res: Response;
      try {
        res = await fetch(url, {
          headers: { authorization: `Token token=${this.opts.apiKey}`, accept: 'application/vnd.pagerduty+json;version=2' },
          signal: AbortSignal.timeout(TIMEOUT_MS),
        });
      } catch (e) {
        if (++failures >= MAX_FAILURES) throw new PagerDutyApiError(`PagerDuty could not be reached at ${this.baseUrl} (${request}): ${this.clean((e as Error).cause ?? e)}`);
        await this.wait(backoff(failures), `${request} failed to connect`);
        continue;
      }
      if (res.ok) {
        const parsed = schema.safeParse(await res.json().catch(() => undefined));
        if (parsed.success) return parsed.data;
        const problems = parsed.error.issues.slice(0, 5).map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`);
        throw new PagerDutyApiError(`PagerDuty answered ${request} with ${what} not shaped as its REST API v2 documents them: ${problems.join('; ')}`);
      }
      const message = await errorMessage(res);
      if (res.status === 401 || res.status === 403) {
        throw new PagerDutyAuthError(
          `PagerDuty refused the API key (${res.status}${message ? `: ${message}` : ''}). Set PAGERDUTY_API_KEY to a REST API key ` +
            '(PagerDuty: Integrations › API Access Keys; a read-only key is enough). Nothing was written.',
        );
      }
      if (res.status === 429) {
        if (++rateLimited > MAX_RATE_LIMITED) throw new PagerDutyApiError(`PagerDuty kept rate-limiting ${request} (429 ${MAX_RATE_LIMITED} times in a row); run the backfill again later to continue.`);
        await this.wait(rateLimitWait(res.headers, rateLimited), `rate-limited (429) on ${request}`);
        continue;
      }
      if (res.status >= 500 && ++failures < MAX_FAILURES) {
        await this.wait(backoff(failures), `${request} answered ${res.status}`);
        continue;
      }
      throw new PagerDutyApiError(`PagerDuty answered ${request} with ${res.status}${message ? `: ${message}` : ''}`);
    }
  }

  private async wait(ms: number, why: string) {
    this.opts.onWait?.(ms, why);
    await this.sleep(ms);
  }

  /** An error's text without the key, whatever echoed it. */
  private clean(e: unknown): string {
    const text = e instanceof Error ? e.message : String(e);
    return this.opts.apiKey ? text.split(this.opts.apiKey).join('[PAGERDUTY_API_KEY]') : text;
  }
}

/** 1, 2, 4, 8… seconds, at most a minute. */
const backoff = (attempt: number) => Math.min(60_000, 1000 * 2 ** (attempt - 1));

/**
 * How long a 429 asks to wait: `ratelimit-reset` (seconds until the limit resets, PagerDuty's
 * documented header), else a standard `Retry-After` in seconds, else an exponential back-off.
 */
export function rateLimitWait(headers: Headers, attempt: number): number {
  for (const name of ['ratelimit-reset', 'retry-after']) {
    const seconds = Number(headers.get(name));
    if (headers.get(name) !== null && Number.isFinite(seconds) && seconds >= 0) return Math.min(MAX_WAIT_MS, Math.ceil(seconds * 1000));
  }
  return backoff(attempt);
}

/** PagerDuty's `error.message` (and its `errors` details), when the body has them. */
async function errorMessage(res: Response): Promise<string> {
  const body = (await res.json().catch(() => undefined)) as { error?: { message?: unknown; errors?: unknown } } | undefined;
  const error = body?.error;
  if (!error || typeof error.message !== 'string') return '';
  const details = Array.isArray(error.errors) ? error.errors.filter((e): e is string => typeof e === 'string') : [];
  return [error.message, ...details].join('; ').slice(0, 300);
}
