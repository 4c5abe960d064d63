// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { DateRangeControl } from '../../client/components/DateRangeControl';
import { addDays, localToday } from '../../client/lib/dateRange';
import { useDateRange } from '../../client/lib/useDateRange';

afterEach(cleanup);

function Probe() {
  const state = useDateRange();
  return (
    <>
      <output data-testid="range">
        {state.range.from}/{state.range.to}/{state.preset?.id ?? 'custom'}/{state.urlValid ? 'ok' : 'bad'}
      </output>
      <DateRangeControl state={state} />
    </>
  );
}

function renderAt(url: string) {
  const router = createMemoryRouter([{ path: '/', element: <Probe /> }], { initialEntries: [url] });
  render(<RouterProvider router={router} />);
  return router;
}

const today = localToday();
const shown = () => screen.getByTestId('range').textContent;

describe('useDateRange with DateRangeControl', () => {
  it('defaults to the last 28 days', () => {
    renderAt('/');
    expect(shown()).toBe(`${addDays(today, -27)}/${today}/28d/ok`);
  });

  it('reads a valid range from the URL', () => {
    renderAt('/?from=2024-01-01&to=2024-03-31');
    expect(shown()).toBe('2024-01-01/2024-03-31/custom/ok');
    expect((screen.getByLabelText('From') as HTMLInputElement).value).toBe('2024-01-01');
  });

  it('falls back to the default for an invalid URL range, and says so', () => {
    renderAt('/?from=2024-03-01&to=2024-02-01');
    expect(shown()).toBe(`${addDays(today, -27)}/${today}/28d/bad`);
  });

  it('writes a chosen preset into the URL', async () => {
    const router = renderAt('/?bucket=WEEK');
    await act(async () => {
      fireEvent.change(screen.getByLabelText('Date range'), { target: { value: '14d' } });
    });
    const params = new URLSearchParams(router.state.location.search);
    expect(params.get('from')).toBe(addDays(today, -13));
    expect(params.get('to')).toBe(today);
    expect(params.get('bucket')).toBe('WEEK');
    expect(shown()).toBe(`${addDays(today, -13)}/${today}/14d/ok`);
  });

  it('applies a custom range, and refuses a reversed one with a message', async () => {
    const router = renderAt('/');
    fireEvent.change(screen.getByLabelText('From'), { target: { value: '2024-02-10' } });
    fireEvent.change(screen.getByLabelText('To'), { target: { value: '2024-02-01' } });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Apply' }));
    });
    expect(screen.getByRole('alert').textContent).toContain('Start date must not be after the end date');
    expect(screen.getByLabelText('From').getAttribute('aria-invalid')).toBe('true');
    expect(router.state.location.search).toBe('');

    fireEvent.change(screen.getByLabelText('To'), { target: { value: '2024-02-20' } });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Apply' }));
    });
    expect(shown()).toBe('2024-02-10/2024-02-20/custom/ok');
    expect(router.state.location.search).toBe('?from=2024-02-10&to=2024-02-20');
  });
});
