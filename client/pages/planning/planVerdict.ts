/**
 * The sentence beside the plan's status badge. The server judges every rule; this only picks the
 * server's own sentence for the rule that gives the plan its status, so the page never says more
 * (or other) than the verdict: no "reserve the ceiling" for a what-if under the floor.
 */
import type { SprintPlan } from './operations';

export function planVerdict(plan: Pick<SprintPlan, 'status' | 'rules'>): string {
  if (plan.status === 'OK') return 'Within every guardrail.';
  if (plan.status === 'NO_DATA') return 'No data: the sprints looked back on hold no alerts, pages, deploys or toil, so there is nothing to judge yet.';
  const worst = plan.rules.filter((r) => r.status === plan.status);
  return worst.length ? worst.map((r) => r.message).join(' ') : plan.status === 'BREACH' ? 'A guardrail is breached.' : 'A guardrail is close to its limit.';
}
