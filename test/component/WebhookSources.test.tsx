// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import { QueryClientProvider } from '@tanstack/react-query';
import { createMemoryRouter, RouterProvider } from 'react-router';
import type { WebhookSource } from '../../client/graphql/dataOperations';
import { queryClient } from '../../client/lib/queryClient';
import { ViewerProvider } from '../../client/lib/viewer';
import { WebhookSourceList, WebhookSources } from '../../client/pages/data/WebhookSources';

afterEach(() => {
  cleanup();
  queryClient.clear();
  vi.unstubAllGlobals();
});

const NOW = new Date('2026-12-01T12:00:00Z');
const pagerduty: WebhookSource = {
  source: 'pagerduty', name: 'PagerDuty', signals: 'incidents, as pages', path: '/webhooks/pagerduty', envVar: 'PAGERDUTY_WEBHOOK_SECRET',
  secretConfigured: true, lastDeliveryAt: '2026-12-01T09:30:00Z', pending: 3, failing: 1, rejected: 2,
};
const github: WebhookSource = {
  source: 'github', name: 'GitHub', signals: 'deployment status events, as deploys', path: '/webhooks/github', envVar: 'GITHUB_WEBHOOK_SECRET',
  secretConfigured: false, lastDeliveryAt: null, pending: 0, failing: 0, rejected: 0,
};

/** A server that answers the viewer query with `viewer` and webhookSources with both senders; records the operations asked. */
function stubServer(viewer: { name: string; scopes: string[]; teams: string[] | null }) {
  const asked: string[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (_url: string, init: RequestInit) => {
      const { query } = JSON.parse(String(init.body));
      const name = /query (\w+)/.exec(query)![1];
      asked.push(name);
      return Response.json({ data: name === 'Viewer' ? { viewer } : { webhookSources: [pagerduty, github] } });
    }),
  );
  return asked;
}

function renderWithViewer() {
  const element = (
    <ViewerProvider>
      <WebhookSources origin="https://headroom.example" />
    </ViewerProvider>
  );
  render(
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={createMemoryRouter([{ path: '/', element }])} />
    </QueryClientProvider>,
  );
}

describe('WebhookSourceList', () => {
  it('shows each URL, whether its secret is set or which variable to set, the last delivery and what waits', () => {
    render(<WebhookSourceList sources={[pagerduty, github]} origin="https://headroom.example" now={NOW} />);
    expect(screen.getByTestId('webhook-pagerduty').textContent).toBe('https://headroom.example/webhooks/pagerduty');
    expect(screen.getByTestId('webhook-secret-pagerduty').textContent).toBe('✓secret set');
    expect(screen.getByTestId('webhook-last-pagerduty').textContent).toBe(
      'last delivery 2 h ago; 3 deliveries waiting (1 failing, retried), 2 rejected (kept in the inbox: npm run headroom -- inbox list)',
    );
    expect(screen.getByTestId('webhook-github').textContent).toBe('https://headroom.example/webhooks/github');
    expect(screen.getByTestId('webhook-secret-github').textContent).toBe('!secret not set — set GITHUB_WEBHOOK_SECRET');
    expect(screen.getByTestId('webhook-last-github').textContent).toBe('no delivery yet');
  });
});

describe('WebhookSources', () => {
  it('asks the server for its senders when the viewer is an org-wide admin', async () => {
    const asked = stubServer({ name: 'admin', scopes: ['admin'], teams: null });
    renderWithViewer();
    await waitFor(() => expect(screen.getByTestId('webhook-secret-github').textContent).toContain('GITHUB_WEBHOOK_SECRET'));
    expect(asked).toEqual(['Viewer', 'WebhookSources']);
  });

  it('tells a reader (or a token limited to teams) who sees them, without asking', async () => {
    for (const viewer of [{ name: 'reader', scopes: ['read', 'plan'], teams: null }, { name: 'ci', scopes: ['ingest'], teams: ['alpha'] }]) {
      const asked = stubServer(viewer);
      renderWithViewer();
      await screen.findByTestId('webhook-sources-hidden');
      // Time for a request it should not make.
      await new Promise((r) => setTimeout(r, 50));
      expect(asked).toEqual(['Viewer']);
      expect(screen.queryByTestId('webhook-pagerduty')).toBeNull();
      cleanup();
      queryClient.clear();
    }
  });
});
