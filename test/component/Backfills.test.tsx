// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import type { BackfillRun } from '../../client/graphql/dataOperations';
import { BackfillList } from '../../client/pages/data/Backfills';

afterEach(cleanup);

const NOW = new Date('2026-12-01T12:00:00Z');
const never: BackfillRun = {
  source: 'jira', command: 'npm run headroom -- backfill jira --board ID --team SLUG', environment: ['JIRA_URL', 'JIRA_EMAIL', 'JIRA_API_TOKEN'],
  params: null, since: null, until: null, startedAt: null, finishedAt: null, counts: [],
};
const finished: BackfillRun = {
  source: 'github', command: 'npm run headroom -- backfill github --repo acme/api --since 2026-06-01 --until 2026-11-30', environment: ['GITHUB_TOKEN'],
  params: '--repo acme/api --since 2026-06-01 --until 2026-11-30', since: '2026-06-01', until: '2026-11-30',
  startedAt: '2026-12-01T09:00:00Z', finishedAt: '2026-12-01T09:05:00Z', counts: [{ name: 'deployments read', value: 1240 }, { name: 'deploys written', value: 980 }],
};
const stopped: BackfillRun = {
  ...finished, source: 'pagerduty', command: 'npm run headroom -- backfill pagerduty --since 2026-06-01', environment: ['PAGERDUTY_API_KEY'],
  finishedAt: null, counts: [{ name: 'incidents read', value: 300 }],
};

describe('BackfillList', () => {
  it('says, per vendor, whether it ran, its range and counts, and shows the command with the variables it needs (never their values)', () => {
    render(<BackfillList runs={[stopped, finished, never]} now={NOW} />);
    expect(screen.getByTestId('backfill-last-jira').textContent).toBe('never run');
    expect(screen.getByTestId('backfill-command-jira').textContent).toBe('JIRA_URL=… JIRA_EMAIL=… JIRA_API_TOKEN=… npm run headroom -- backfill jira --board ID --team SLUG');
    expect(screen.getByTestId('backfill-last-github').textContent).toMatch(/^2026-06-01 – 2026-11-30: finished .+; 1,240 deployments read, 980 deploys written$/);
    expect(screen.getByTestId('backfill-last-pagerduty').textContent).toMatch(/not finished \(run the command again to continue\); so far 300 incidents read$/);
    expect(screen.getByTestId('backfill-command-pagerduty').textContent).toBe('PAGERDUTY_API_KEY=… npm run headroom -- backfill pagerduty --since 2026-06-01');
  });
});
