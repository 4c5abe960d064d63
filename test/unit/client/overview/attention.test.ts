import { describe, expect, it } from 'vitest';
import type { OverviewRow, RatedKpis, RuleResult, Status } from '../../../../client/graphql/operations';
import { attentionSummary, brokenRules } from '../../../../client/pages/overview/attention';

const zero: RatedKpis = {
  alerts: 0, pages: 0, pageHours: 0, businessPageHours: 0, offHoursPageHours: 0, sleepPageHours: 0,
  sleepInterruptions: 0, deploys: 0, failedDeploys: 0, changeFailureRate: null, toilHours: 0,
  opsHours: 0, capacityHours: 0, opsShare: null, status: 'OK', rules: [], previous: null,
};
const rule = (r: string, status: Status): RuleResult => ({ rule: r, status, value: 1, limit: 1, message: `${r} is ${status}` });

function row(slug: string, status: Status, rules: RuleResult[] = []): OverviewRow {
  return { team: { slug, name: slug, timezone: 'UTC', members: null, group: null }, status, kpis: { ...zero, status, rules } };
}

describe('brokenRules', () => {
  it('lists the breached rules before the warnings and leaves out the kept ones', () => {
    const r = row('a', 'BREACH', [rule('opsCeiling', 'WARN'), rule('changeFailureRate', 'OK'), rule('sleepInterruptionsPerWeek', 'BREACH')]);
    expect(brokenRules(r).map((x) => x.rule)).toEqual(['sleepInterruptionsPerWeek', 'opsCeiling']);
  });
});

describe('attentionSummary', () => {
  it('counts the teams that breach or warn and names the rules, the most common first', () => {
    const rows = [
      row('a', 'BREACH', [rule('sleepInterruptionsPerWeek', 'BREACH'), rule('opsCeiling', 'WARN')]),
      row('b', 'WARN', [rule('opsCeiling', 'WARN')]),
      row('c', 'OK', [rule('opsCeiling', 'OK')]),
      row('d', 'NO_DATA'),
    ];
    expect(attentionSummary(rows)).toBe(
      '2 of 4 teams need attention: 1 breach, 1 warning. Why: ops ceiling (2 teams), sleep interruptions per week (1 team).',
    );
  });

  it('says one team needs attention in the singular', () => {
    expect(attentionSummary([row('a', 'WARN', [rule('pageHoursPerWeek', 'WARN')]), row('b', 'OK')])).toBe(
      '1 of 2 teams needs attention: 1 warning. Why: page hours per week (1 team).',
    );
  });

  it('says so when no team needs attention', () => {
    expect(attentionSummary([row('a', 'OK'), row('b', 'NO_DATA')])).toBe('No team needs attention: none of 2 teams breaks or nears a guardrail.');
  });
});
