// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { SprintsSection } from '../../client/pages/team/SprintsSection';
import type { SprintRow } from '../../client/graphql/operations';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function answer(body: unknown) {
  const fetch = vi.fn(async () => new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } }));
  vi.stubGlobal('fetch', fetch);
  return fetch;
}
const sent = (fetch: ReturnType<typeof answer>) => JSON.parse((fetch.mock.calls[0] as unknown as [string, RequestInit])[1].body as string).variables;
const field = (label: string) => screen.getByLabelText(label) as HTMLInputElement;
const click = (name: string | RegExp) => act(async () => {
  fireEvent.click(screen.getByRole('button', { name }));
});

const rule = (r: string, status: string, value: number | null, limit: number) => ({ rule: r, status, value, limit, message: `${r} is ${status}` }) as SprintRow['rules'][number];
const OK_RULES = [rule('opsCeiling', 'OK', 0.2, 0.5), rule('reserveFloor', 'OK', 0.25, 0.2), rule('pageHoursPerWeek', 'OK', 1, 12)];

const sprint = (over: Partial<SprintRow>): SprintRow => ({
  name: 'Sprint 40', startDate: '2026-03-02', endDate: '2026-03-15', state: 'FINISHED', capacityHours: 288, opsHours: 57.6, opsShare: 0.2,
  reservedOpsShare: 0.25, underReserved: false, status: 'OK', synthetic: false, recordedMembers: null, recordedCapacityHours: null, daysOff: 2,
  featurePointsPlanned: 30, featurePointsCompleted: null, rules: OK_RULES, ...over,
});

const SPRINTS: SprintRow[] = [
  sprint({
    name: 'Sprint 41', startDate: '2026-03-16', endDate: '2026-03-29', opsShare: 0.62, status: 'BREACH', underReserved: true, daysOff: 0, recordedMembers: 4,
    rules: [rule('sleepInterruptionsPerWeek', 'WARN', 1.8, 2), rule('opsCeiling', 'BREACH', 0.62, 0.5), rule('reserveFloor', 'OK', 0.25, 0.2)],
  }),
  sprint({}),
  sprint({ name: 'Sprint 42', startDate: '2026-03-30', endDate: '2026-04-12', state: 'PLANNED', status: 'NO_DATA', rules: [rule('opsCeiling', 'BREACH', 0.9, 0.5)] }),
];
const GUARDRAIL = { reserveFloor: 0.2, opsCeiling: 0.5, version: 3 };
const show = (canPlan: boolean, sprints = SPRINTS) =>
  render(<SprintsSection sprints={sprints} guardrail={GUARDRAIL} team={{ slug: 'payments', members: 5 }} canPlan={canPlan} />);

