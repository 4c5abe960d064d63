// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { PlanOdds } from '../../client/pages/planning/PlanOdds';
import type { SprintPlan } from '../../client/pages/planning/operations';

afterEach(cleanup);

type Odds = Pick<SprintPlan, 'odds' | 'trackRecord'>;

const measured: Odds = {
  odds: { p50Share: 0.4, p80Share: 0.45, basedOnSprints: 5, sentence: '4 sprints in 5 like the last ones need at most 45% for ops, half of them at most 40%: …' },
  trackRecord: { sprints: 5, held: 2, p80Sprints: 1, p80Exceeded: 0, sentence: 'The recommendation held in 2 of the last 5 sprints; …' },
};

describe('PlanOdds', () => {
  it('shows the range and the track record the server computed, with its sentences on hover', () => {
    render(<PlanOdds plan={measured} />);
    expect(screen.getByTestId('plan-p50').textContent).toBe('40%');
    expect(screen.getByTestId('plan-p80').textContent).toBe('45%');
    expect(screen.getByTestId('plan-track-held').textContent).toBe('2 of 5');
    expect(screen.getByTestId('plan-track-p80').textContent).toBe('0 of 1');
    expect(screen.getByTestId('plan-odds').textContent).toContain('from 5 sprints');
    expect(screen.getByTitle(measured.odds!.sentence)).toBeTruthy();
    expect(screen.getByTitle(measured.trackRecord!.sentence)).toBeTruthy();
  });

  it('says why there is no range or record yet, and leaves out the percentile without one', () => {
    render(<PlanOdds plan={{
      odds: { p50Share: null, p80Share: null, basedOnSprints: 2, sentence: 'There is no range yet: … the team has 2.' },
      trackRecord: { sprints: 2, held: 1, p80Sprints: 0, p80Exceeded: 0, sentence: 'The recommendation held in 1 of the last 2 sprints; …' },
    }} />);
    expect(screen.getByTestId('plan-odds-none').textContent).toBe('There is no range yet: … the team has 2.');
    expect(screen.queryByTestId('plan-p80')).toBeNull();
    expect(screen.getByTestId('plan-track-held').textContent).toBe('1 of 2');
    expect(screen.queryByTestId('plan-track-p80')).toBeNull();
    cleanup();
    render(<PlanOdds plan={{ odds: measured.odds, trackRecord: { sprints: 0, held: 0, p80Sprints: 0, p80Exceeded: 0, sentence: 'There is no track record yet: …' } }} />);
    expect(screen.getByTestId('plan-track-none').textContent).toBe('There is no track record yet: …');
  });

  it('shows nothing for a plan frozen before it had odds', () => {
    const { container } = render(<PlanOdds plan={{ odds: null, trackRecord: null }} />);
    expect(container.innerHTML).toBe('');
  });
});
