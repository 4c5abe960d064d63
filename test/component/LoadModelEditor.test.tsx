// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { LoadModelEditor } from '../../client/pages/loadModel/LoadModelEditor';
import { LoadModelHistory } from '../../client/pages/loadModel/LoadModelHistory';
import type { LoadModelChange, LoadModelValues } from '../../client/pages/loadModel/operations';
import { canChangeOrgDefaults, canPlanTeam } from '../../client/lib/viewerRights';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const current: LoadModelValues = { businessWeight: 1, offHoursWeight: 1, sleepWeight: 1, minutesPerAlert: 5, hoursPerFailedDeploy: 2, maxHoursPerPage: 8 };

function answer(body: unknown) {
  const fetch = vi.fn(async () => new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } }));
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

const field = (label: string | RegExp) => screen.getByLabelText(label) as HTMLInputElement;
const save = () => screen.getByRole('button', { name: 'Save the load model' }) as HTMLButtonElement;
const sent = (fetch: ReturnType<typeof answer>) => JSON.parse((fetch.mock.calls[0] as unknown as [string, RequestInit])[1].body as string);

describe('LoadModelEditor', () => {
  it('says what each value means and what it is now', () => {
    render(<LoadModelEditor team={null} current={current} canEdit deniedText="" onSaved={() => {}} />);
    expect(screen.getByText(/Now 1×\. Each page hour at night counts this many hours/)).toBeTruthy();
    expect(screen.getByText(/Now 5 min\. Triage time each alert costs/)).toBeTruthy();
    expect(screen.getByText(/Now 8 h\. A page counts at most this long/)).toBeTruthy();
  });

  it('requires a reason before sending anything', () => {
    const fetch = answer({});
    render(<LoadModelEditor team={null} current={current} canEdit deniedText="" onSaved={() => {}} />);
    fireEvent.change(field('Sleep-hours page weight'), { target: { value: '1.5' } });
    fireEvent.click(save());
    expect(screen.getByTestId('load-model-error-reason').textContent).toContain('Say why the load model changes');
    expect(document.activeElement).toBe(field(/^Reason/));
    expect(fetch).not.toHaveBeenCalled();
  });

  it('says so when nothing changed, and sends nothing', () => {
    const fetch = answer({});
    render(<LoadModelEditor team="payments" current={current} canEdit deniedText="" onSaved={() => {}} />);
    fireEvent.change(field(/^Reason/), { target: { value: 'just because' } });
    fireEvent.click(save());
    expect(screen.getByTestId('load-model-error-form').textContent).toContain('Nothing changed');
    expect(fetch).not.toHaveBeenCalled();
  });

  it('sends the changed fields with the reason for the org default (no team), and hands back the model', async () => {
    const saved = { ...current, sleepWeight: 1.5, minutesPerAlert: 8 };
    const fetch = answer({ data: { setLoadModel: saved } });
    const onSaved = vi.fn();
    render(<LoadModelEditor team={null} current={current} canEdit deniedText="" onSaved={onSaved} />);
    fireEvent.change(field('Sleep-hours page weight'), { target: { value: '1.5' } });
    fireEvent.change(field('Minutes per alert'), { target: { value: '8' } });
    fireEvent.change(field(/^Reason/), { target: { value: '  Night pages cost the morning ' } });
    await act(async () => {
      fireEvent.click(save());
    });
    expect(sent(fetch).variables).toEqual({ team: null, input: { sleepWeight: 1.5, minutesPerAlert: 8 }, reason: 'Night pages cost the morning' });
    expect(onSaved).toHaveBeenCalledWith(saved, 'Night pages cost the morning');
  });

  it("sends the team's slug for a team's model", async () => {
    const fetch = answer({ data: { setLoadModel: { ...current, hoursPerFailedDeploy: 4 } } });
    render(<LoadModelEditor team="payments" current={current} canEdit deniedText="" onSaved={() => {}} />);
    fireEvent.change(field('Hours per failed deploy'), { target: { value: '4' } });
    fireEvent.change(field(/^Reason/), { target: { value: 'Manual rollbacks' } });
    await act(async () => {
      fireEvent.click(save());
    });
    expect(sent(fetch).variables).toMatchObject({ team: 'payments', input: { hoursPerFailedDeploy: 4 } });
  });

  it('shows each of the server’s field problems beside its field', async () => {
    answer({
      data: null,
      errors: [{ message: 'Invalid load model', extensions: { code: 'BAD_USER_INPUT', records: [{ index: 0, field: 'maxHoursPerPage', message: 'must be more than 0' }] } }],
    });
    render(<LoadModelEditor team={null} current={current} canEdit deniedText="" onSaved={() => {}} />);
    fireEvent.change(field('Most hours per page'), { target: { value: '0' } });
    fireEvent.change(field(/^Reason/), { target: { value: 'try zero' } });
    await act(async () => {
      fireEvent.click(save());
    });
    const error = screen.getByTestId('load-model-error-maxHoursPerPage');
    expect(error.textContent).toContain('must be more than 0');
    expect(field('Most hours per page').getAttribute('aria-describedby')).toContain(error.id);
    expect(save().disabled).toBe(false);
  });

  it('is read-only with the reason why for a token that cannot change it', () => {
    render(<LoadModelEditor team={null} current={current} canEdit={false} deniedText="Needs an org-wide plan token." onSaved={() => {}} />);
    expect(field('Minutes per alert').disabled).toBe(true);
    expect(save().disabled).toBe(true);
    expect(screen.getByText('Needs an org-wide plan token.')).toBeTruthy();
  });
});

