/**
 * The what-if form: raw text of each control → validated variables for `team.plan(…)`, and the
 * sprint an accepted plan writes. Pure; the server computes every figure of the plan.
 */
import type { SprintInput, SprintPlan, WhatIfVars } from './operations';

export interface WhatIfForm {
  /** Head count for this sprint; the team's own count when unchanged. */
  members: string;
  /** Person-days off inside the sprint. */
  daysOff: string;
  /** A capacity in hours that replaces the computed one; '' to compute it. */
  capacity: string;
  /** Reserved share in percent, on 5% steps; '' to follow the recommendation. */
  share: string;
}

export type WhatIfField = keyof WhatIfForm;

export const SHARE_STEP = 5;

export function initialWhatIf(teamMembers: number | null): WhatIfForm {
  return { members: teamMembers == null ? '' : String(teamMembers), daysOff: '0', capacity: '', share: '' };
}

function number(text: string): number | null {
  const t = text.trim();
  if (t === '') return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : NaN;
}

export interface ParsedWhatIf {
  vars: WhatIfVars;
  errors: Partial<Record<WhatIfField, string>>;
}

/**
 * Validates the form. Fields equal to the team as it is are sent as null, so the plan's explanation
 * only mentions what the manager changed. With errors, `vars` holds the last valid reading of each
 * field (the invalid one as null) and should not be sent.
 */
export function parseWhatIf(form: WhatIfForm, teamMembers: number | null): ParsedWhatIf {
  const errors: ParsedWhatIf['errors'] = {};
  const members = number(form.members);
  if (members !== null && (!Number.isInteger(members) || members < 0 || members > 10_000)) errors.members = 'Enter a whole number of people, 0 or more.';
  const daysOff = number(form.daysOff);
  if (daysOff !== null && (Number.isNaN(daysOff) || daysOff < 0 || daysOff > 10_000)) errors.daysOff = 'Enter the person-days off, 0 or more.';
  const capacity = number(form.capacity);
  if (capacity !== null && (Number.isNaN(capacity) || capacity < 0 || capacity > 1_000_000)) errors.capacity = 'Enter hours, 0 or more, or leave empty to compute.';
  const share = number(form.share);
  if (share !== null && (Number.isNaN(share) || share < 0 || share > 100)) errors.share = 'Enter a share from 0% to 100%.';
  else if (share !== null && Math.abs(share / SHARE_STEP - Math.round(share / SHARE_STEP)) > 1e-9) errors.share = `Reserve in ${SHARE_STEP}% steps (e.g. 20, 25, 30).`;

  const ok = (field: WhatIfField, v: number | null) => (errors[field] ? null : v);
  return {
    errors,
    vars: {
      members: ok('members', members === teamMembers ? null : members),
      daysOff: ok('daysOff', daysOff === 0 ? null : daysOff),
      capacityHours: ok('capacity', capacity),
      reservedOpsShare: ok('share', share === null ? null : Math.round(share) / 100),
    },
  };
}

export const hasErrors = (p: ParsedWhatIf) => Object.keys(p.errors).length > 0;

/** True when the what-if changes anything at all. */
export function isWhatIf(vars: WhatIfVars): boolean {
  return Object.values(vars).some((v) => v !== null);
}

/**
 * The next sprint's default name follows the team's own naming: the last sprint's name with its
 * trailing number counted up, its zero padding kept ("Sprint 40" → "Sprint 41", "PAY-09" → "PAY-10").
 * Without a numbered last sprint: "Sprint starting 2026-11-23", which sorts and does not collide.
 */
export function defaultSprintName(startDate: string, lastName: string | null = null): string {
  const m = lastName === null ? null : /^(.*?)(\d+)(\s*)$/.exec(lastName);
  if (!m) return `Sprint starting ${startDate}`;
  const next = String(BigInt(m[2]) + 1n).padStart(m[2].length, '0');
  return `${m[1]}${next}`;
}

/**
 * The sprint an accepted plan writes. An override's capacity is kept as given, and another head
 * count is recorded as the sprint's own members (its capacity then follows who was in it), so the
 * sprint is later judged against the capacity that was planned.
 */
export function sprintFromPlan(team: string, name: string, plan: SprintPlan, vars: WhatIfVars): SprintInput {
  const input: SprintInput = {
    team,
    name: name.trim(),
    startDate: plan.startDate,
    endDate: plan.endDate,
    reservedOpsShare: plan.reservedOpsShare,
  };
  if (vars.capacityHours !== null) input.capacityHours = plan.capacityHours;
  else if (vars.members !== null) input.members = vars.members;
  if (vars.daysOff !== null) input.daysOff = vars.daysOff;
  return input;
}
