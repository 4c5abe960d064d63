import { describe, it, expect } from 'vitest';
import { BACKFILL_SOURCES, describeRun } from '../../../../server/backfillRuns/service';

const spec = (source: string) => BACKFILL_SOURCES.find((s) => s.source === source)!;
const run = (source: string, params: Record<string, unknown>, counts: Record<string, unknown>, finished = true) => ({
  id: 1, source, params, cursor: null, counts, startedAt: new Date('2026-11-30T08:00:00Z'), finishedAt: finished ? new Date('2026-11-30T08:05:00Z') : null,
});

describe('describeRun: a backfill run as the Data page shows it', () => {
  it.each([
    ['pagerduty', 'npm run headroom -- backfill pagerduty --since YYYY-MM-DD', ['PAGERDUTY_API_KEY']],
    ['github', 'npm run headroom -- backfill github --repo OWNER/NAME --since YYYY-MM-DD', ['GITHUB_TOKEN']],
    ['jira', 'npm run headroom -- backfill jira --board ID --team SLUG', ['JIRA_URL', 'JIRA_EMAIL', 'JIRA_API_TOKEN']],
  ])('%s never run: placeholders, no range, no counts', (source, command, environment) => {
    expect(describeRun(spec(source), undefined)).toEqual({
      source, params: null, since: null, until: null, startedAt: null, finishedAt: null, counts: [], command, environment,
    });
  });

  it('pagerduty without --until: the range ends the day the run started; skippedIds is no count', () => {
    const d = describeRun(spec('pagerduty'), run('pagerduty', { since: '2026-06-01', until: null, untilAt: '2026-11-30T08:00:00.000Z' }, {
      skipped: 1, skippedIds: ['QX'], unrouted: 0, incidents: 90, inserted: 89, updated: 0, unchanged: 0,
    }, false));
    expect(d).toMatchObject({ params: '--since 2026-06-01', since: '2026-06-01', until: '2026-11-30', finishedAt: null, command: 'npm run headroom -- backfill pagerduty --since 2026-06-01' });
    // In the spec's order, whatever order the JSON kept.
    expect(d.counts.map((c) => c.name)).toEqual(['incidents', 'inserted', 'updated', 'unchanged', 'unrouted', 'skipped']);
  });

  it('pagerduty with --until: its exclusive end at midnight is the day before', () => {
    expect(describeRun(spec('pagerduty'), run('pagerduty', { since: '2026-06-01', until: '2026-11-29', untilAt: '2026-11-30T00:00:00.000Z' }, {}))).toMatchObject({
      params: '--since 2026-06-01 --until 2026-11-29', since: '2026-06-01', until: '2026-11-29', counts: [],
    });
  });

  it('github and jira: the options in the command-line order; jira range = its sprints; odd values quoted for the shell', () => {
    expect(describeRun(spec('github'), run('github', { until: '2026-11-29', since: '2026-06-01', repo: 'acme/payments-api' }, { deployments: 3 }))).toMatchObject({
      params: '--repo acme/payments-api --since 2026-06-01 --until 2026-11-29', counts: [{ name: 'deployments', value: 3 }],
    });
    expect(describeRun(spec('jira'), run('jira', { board: '42', team: "o'brien team", since: '2026-06-01', until: '2026-12-13' }, { read: 15 }))).toMatchObject({
      params: `--board 42 --team 'o'\\''brien team'`, since: '2026-06-01', until: '2026-12-13',
    });
  });
});
