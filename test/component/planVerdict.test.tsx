// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import type { RuleResult, Status } from '../../client/graphql/operations';
import { StatusBadge } from '../../client/components/StatusBadge';
import { planVerdict } from '../../client/pages/planning/planVerdict';
import { ruleFigures, ruleName } from '../../client/lib/rules';

afterEach(cleanup);

const rule = (r: RuleResult['rule'], status: Status, message: string): RuleResult => ({ rule: r, status, value: 0.15, limit: 0.2, message });

describe('planVerdict: the server’s sentence for the rule that decides, never a re-judgement', () => {
  it.each<[string, Status, RuleResult[], string]>([
    ['OK', 'OK', [rule('projectedOpsShare', 'OK', 'The projected 24.3% is within the 50% ceiling.')], 'Within every guardrail.'],
    ['no data', 'NO_DATA', [rule('projectedOpsShare', 'NO_DATA', 'x')], 'No data: the sprints looked back on hold no alerts, pages, deploys or toil, so there is nothing to judge yet.'],
    ['a what-if under the floor', 'BREACH', [
      rule('projectedOpsShare', 'OK', 'The projected 10% is within the 50% ceiling.'),
      rule('reservedOpsShare', 'BREACH', 'Reserving 15% (your choice) is below the 20% floor: the team agreed to always keep at least 20% of capacity for unplanned ops.'),
    ], 'Reserving 15% (your choice) is below the 20% floor: the team agreed to always keep at least 20% of capacity for unplanned ops.'],
    ['a sleep breach and a page warning', 'BREACH', [
      rule('pageHoursPerWeek', 'WARN', 'Pages took 10 h per week, close to the 12 h weekly limit.'),
      rule('sleepInterruptionsPerWeek', 'BREACH', 'Sleep was interrupted 4.3 times per week, above the limit of 2 per week.'),
    ], 'Sleep was interrupted 4.3 times per week, above the limit of 2 per week.'],
  ])('%s', (_name, status, rules, text) => {
    const verdict = planVerdict({ status, rules });
    expect(verdict).toBe(text);
    expect(verdict).not.toMatch(/pause feature commitments/); // only a projection over the ceiling says that
  });
});

describe('NO_DATA on the dashboard', () => {
  it('is a grey “No data” badge, never a green OK', () => {
    render(<StatusBadge status="NO_DATA" testId="b" />);
    const b = screen.getByTestId('b');
    expect(b.textContent).toBe('–No data');
    expect(b.className).toContain('badge--no_data');
    expect(b.className).not.toContain('badge--ok');
  });

  it('names the plan’s own rules', () => {
    expect(ruleName('projectedOpsShare')).toBe('Projected ops share');
    expect(ruleFigures({ rule: 'reservedOpsShare', status: 'BREACH', value: 0.15, limit: 0.2, message: '' })).toBe('15.0% · limit 20%');
  });
});
