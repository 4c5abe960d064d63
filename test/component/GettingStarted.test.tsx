// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import { QueryClientProvider } from '@tanstack/react-query';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { queryClient } from '../../client/lib/queryClient';
import { ViewerProvider } from '../../client/lib/viewer';
import type { OverviewRow, RatedKpis, Status } from '../../client/graphql/operations';
import { GettingStarted } from '../../client/pages/overview/GettingStarted';
import { allDone, stepsDone, type StepsDone } from '../../client/pages/overview/setupSteps';

afterEach(() => {
  cleanup();
  queryClient.clear();
  vi.unstubAllGlobals();
});

const sender = (source: string, name: string, secretConfigured: boolean) => ({
  source, name, signals: 'signals', path: `/webhooks/${source}`, envVar: `${source.toUpperCase()}_WEBHOOK_SECRET`, secretConfigured, lastDeliveryAt: null, pending: 0, failing: 0, rejected: 0,
});

/** The checklist as an admin sees it, from a server with the PagerDuty secret set and the GitHub one not. */
function renderSteps(done: StepsDone, firstTeam?: string) {
  vi.stubGlobal(
    'fetch',
    vi.fn(async (_url: string, init: RequestInit) =>
      Response.json(
        String(init.body).includes('query Viewer')
          ? { data: { viewer: { name: 'admin', scopes: ['admin'], teams: null } } }
          : { data: { webhookSources: [sender('pagerduty', 'PagerDuty', true), sender('github', 'GitHub', false)] } },
      ),
    ),
  );
  const element = (
    <ViewerProvider>
      <GettingStarted done={done} origin="https://headroom.example" firstTeam={firstTeam} />
    </ViewerProvider>
  );
  render(
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={createMemoryRouter([{ path: '/', element }])} />
    </QueryClientProvider>,
  );
}

const none: StepsDone = { team: false, source: false, figures: false, plan: false };

describe('GettingStarted', () => {
  it('on an empty install ticks nothing and says how to connect a source: webhook URLs with their secrets, CSV templates, the API', async () => {
    renderSteps(none);
    for (const step of ['team', 'source', 'figures', 'plan']) expect(screen.getByTestId(`step-${step}`).dataset.done).toBe('false');
    expect(within(screen.getByTestId('step-team')).getByRole('link', { name: 'Create a team' }).getAttribute('href')).toBe('/teams/new');
    expect((await screen.findByTestId('webhook-pagerduty')).textContent).toBe('https://headroom.example/webhooks/pagerduty');
    expect(screen.getByTestId('webhook-secret-pagerduty').textContent).toContain('secret set');
    expect(screen.getByTestId('webhook-github').textContent).toBe('https://headroom.example/webhooks/github');
    expect(screen.getByTestId('webhook-secret-github').textContent).toContain('secret not set — set GITHUB_WEBHOOK_SECRET');
    const template = screen.getByRole('link', { name: 'daily metrics' });
    expect(template.getAttribute('download')).toBe('headroom-daily.csv');
    expect(decodeURIComponent(template.getAttribute('href')!)).toMatch(/^data:text\/csv;charset=utf-8,team,date,/);
    expect(screen.getByRole('link', { name: 'pages' }).getAttribute('download')).toBe('headroom-pages.csv');
    expect(screen.getByText(/recordDailyMetrics/).textContent).toContain('curl -s https://headroom.example/graphql');
    expect(screen.getByRole('link', { name: 'Data page' }).getAttribute('href')).toBe('/data');
    expect(screen.getByText(/backfill pagerduty\|github\|jira/).textContent).toBe('npm run headroom -- backfill pagerduty|github|jira');
    expect(screen.getByRole('link', { name: 'each command' }).getAttribute('href')).toBe('/data#backfills-heading');
  });

  it('ticks the steps done, says so in words, and keeps only the open steps’ help', () => {
    renderSteps({ team: true, source: true, figures: true, plan: false }, 'payments');
    const team = screen.getByTestId('step-team');
    expect(team.dataset.done).toBe('true');
    expect(team.textContent).toBe('✓Create a team (done)');
    expect(screen.queryByTestId('webhook-pagerduty')).toBeNull();
    const plan = screen.getByTestId('step-plan');
    expect(within(plan).getByText('(to do)', { exact: false })).toBeTruthy();
    expect(within(plan).getByRole('link', { name: 'Plan the next sprint' }).getAttribute('href')).toBe('/teams/payments/plan');
  });
});

const zero: RatedKpis = {
  alerts: 0, pages: 0, pageHours: 0, businessPageHours: 0, offHoursPageHours: 0, sleepPageHours: 0,
  sleepInterruptions: 0, deploys: 0, failedDeploys: 0, changeFailureRate: null, toilHours: 0,
  opsHours: 0, capacityHours: 0, opsShare: null, status: 'OK', rules: [], previous: null,
};
const row = (status: Status): OverviewRow => ({ team: { slug: 'a', name: 'A', timezone: 'UTC', members: 1, group: null }, status, kpis: { ...zero, status } });

describe('stepsDone', () => {
  it('derives each step from the data', () => {
    expect(stepsDone({ teams: [], freshness: [] }, [])).toEqual(none);
    const synthetic = { teams: [{ slug: 'a', sprints: [{ synthetic: true }] }], freshness: [] };
    expect(stepsDone(synthetic, [row('NO_DATA')])).toEqual({ team: true, source: false, figures: false, plan: false });
    const going = { teams: [{ slug: 'a', sprints: [{ synthetic: false }] }], freshness: [{ source: 'csv' }] };
    const d = stepsDone(going, [row('WARN')]);
    expect(d).toEqual({ team: true, source: true, figures: true, plan: true });
    expect(allDone(d)).toBe(true);
    expect(allDone({ ...d, plan: false })).toBe(false);
  });
});
