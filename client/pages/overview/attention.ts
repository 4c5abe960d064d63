/** Why teams need attention, in words: the overview's summary line and each row's broken rules. */
import type { OverviewRow, RuleResult } from '../../graphql/operations';
import { ruleName } from '../../lib/rules';

const needsAttention = (r: OverviewRow) => r.status === 'BREACH' || r.status === 'WARN';

/** The rules a row breaks or comes close to, worst first: what its red or amber status stands for. */
export function brokenRules(row: OverviewRow): RuleResult[] {
  const bad = row.kpis.rules.filter((r) => r.status === 'BREACH' || r.status === 'WARN');
  return bad.sort((a, b) => (a.status === b.status ? 0 : a.status === 'BREACH' ? -1 : 1));
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * "2 of 5 teams need attention: 1 breach, 1 warning. Why: sleep interruptions per week (1 team),
 * ops ceiling (2 teams)." — counted over every team, whatever the table's filter shows.
 */
export function attentionSummary(rows: readonly OverviewRow[]): string {
  const flagged = rows.filter(needsAttention);
  if (flagged.length === 0) return `No team needs attention: none of ${plural(rows.length, 'team', 'teams')} breaks or nears a guardrail.`;
  const breaches = flagged.filter((r) => r.status === 'BREACH').length;
  const counts = [breaches > 0 && plural(breaches, 'breach', 'breaches'), breaches < flagged.length && plural(flagged.length - breaches, 'warning', 'warnings')];
  const perRule = new Map<string, number>();
  for (const row of flagged) for (const r of brokenRules(row)) perRule.set(r.rule, (perRule.get(r.rule) ?? 0) + 1);
  const why = [...perRule].sort((a, b) => b[1] - a[1]).map(([rule, n]) => `${ruleName(rule).toLowerCase()} (${plural(n, 'team', 'teams')})`);
  const verb = flagged.length === 1 ? 'needs' : 'need';
  const head = `${flagged.length} of ${plural(rows.length, 'team', 'teams')} ${verb} attention: ${counts.filter(Boolean).join(', ')}.`;
  return why.length ? `${head} Why: ${why.join(', ')}.` : head;
}
