// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { CreateSnapshotForm } from '../../client/pages/snapshots/CreateSnapshotForm';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const TEAMS = [
  { slug: 'alpha', name: 'Alpha' },
  { slug: 'beta', name: 'Beta' },
];

/** A fetch that answers the teams query, and createSnapshot with `answer`; records what was sent. */
function stubServer(answer: (vars: any) => { status?: number; body: unknown }) {
  const sent: any[] = [];
  const fetch = vi.fn(async (_url: string, init: RequestInit) => {
    const { query, variables } = JSON.parse(String(init.body));
    if (/query SnapshotTeams/.test(query)) return Response.json({ data: { teams: TEAMS } });
    sent.push(variables);
    const { status = 200, body } = answer(variables);
    return Response.json(body, { status });
  });
  vi.stubGlobal('fetch', fetch);
  return sent;
}

function renderForm(props: Partial<Parameters<typeof CreateSnapshotForm>[0]> = {}) {
  const onCreated = vi.fn();
  // A cache of its own per test: no answer carries over.
  render(
    <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
      <CreateSnapshotForm
        initialRange={{ from: '2026-03-01', to: '2026-03-28' }}
        rangeFromView
        initialTeams={null}
        onCreated={onCreated}
        {...props}
      />
    </QueryClientProvider>,
  );
  return onCreated;
}

const describedText = (el: HTMLElement) =>
  (el.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' | ');

describe('CreateSnapshotForm', () => {
  it('starts from the given range with every team chosen, and sends label, range and teams', async () => {
    const sent = stubServer((v) => ({
      body: { data: { createSnapshot: { id: 'f00', label: v.input.label, range: v.input.range, teams: v.input.teams, author: 'me', createdAt: '2026-03-28T10:00:00Z' } } },
    }));
    const onCreated = renderForm();
    await screen.findByRole('checkbox', { name: 'All teams' });
    expect((screen.getByLabelText('From') as HTMLInputElement).value).toBe('2026-03-01');
    expect((screen.getByLabelText('To') as HTMLInputElement).value).toBe('2026-03-28');
    expect(screen.getByText(/Range taken from the view you came from/)).toBeTruthy();
    expect((screen.getByRole('checkbox', { name: /Beta/ }) as HTMLInputElement).checked).toBe(true);

    fireEvent.change(screen.getByLabelText('Label'), { target: { value: '  Q1 ops review ' } });
    fireEvent.click(screen.getByRole('checkbox', { name: /Beta/ }));
    expect((screen.getByRole('checkbox', { name: 'All teams' }) as HTMLInputElement).indeterminate).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Create snapshot' }));
    await waitFor(() => expect(onCreated).toHaveBeenCalledOnce());
    expect(sent).toEqual([{ input: { label: 'Q1 ops review', range: { from: '2026-03-01', to: '2026-03-28' }, teams: ['alpha'] } }]);
    expect(onCreated.mock.calls[0][0]).toMatchObject({ id: 'f00' });
  });

  it('preselects the teams named in the link, ignoring unknown ones', async () => {
    stubServer(() => ({ body: {} }));
    renderForm({ initialTeams: ['beta', 'ghost'] });
    await screen.findByRole('checkbox', { name: 'All teams' });
    expect((screen.getByRole('checkbox', { name: /Alpha/ }) as HTMLInputElement).checked).toBe(false);
    expect((screen.getByRole('checkbox', { name: /Beta/ }) as HTMLInputElement).checked).toBe(true);
  });

  it('refuses a missing label and a backwards range before sending anything', async () => {
    const sent = stubServer(() => ({ body: {} }));
    renderForm();
    await screen.findByRole('checkbox', { name: 'All teams' });
    fireEvent.change(screen.getByLabelText('From'), { target: { value: '2026-04-01' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create snapshot' }));
    const label = screen.getByLabelText('Label');
    expect(label.getAttribute('aria-invalid')).toBe('true');
    expect(describedText(label)).toContain('Give the snapshot a label');
    expect(describedText(screen.getByLabelText('From'))).toContain('Start date must not be after the end date.');
    await waitFor(() => expect(document.activeElement).toBe(label));
    expect(sent).toEqual([]);
  });

  it('shows the server’s bad-input records beside their fields (extensions.records[].field)', async () => {
    stubServer(() => ({
      body: {
        errors: [
          {
            message: 'Invalid snapshot',
            extensions: {
              code: 'BAD_USER_INPUT',
              records: [
                { index: 0, field: 'label', message: 'must not contain control characters' },
                { index: 0, field: 'range', message: 'spans 2000 days; at most 1098 are allowed' },
                { index: 1, field: 'teams', message: 'no team with slug "beta"' },
              ],
            },
          },
        ],
      },
    }));
    const onCreated = renderForm();
    await screen.findByRole('checkbox', { name: 'All teams' });
    fireEvent.change(screen.getByLabelText('Label'), { target: { value: 'Review' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create snapshot' }));
    await screen.findByText('Must not contain control characters');
    expect(describedText(screen.getByLabelText('Label'))).toContain('Must not contain control characters');
    expect(describedText(screen.getByLabelText('From'))).toContain('Spans 2000 days; at most 1098 are allowed');
    expect(describedText(screen.getByRole('group', { name: /Teams/ }))).toContain('No team with slug "beta"');
    expect(onCreated).not.toHaveBeenCalled();
    // The button is usable again for a corrected try.
    expect((screen.getByRole('button', { name: 'Create snapshot' }) as HTMLButtonElement).disabled).toBe(false);
  });

  it('says FORBIDDEN for a token without the plan scope', async () => {
    stubServer(() => ({ body: { errors: [{ message: 'This needs the "plan" scope; the token "viewer" has read.', extensions: { code: 'FORBIDDEN' } }] } }));
    renderForm();
    await screen.findByRole('checkbox', { name: 'All teams' });
    fireEvent.change(screen.getByLabelText('Label'), { target: { value: 'Review' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create snapshot' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('This needs the "plan" scope; the token "viewer" has read. (FORBIDDEN)');
  });
});
