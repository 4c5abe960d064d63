import { pct, hours } from '../kpi/format';
import { lengthInDays } from '../core/calendar';
import type { Totals } from '../kpi/groupTotals';
import type { DigestPayload, DigestTeam, EventName, Payload, SprintUnderReservedPayload, TeamStatusPayload, TestPayload } from './events';

/**
 * The words of each message, pure: the Slack text and blocks, and the generic webhook's JSON body.
 * The generic body carries the structured payload too, so a receiver never parses sentences.
 */

const teamLine = (t: DigestTeam) => `${t.name} (${t.slug}): ${t.status}, ops share ${t.opsShare === null ? 'n/a' : pct(t.opsShare)}, ${hours(t.opsHours)} of ops`;

/** The digest's totals in words: the same figures as the overview's group or org row. */
function totalsLine(t: Totals): string {
  if (t.teams === 0) return 'No teams.';
  const share = t.opsShare === null ? 'no capacity known' : `${pct(t.opsShare)} of capacity`;
  return `${count(t.teams, 'team')}, worst status ${t.status}: ${hours(t.opsHours)} of ops (${share}), ${count(t.pages, 'page')}, ${count(t.sleepInterruptions, 'sleep interruption')}.`;
}

const count = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;

/** One line that says what happened, for Slack's `text` (its notification preview) and the log. */
export function summary(event: EventName, payload: Payload): string {
  switch (event) {
    case 'team.status': {
      const p = payload as TeamStatusPayload;
      return `${p.team.name} is now ${p.status}${p.previousStatus ? ` (was ${p.previousStatus})` : ''}`;
    }
    case 'sprint.under_reserved': {
      const p = payload as SprintUnderReservedPayload;
      return `${p.team.name}: sprint ${p.sprint.name} ended under-reserved (ops took ${pct(p.opsShare)}, ${pct(p.reservedOpsShare)} was reserved)`;
    }
    case 'digest.weekly': {
      const p = payload as DigestPayload;
      return `Weekly ops digest ${p.week}${p.group ? ` for ${p.group.path}` : ''}: ${p.counts.BREACH} in breach, ${p.counts.WARN} warning, ${p.counts.OK} OK, ${p.counts.NO_DATA} without data`;
    }
    case 'test':
      return (payload as TestPayload).message;
  }
}

/** The lines under the summary. */
export function details(event: EventName, payload: Payload): string[] {
  switch (event) {
    case 'team.status': {
      const p = payload as TeamStatusPayload;
      return [
        `Last ${lengthInDays(p.range.from, p.range.to)} days (${p.range.from} to ${p.range.to}), ops share ${p.opsShare === null ? 'n/a' : pct(p.opsShare)}.`,
        ...p.rules.map((r) => `${r.status}: ${r.message}`),
      ];
    }
    case 'sprint.under_reserved': {
      const p = payload as SprintUnderReservedPayload;
      return [
        `${p.sprint.name} (${p.sprint.startDate} to ${p.sprint.endDate}): ${hours(p.opsHours)} of ops against ${hours(p.capacityHours)} of capacity.`,
        `Reserve more for ops next sprint: the plan recommends a share from the last sprints' actual load.`,
      ];
    }
    case 'digest.weekly': {
      const p = payload as DigestPayload;
      return [
        `${p.range.from} to ${p.range.to}.`,
        totalsLine(p.totals),
        ...(p.topLoads.length ? ['Highest ops shares:', ...p.topLoads.map((t) => `• ${teamLine(t)}`)] : ['No team had ops load this week.']),
      ];
    }
    case 'test':
      return [`Requested by ${(payload as TestPayload).requestedBy}. If you read this, the channel works.`];
  }
}

/** Slack's incoming-webhook body: `text` for previews and clients without blocks, blocks for the layout. */
export function slackBody(event: EventName, payload: Payload): { text: string; blocks: unknown[] } {
  const text = summary(event, payload);
  return {
    text,
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: `*${escapeMrkdwn(text)}*` } },
      { type: 'section', text: { type: 'mrkdwn', text: details(event, payload).map(escapeMrkdwn).join('\n') } },
    ],
  };
}

/** Slack reads &, < and > as markup: team names and messages are text. */
export function escapeMrkdwn(s: string): string {
  return s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

/** The generic webhook's body (README "Notifications", payload shape). */
export function webhookBody(d: { id: number; event: EventName; createdAt: Date; payload: Payload }): { id: string; event: EventName; createdAt: string; summary: string; data: Payload } {
  return { id: String(d.id), event: d.event, createdAt: d.createdAt.toISOString(), summary: summary(d.event, d.payload), data: d.payload };
}
