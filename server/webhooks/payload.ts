import { z } from 'zod';
import { isWellFormed, NOT_WELL_FORMED } from '../core/fields';
import { MAX_RESPONDERS } from '../ingest/pages';

/** A signed delivery whose body is not what the sender documents: 400, no signal stored. */
export class PayloadError extends Error {}

/** What a webhook delivery did, answered to the sender (and handy in its delivery log). */
export type WebhookOutcome =
  | { status: 'ignored'; reason: string }
  | { status: 'stored'; kind: 'page' | 'deploy'; externalId: string; team: string | null; routed: boolean; result: 'inserted' | 'updated' | 'unchanged' };

/** Parses a body against the fields we read, or throws PayloadError naming each problem. */
export function parsePayload<T>(schema: z.ZodType<T>, body: unknown, what: string): T {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`);
  throw new PayloadError(`Not a ${what} payload: ${problems.join('; ')}`);
}

/** Throws PayloadError naming each problem of a signal built from a payload. */
export function checkSignal<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw new PayloadError(`${what}: ${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`);
}

/** Text a payload names things with: any length (asLabel shortens it), but real Unicode. */
export const label = z.string().refine(isWellFormed, NOT_WELL_FORMED);

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;

/** A sender's display name as a Headroom label: control characters dropped, at most 200 characters; null when empty. */
export function asLabel(s: string | null | undefined): string | null {
  // Cut at 200 code units without splitting a surrogate pair.
  const cleaned = (s ?? '').replace(CONTROL, ' ').trim().slice(0, 200).replace(/[\ud800-\udbff]$/, '');
  return cleaned === '' ? null : cleaned;
}

/** A sender's people (PagerDuty assignees, acknowledgers) as page responders: labels, each once, at most MAX_RESPONDERS. */
export function respondersOf(names: readonly (string | null | undefined)[]): string[] {
  // A name that is not real Unicode is dropped, not a reason to refuse the page it came with.
  return [...new Set(names.map(asLabel).filter((n): n is string => n !== null && isWellFormed(n)))].slice(0, MAX_RESPONDERS);
}

export function resultOf(w: { inserted: number; updated: number }): 'inserted' | 'updated' | 'unchanged' {
  return w.inserted ? 'inserted' : w.updated ? 'updated' : 'unchanged';
}
