import { hasSignal, signalKpis, type SignalKpis, type SignalSums } from './signals';
import { published } from './format';
import { opsBreakdown, opsHours, opsShare, type LoadModel, type OpsBreakdown } from './loadModel';
import { evaluateRules, worstStatus, type GuardrailPolicy, type RuleResult, type Status } from './guardrails';

export interface TeamKpiFigures extends SignalKpis {
  opsBreakdown: OpsBreakdown;
  opsHours: number;
  capacityHours: number;
  opsShare: number | null;
  reservedOpsShare: number | null;
  rules: RuleResult[];
  status: Status;
}

/**
 * Every KPI of a window, from its summed signals, the load model and the guardrail policy in
 * force, every figure as published (format.ts). Pure: the overview, the team page, sprint rows and snapshots all compute KPIs here.
 */
export function teamKpiFigures(input: {
  sums: SignalSums;
  days: number;
  capacityHours: number;
  reservedOpsShare: number | null;
  /** See RuleInputs: null when no page of the window names a responder. */
  busiestResponderSleepInterruptions: number | null;
  model: LoadModel;
  policy: GuardrailPolicy;
}): TeamKpiFigures {
  const signals = signalKpis(input.sums);
  const breakdown = opsBreakdown(
    {
      businessPageHours: signals.businessPageHours,
      offHoursPageHours: signals.offHoursPageHours,
      sleepPageHours: signals.sleepPageHours,
      alerts: signals.alerts,
      failedDeploys: signals.failedDeploys,
      toilHours: signals.toilHours,
    },
    input.model,
  );
  const total = opsHours(breakdown);
  const capacityHours = published('hours', input.capacityHours);
  const share = opsShare(total, capacityHours);
  const rules = evaluateRules(
    {
      opsShare: share,
      reservedOpsShare: input.reservedOpsShare,
      pageHours: signals.pageHours,
      sleepInterruptions: signals.sleepInterruptions,
      busiestResponderSleepInterruptions: input.busiestResponderSleepInterruptions,
      deploys: signals.deploys,
      failedDeploys: signals.failedDeploys,
      days: input.days,
      hasSignal: hasSignal(input.sums),
    },
    input.policy,
  );
  return {
    alerts: signals.alerts,
    pages: signals.pages,
    pageHours: signals.pageHours,
    offHoursPageHours: signals.offHoursPageHours,
    sleepPageHours: signals.sleepPageHours,
    sleepInterruptions: signals.sleepInterruptions,
    deploys: signals.deploys,
    failedDeploys: signals.failedDeploys,
    toilHours: signals.toilHours,
    businessPageHours: signals.businessPageHours,
    changeFailureRate: signals.changeFailureRate,
    opsBreakdown: breakdown,
    opsHours: total,
    capacityHours,
    opsShare: share,
    reservedOpsShare: input.reservedOpsShare,
    rules,
    status: worstStatus(rules.map((r) => r.status)),
  };
}
