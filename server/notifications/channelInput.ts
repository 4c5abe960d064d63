import { randomBytes } from 'node:crypto';
import { text } from '../core/fields';
import type { RecordError } from '../core/errors';
import { SUBSCRIBABLE, type SubscribableEvent } from './events';

/** Longest URL accepted: browsers and proxies stop at about 2 000 characters. */
export const MAX_URL = 2000;

/**
 * Why a channel URL is refused, or null: an absolute http(s) URL with a host, no user or password
 * in it (credentials belong in the secret, and would show in logs).
 */
export function channelUrlProblem(url: string): string | null {
  if (url.length > MAX_URL) return `must be at most ${MAX_URL} characters`;
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return 'must be an absolute URL such as https://hooks.slack.com/services/…';
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') return `must start with https:// or http:// (got ${u.protocol.replace(/:$/, '')})`;
  if (!u.hostname) return 'must name a host';
  if (u.username || u.password) return 'must not hold a user name or password; a signed webhook uses its secret instead';
  return null;
}

/** Where a channel posts, without what makes the URL a secret (a Slack URL is one): scheme, host and the path's last 4 characters. */
export function urlPreview(url: string): string {
  const u = new URL(url);
  const path = u.pathname + u.search;
  return `${u.protocol}//${u.host}${path.length > 1 ? `/…${path.slice(-4)}` : ''}`;
}

/** A generic webhook's signing secret: 32 random bytes, shown once. */
export function newChannelSecret(): string {
  return `hrwh_${randomBytes(32).toString('base64url')}`;
}

/** The problems of a channel's name and URL (either may be absent in an update). */
export function channelProblems(input: { name?: unknown; url?: unknown }): RecordError[] {
  const problems: RecordError[] = [];
  if (input.name !== undefined) {
    const name = text.safeParse(typeof input.name === 'string' ? input.name.trim() : input.name);
    if (!name.success) problems.push({ index: 0, field: 'name', message: name.error.issues[0].message });
  }
  if (input.url !== undefined) {
    const problem = typeof input.url === 'string' ? channelUrlProblem(input.url.trim()) : 'must be a URL';
    if (problem) problems.push({ index: 0, field: 'url', message: problem });
  }
  return problems;
}

/** Who a subscription asks for: at most one of a team (slug) and a group (id); neither is the whole org. */
export interface TargetInput {
  team?: string | null;
  group?: string | null;
}

/**
 * The problems of a subscription's target and events: one target at most, at least one event, each
 * once; the digest covers the org or a group, never a single team.
 */
export function subscriptionProblems(events: readonly string[], target: TargetInput): RecordError[] {
  const problems: RecordError[] = [];
  if (target.team && target.group) problems.push({ index: 0, field: 'group', message: 'give a team or a group, not both (neither: the whole org)' });
  if (events.length === 0) problems.push({ index: 0, field: 'events', message: `must name at least one of ${SUBSCRIBABLE.join(', ')}` });
  if (new Set(events).size !== events.length) problems.push({ index: 0, field: 'events', message: 'must name each event once' });
  if (target.team && events.includes('WEEKLY_DIGEST')) {
    problems.push({ index: 0, field: 'events', message: 'WEEKLY_DIGEST covers the whole org or a group: subscribe to it without a team' });
  }
  for (const e of events) if (!SUBSCRIBABLE.includes(e as SubscribableEvent)) problems.push({ index: 0, field: 'events', message: `unknown event ${e}` });
  return problems;
}