describe('LoadModelHistory', () => {
  const change = (over: Partial<LoadModelChange>): LoadModelChange => ({
    team: null, ...current, reason: 'first', changedBy: 'dana', changedAt: '2026-11-20T09:00:00Z', ...over,
  });

  it('lists changes newest first, marking the values that changed and a change sent without a reason', () => {
    render(<LoadModelHistory scope="org" history={[change({ sleepWeight: 1.5, reason: null, changedBy: 'script', changedAt: '2026-11-23T10:00:00Z' }), change({})]} />);
    const newest = screen.getByTestId('load-model-change-0');
    expect(within(newest).getByText('script')).toBeTruthy();
    expect(screen.getByTestId('load-model-change-0-reason').textContent).toBe('no reason given');
    expect(newest.querySelectorAll('td.changed')).toHaveLength(1);
    expect(newest.querySelector('td.changed')!.textContent).toContain('1.5× (changed from 1×)');
    expect(screen.getByTestId('load-model-change-1-reason').textContent).toBe('first');
  });

  it('says whose defaults are in force when there is no change', () => {
    const { unmount } = render(<LoadModelHistory scope="team" history={[]} />);
    expect(screen.getByTestId('load-model-history-empty').textContent).toBe('No changes of its own: the team uses the org default.');
    unmount();
    render(<LoadModelHistory scope="org" history={[]} />);
    expect(screen.getByTestId('load-model-history-empty').textContent).toBe('No changes yet: the built-in defaults are in force.');
  });
});

describe('who may change defaults', () => {
  const viewer = (scopes: ('read' | 'ingest' | 'plan' | 'admin')[], teams: string[] | null) => ({ name: 't', scopes, teams });
  it.each([
    [['plan'], null, true],
    [['admin'], null, true],
    [['read'], null, false],
    [['plan'], ['payments'], false],
  ] as const)('%j limited to %j: org defaults %s', (scopes, teams, expected) => {
    expect(canChangeOrgDefaults(viewer([...scopes], teams ? [...teams] : null))).toBe(expected);
  });
  it('lets a team planner change its own team only', () => {
    expect(canPlanTeam(viewer(['plan'], ['payments']), 'payments')).toBe(true);
    expect(canPlanTeam(viewer(['plan'], ['payments']), 'search')).toBe(false);
    expect(canPlanTeam(viewer(['read'], null), 'payments')).toBe(false);
    expect(canPlanTeam(null, 'payments')).toBe(false);
  });
});
