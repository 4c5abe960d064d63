// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { TrackerPlan } from '../../client/pages/planning/TrackerPlan';
import type { SprintPlan } from '../../client/pages/planning/operations';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const plan: SprintPlan = {
  startDate: '2026-12-01', endDate: '2026-12-14', capacityHours: 228, projectedOpsShare: 0.2429,
  recommendationBasis: 'PROJECTION', recommendedOpsShare: 0.25, reservedOpsShare: 0.25, reservedOpsHours: 57, featureHours: 171,
  status: 'OK', rules: [], explanation: [], basedOn: [], guardrailVersion: 3, odds: null, trackRecord: null,
};

describe('TrackerPlan', () => {
  it('shows hours per person and the points that fit, and copies the plan text', async () => {
    const writeText = vi.fn(async () => {});
    vi.stubGlobal('navigator', { clipboard: { writeText } });
    render(<TrackerPlan name="Sprint 41" plan={plan} members={4} daysOff={2} points={34} />);
    expect(screen.getByTestId('plan-per-person').textContent).toBe('Per person (4 people, 2 person-days off): 14.3 h ops, 42.8 h features');
    expect(screen.getByTestId('plan-points').textContent).toContain('About 34 feature points fit');
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Copy plan' })));
    expect(writeText).toHaveBeenCalledTimes(1);
    expect((writeText.mock.calls[0] as unknown as [string])[0]).toMatch(/^Sprint 41: 2026-12-01 – 2026-12-14\n[\s\S]*Guardrail version 3 \(Headroom\)$/);
    expect(screen.getByTestId('copy-status').textContent).toContain('Copied');
  });

  it('says so when the browser refuses the clipboard, and shows no points for a team without them', async () => {
    vi.stubGlobal('navigator', { clipboard: { writeText: vi.fn(async () => Promise.reject(new Error('denied'))) } });
    render(<TrackerPlan name="S" plan={plan} members={null} daysOff={0} points={null} />);
    expect(screen.queryByTestId('plan-points')).toBeNull();
    expect(screen.queryByTestId('plan-per-person')).toBeNull();
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Copy plan' })));
    expect(screen.getByTestId('copy-status').textContent).toContain('refused');
  });
});
