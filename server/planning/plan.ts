import type { Knex } from 'knex';
import type { TeamRow } from '../teams/queries';
import { computeCapacity, nextSprintWindow } from '../kpi/capacity';
import { lengthInDays, workingDays, type DateWindow } from '../core/calendar';
import { todayIn } from '../core/dateRange';
import { hours, published } from '../kpi/format';
import type { LoadModel } from '../kpi/loadModel';
import { projectedShare, recommend, type Plan } from '../kpi/recommendation';
import { busiestSleepInterruptions } from '../kpi/responderLoad';
import { responderSleepByWindow } from '../signals/responderQueries';
import { addSums, hasSignal } from '../kpi/signals';
import { teamKpiFigures } from '../kpi/teamKpis';
import { effectivePolicies } from './guardrailQueries';
import { sprintActuals } from './sprints';
import { RANGE_WINDOW } from '../kpi/odds';
import { NO_SPRINTS_ODDS, planOdds, type PlanOdds } from './odds';

/** What-if inputs: planning "what if we are one person short" without writing anything. */
export interface WhatIf {
  capacityHours?: number | null;
  members?: number | null;
  daysOff?: number | null;
  reservedOpsShare?: number | null;
}

export interface SprintPlan extends Plan, DateWindow, PlanOdds {
  capacityHours: number;
  guardrailVersion: number;
  basedOn: string[];
}

/** The capacity of the window and the sentence that explains it. */
function capacityOf(team: TeamRow, window: DateWindow, w: WhatIf): { capacity: number; sentence: string } {
  if (w.capacityHours !== null && w.capacityHours !== undefined) {
    return { capacity: w.capacityHours, sentence: `Capacity is set to ${hours(w.capacityHours)} for this plan.` };
  }
  // members null is unknown; members 0 is a team of nobody: both give 0 h, each says why.
  const members = w.members ?? team.members;
  const daysOff = w.daysOff ?? 0;
  const days = workingDays(window.startDate, window.endDate);
  const capacity = published('hours', computeCapacity({ members: members ?? 0, startDate: window.startDate, endDate: window.endDate, focusHoursPerDay: team.focus_hours_per_day, daysOff }));
  if (members === null) {
    return { capacity, sentence: 'The team has no members count, so its capacity is 0 h: set members (or a capacity) to plan hours.' };
  }
  if (members === 0) {
    return { capacity, sentence: 'The team has 0 members, so its capacity is 0 h: nothing can be reserved for ops or committed to features, and the sprint\'s ops share will be unknown.' };
  }
  const off = daysOff ? ` − ${daysOff} day${daysOff === 1 ? '' : 's'} off × ${team.focus_hours_per_day} h` : '';
  return {
    capacity,
    sentence: `Capacity is ${members} member${members === 1 ? '' : 's'} × ${days} working days × ${team.focus_hours_per_day} focus hours${off} = ${hours(capacity)}.`,
  };
}

/** The plan for the team's next sprint, with its explanation. Reads only; writes nothing. */
export async function teamPlan(db: Knex, team: TeamRow, model: LoadModel, whatIf: WhatIf = {}): Promise<SprintPlan> {
  const policy = (await effectivePolicies(db, [team.id])).get(team.id)!;
  const today = todayIn(team.timezone);
  // The odds replay the last RANGE_WINDOW sprints, each with a range from up to RANGE_WINDOW sprints
  // before it, each projected from the lookback before that; a few more: the newest may still be running.
  const all = await sprintActuals(db, team, model, 2 * RANGE_WINDOW + policy.lookbackSprints + 3);
  // The plan reads the newest lookback + 3 of them, as it always has.
  const sprints = all.slice(0, policy.lookbackSprints + 3);
  // Synthetic 14-day windows stand in for sprints only as far as the policy looks back.
  const finished = sprints.filter((s) => s.synthetic || s.endDate < today).slice(0, sprints[0]?.synthetic ? policy.lookbackSprints : undefined);
  const usable = finished.filter((s) => s.opsShare !== null);
  const stored = sprints.find((s) => !s.synthetic);
  const window = stored ? nextSprintWindow(stored.endDate, lengthInDays(stored.startDate, stored.endDate), today) : nextSprintWindow(null, null, today);
  const { capacity, sentence } = capacityOf(team, window, whatIf);

  const lookback = finished.slice(0, policy.lookbackSprints);
  const sums = addSums(lookback);
  // Each person's sleep interruptions add up over the sprints looked back on, like the team's; a
  // sprint whose pages name nobody adds nothing, and the rule cannot judge only if none names anyone.
  const sleepers = await responderSleepByWindow(db, [team.id], lookback);
  // The team's other rules over the window the plan looks back on, under today's policy; the
  // floor is the plan's own reservation rule, so the past reservations' floor rule is left out.
  const windowRules = lookback.length
    ? teamKpiFigures({
      sums, days: lookback.reduce((d, s) => d + lengthInDays(s.startDate, s.endDate), 0),
      capacityHours: lookback.reduce((c, s) => c + s.capacityHours, 0), reservedOpsShare: null, model, policy,
      busiestResponderSleepInterruptions: busiestSleepInterruptions(sleepers.map((w) => w.get(team.id))),
    }).rules.filter((r) => r.rule !== 'reserveFloor')
    : [];

  const history = usable.slice(0, policy.lookbackSprints).map((s) => ({ name: s.name, opsShare: s.opsShare! }));
  // The range goes with the plan's projection; a policy that reserves at its 80th percentile starts from it.
  const odds = stored
    ? await planOdds(db, team.id, all.filter((s) => s.state === 'FINISHED' && s.opsShare !== null).map((s) => ({ name: s.name, opsShare: s.opsShare! })), policy, projectedShare(history, policy))
    : NO_SPRINTS_ODDS;
  const plan = recommend({
    history,
    policy,
    capacityHours: capacity,
    window,
    capacityExplanation: sentence,
    signal: hasSignal(sums),
    windowRules,
    lastSprint: stored ? { name: stored.name, reservedOpsShare: stored.reservedOpsShare } : null,
    chosenShare: whatIf.reservedOpsShare,
    range: odds.odds,
  });
  const skipped = lookback.length - usable.slice(0, policy.lookbackSprints).length;
  if (skipped > 0) plan.explanation.unshift(`${skipped} recent sprint(s) had no capacity, so their ops share is unknown and they were skipped.`);
  if (!stored) plan.explanation.unshift('The team records no sprints, so its history is read as 14-day windows, the newest ending yesterday.');

  plan.explanation.push(odds.odds.sentence);

  return {
    ...plan,
    ...window,
    capacityHours: capacity,
    guardrailVersion: policy.version,
    basedOn: usable.slice(0, policy.lookbackSprints).map((s) => s.name),
    ...odds,
  };
}