describe('SprintsSection', () => {
  it('writes the rules behind a BREACH or WARN sprint in its row, worst first; none for an OK or planned one', () => {
    show(false);
    const rules = screen.getByTestId('sprint-0-rules');
    expect([...rules.querySelectorAll('li')].map((li) => li.textContent)).toEqual([
      'Breached: Ops ceiling: 62.0% · limit 50%',
      'Warning: Sleep interruptions per week: 1.8 · limit 2 per week',
    ]);
    expect(within(screen.getByTestId('sprint-0')).getByText(/Ops ceiling: 62.0%/)).toBeTruthy();
    expect(screen.queryByTestId('sprint-1-rules')).toBeNull();
    expect(screen.queryByTestId('sprint-2-rules')).toBeNull();
  });

  it('offers no recording, editing or deleting without the plan scope', () => {
    show(false);
    expect(screen.queryByTestId('sprint-new')).toBeNull();
    expect(screen.queryByTestId('sprint-0-edit')).toBeNull();
    expect(screen.queryByTestId('sprint-0-delete')).toBeNull();
  });

  it('records a new sprint: a percentage becomes a share, empty fields are left out', async () => {
    const fetch = answer({ data: { upsertSprints: [{ name: 'Sprint 43' }] } });
    show(true);
    await click('Record a sprint');
    fireEvent.change(field('Name'), { target: { value: ' Sprint 43 ' } });
    fireEvent.change(field('First day'), { target: { value: '2026-04-13' } });
    fireEvent.change(field('Last day'), { target: { value: '2026-04-26' } });
    fireEvent.change(field('Days off'), { target: { value: '1.5' } });
    fireEvent.change(field('Reserved for ops (%)'), { target: { value: '25' } });
    await click('Record sprint');
    expect(sent(fetch)).toEqual({ input: [{ team: 'payments', name: 'Sprint 43', startDate: '2026-04-13', endDate: '2026-04-26', daysOff: 1.5, reservedOpsShare: 0.25 }] });
    expect(screen.getByTestId('sprint-done').textContent).toContain('Saved Sprint 43.');
    expect(screen.queryByTestId('sprint-form')).toBeNull();
  });

  it('shows each problem the server finds beside its field, and keeps the form open', async () => {
    answer({
      data: null,
      errors: [{
        message: '1 bad sprint record',
        extensions: { code: 'BAD_USER_INPUT', records: [
          { index: 0, field: 'endDate', message: 'must not be before startDate' },
          { index: 0, field: 'name', message: `is already another sprint's: a sprint with these dates exists, under another name` },
        ] },
      }],
    });
    show(true);
    await click('Record a sprint');
    fireEvent.change(field('Name'), { target: { value: 'X' } });
    await click('Record sprint');
    expect(screen.getByTestId('sprint-form-error-endDate').textContent).toContain('must not be before startDate');
    expect(screen.getByTestId('sprint-form-error-name').textContent).toContain('is already another sprint');
    expect(field('Last day').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByTestId('sprint-form')).toBeTruthy();
  });

  it('refuses a reservation that is not a percentage before sending', async () => {
    const fetch = answer({});
    show(true);
    await click('Record a sprint');
    fireEvent.change(field('Reserved for ops (%)'), { target: { value: '150' } });
    await click('Record sprint');
    expect(screen.getByTestId('sprint-form-error-reservedOpsShare').textContent).toContain('from 0 to 100');
    expect(fetch).not.toHaveBeenCalled();
  });

  it('edits a sprint from what it was recorded with; its name stays', async () => {
    const fetch = answer({ data: { upsertSprints: [{ name: 'Sprint 41' }] } });
    show(true);
    await click('Edit Sprint 41');
    expect(field('Name').readOnly).toBe(true);
    expect([field('People in the sprint').value, field('Capacity (hours)').value, field('Reserved for ops (%)').value]).toEqual(['4', '', '25']);
    fireEvent.change(field('Feature points completed'), { target: { value: '27' } });
    await click('Save sprint');
    expect(sent(fetch)).toEqual({
      input: [{ team: 'payments', name: 'Sprint 41', startDate: '2026-03-16', endDate: '2026-03-29', members: 4, reservedOpsShare: 0.25, featurePointsPlanned: 30, featurePointsCompleted: 27 }],
    });
  });

  it('deletes a sprint only after a confirmation that says what goes', async () => {
    const fetch = answer({ data: { deleteSprint: true } });
    show(true);
    await click('Delete Sprint 40…');
    expect(fetch).not.toHaveBeenCalled();
    expect(screen.getByRole('alertdialog').textContent).toContain('Delete Sprint 40?');
    await click('Cancel');
    expect(screen.queryByRole('alertdialog')).toBeNull();
    await click('Delete Sprint 40…');
    await click(/^Delete Sprint 40$/);
    expect(sent(fetch)).toEqual({ team: 'payments', name: 'Sprint 40' });
    expect(screen.getByTestId('sprint-done').textContent).toContain('Deleted Sprint 40.');
  });

  it('offers recording but no edit or delete for the 14-day windows of a team without sprints', () => {
    show(true, [sprint({ name: 'Mar 2 – Mar 15', synthetic: true })]);
    expect(screen.getByTestId('sprint-new')).toBeTruthy();
    expect(screen.queryByTestId('sprint-0-edit')).toBeNull();
  });
});
