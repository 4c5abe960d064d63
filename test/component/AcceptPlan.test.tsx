// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { AcceptPlan, type Accepted } from '../../client/pages/planning/AcceptPlan';
import type { SprintPlan, WhatIfVars } from '../../client/pages/planning/operations';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const plan: SprintPlan = {
  startDate: '2026-11-23', endDate: '2026-12-06', capacityHours: 228, projectedOpsShare: 0.2429,
  recommendationBasis: 'PROJECTION', recommendedOpsShare: 0.25, reservedOpsShare: 0.25, reservedOpsHours: 57, featureHours: 171,
  status: 'OK', rules: [], explanation: [], basedOn: [], guardrailVersion: 2, odds: null, trackRecord: null,
};
const vars: WhatIfVars = { members: null, daysOff: null, capacityHours: null, reservedOpsShare: null };
const accepted: Accepted = { name: 'Sprint 41', startDate: '2026-11-23', endDate: '2026-12-06', reservedOpsShare: 0.25, capacityHours: 228 };

function answer(...bodies: unknown[]) {
  const fetch = vi.fn();
  for (const body of bodies) fetch.mockImplementationOnce(async () => new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } }));
  vi.stubGlobal('fetch', fetch);
  return fetch;
}
const sent = (fetch: ReturnType<typeof vi.fn>, i = 0) => JSON.parse((fetch.mock.calls[i] as unknown as [string, RequestInit])[1].body as string);
const props = { team: 'payments', plan, vars, disabled: false, canPlan: true, lastSprintName: 'Sprint 40', plannedBefore: [], accepted: null };
const noop = { onAccepted: () => {}, onUndone: () => {}, onNext: () => {} };

describe('AcceptPlan', () => {
  it('names the sprint after the team’s last one and writes it on accept', async () => {
    const fetch = answer({ data: { upsertSprints: [accepted] } });
    const onAccepted = vi.fn();
    render(<AcceptPlan {...props} {...noop} onAccepted={onAccepted} />);
    expect((screen.getByTestId('accept-name') as HTMLInputElement).value).toBe('Sprint 41');
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Accept plan' })));
    expect(sent(fetch).variables.input).toEqual([{ team: 'payments', name: 'Sprint 41', startDate: '2026-11-23', endDate: '2026-12-06', reservedOpsShare: 0.25 }]);
    expect(onAccepted).toHaveBeenCalledWith(accepted);
  });

  it('once accepted, reads "Accepted" and its Undo deletes the sprint', async () => {
    const fetch = answer({ data: { deleteSprint: true } });
    const onUndone = vi.fn();
    render(<AcceptPlan {...props} {...noop} accepted={accepted} onUndone={onUndone} />);
    expect((screen.getByTestId('accept-submit') as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByTestId('accept-submit').textContent).toContain('Accepted');
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Undo' })));
    expect(sent(fetch).query).toContain('deleteSprint');
    expect(sent(fetch).variables).toEqual({ team: 'payments', name: 'Sprint 41' });
    expect(onUndone).toHaveBeenCalledWith(accepted);
  });

  it('asks before accepting a window further ahead than the next sprint, and sends nothing until confirmed', async () => {
    const fetch = answer({ data: { upsertSprints: [accepted] } });
    const onAccepted = vi.fn();
    render(<AcceptPlan {...props} {...noop} plannedBefore={['Sprint 40']} onAccepted={onAccepted} />);
    fireEvent.click(screen.getByRole('button', { name: 'Accept plan' }));
    expect(screen.getByTestId('accept-ahead').textContent).toContain('Sprint 40 is already planned before it');
    expect(fetch).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByTestId('accept-ahead')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Accept plan' }));
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Yes, accept it' })));
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(onAccepted).toHaveBeenCalledWith(accepted);
  });
});
