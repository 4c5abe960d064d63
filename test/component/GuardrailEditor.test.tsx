// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { GuardrailEditor } from '../../client/pages/planning/GuardrailEditor';
import type { GuardrailVersion } from '../../client/pages/planning/operations';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const current: GuardrailVersion = {
  reserveFloor: 0.2, opsCeiling: 0.5, maxPageHoursPerWeek: 12, maxSleepInterruptionsPerWeek: 2, maxSleepInterruptionsPerPersonWeek: 2, maxChangeFailureRate: 0.15, lookbackSprints: 3,
  reserveAt: 'PROJECTION', version: 0, team: null, reason: 'Built-in defaults', author: 'headroom', createdAt: null,
};

function answer(body: unknown) {
  const fetch = vi.fn(async () => new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } }));
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

const field = (label: string | RegExp) => screen.getByLabelText(label) as HTMLInputElement;

describe('GuardrailEditor', () => {
  it('requires a reason before sending anything', () => {
    const fetch = answer({});
    render(<GuardrailEditor team="payments" current={current} canPlan onSaved={() => {}} />);
    fireEvent.change(field('Reserve floor'), { target: { value: '30' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save as a new version' }));
    expect(screen.getByTestId('guardrail-error-reason').textContent).toContain('Say why the guardrails change');
    expect(field(/^Reason/).getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(field(/^Reason/));
    expect(fetch).not.toHaveBeenCalled();
  });

  it('sends the changed fields with the reason, and hands back the new version', async () => {
    const saved = { ...current, reserveFloor: 0.3, version: 1, team: 'payments', reason: 'More incidents', author: 'dana', createdAt: '2026-11-23T10:00:00Z' };
    const fetch = answer({ data: { setGuardrail: saved } });
    const onSaved = vi.fn();
    render(<GuardrailEditor team="payments" current={current} canPlan onSaved={onSaved} />);
    fireEvent.change(field('Reserve floor'), { target: { value: '30' } });
    fireEvent.change(field(/^Reason/), { target: { value: '  More incidents ' } });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Save as a new version' }));
    });
    const body = JSON.parse((fetch.mock.calls[0] as unknown as [string, RequestInit])[1].body as string);
    expect(body.variables).toEqual({ team: 'payments', input: { reserveFloor: 0.3 }, reason: 'More incidents' });
    expect(onSaved).toHaveBeenCalledWith(saved);
  });

  it('sends a change of basis from the reserve-at control', async () => {
    const fetch = answer({ data: { setGuardrail: { ...current, reserveAt: 'P80', version: 1 } } });
    render(<GuardrailEditor team="payments" current={current} canPlan onSaved={() => {}} />);
    expect(screen.getByText(/Now the projection\./)).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Reserve at'), { target: { value: 'P80' } });
    fireEvent.change(field(/^Reason/), { target: { value: 'Plan for 4 sprints in 5' } });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Save as a new version' }));
    });
    const body = JSON.parse((fetch.mock.calls[0] as unknown as [string, RequestInit])[1].body as string);
    expect(body.variables).toEqual({ team: 'payments', input: { reserveAt: 'P80' }, reason: 'Plan for 4 sprints in 5' });
  });

  it('shows each of the server’s field problems beside its field', async () => {
    answer({
      data: null,
      errors: [{
        message: 'Invalid guardrail policy',
        extensions: {
          code: 'BAD_USER_INPUT',
          records: [
            { index: 0, field: 'reserveFloor', message: 'The reserve floor (60%) cannot be above the ops ceiling (50%).' },
            { index: 0, field: 'reason', message: 'must say why (at least 3 characters)' },
          ],
        },
      }],
    });
    render(<GuardrailEditor team="payments" current={current} canPlan onSaved={() => {}} />);
    fireEvent.change(field('Reserve floor'), { target: { value: '60' } });
    fireEvent.change(field(/^Reason/), { target: { value: 'ab' } });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Save as a new version' }));
    });
    expect(screen.getByTestId('guardrail-error-reserveFloor').textContent).toContain('cannot be above the ops ceiling');
    expect(field('Reserve floor').getAttribute('aria-describedby')).toContain(screen.getByTestId('guardrail-error-reserveFloor').id);
    expect(screen.getByTestId('guardrail-error-reason').textContent).toContain('must say why');
    expect(screen.queryByTestId('guardrail-error-form')).toBeNull();
  });

  it('shows other failures (no plan scope) for the whole form', async () => {
    answer({ data: null, errors: [{ message: 'This needs the "plan" scope; the token "ci" has read.', extensions: { code: 'FORBIDDEN' } }] });
    render(<GuardrailEditor team="payments" current={current} canPlan onSaved={() => {}} />);
    fireEvent.change(field('Ops ceiling'), { target: { value: '45' } });
    fireEvent.change(field(/^Reason/), { target: { value: 'Tighter ceiling' } });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Save as a new version' }));
    });
    expect(screen.getByTestId('guardrail-error-form').textContent).toContain('needs the "plan" scope');
  });

  it('is read-only for a token without the plan scope', () => {
    render(<GuardrailEditor team="payments" current={current} canPlan={false} onSaved={() => {}} />);
    expect(field('Reserve floor').disabled).toBe(true);
    expect((screen.getByRole('button', { name: 'Save as a new version' }) as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByText(/needs the plan scope/)).toBeTruthy();
  });
});

describe('GuardrailEditor for the org default', () => {
  it('sends no team, so the change is a new org-default version', async () => {
    const saved = { ...current, opsCeiling: 0.45, version: 1, reason: 'SRE review', author: 'dana', createdAt: '2026-11-23T10:00:00Z' };
    const fetch = answer({ data: { setGuardrail: saved } });
    const onSaved = vi.fn();
    render(<GuardrailEditor team={null} current={current} canPlan onSaved={onSaved} />);
    fireEvent.change(field('Ops ceiling'), { target: { value: '45' } });
    fireEvent.change(field(/^Reason/), { target: { value: 'SRE review' } });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Save as a new version' }));
    });
    const body = JSON.parse((fetch.mock.calls[0] as unknown as [string, RequestInit])[1].body as string);
    expect(body.variables).toEqual({ team: null, input: { opsCeiling: 0.45 }, reason: 'SRE review' });
    expect(onSaved).toHaveBeenCalledWith(saved);
  });

  it('says an org-wide token is needed when it is read-only', () => {
    render(<GuardrailEditor team={null} current={current} canPlan={false} onSaved={() => {}} />);
    expect(screen.getByText(/needs the plan scope on a token not limited to teams/)).toBeTruthy();
  });
});
