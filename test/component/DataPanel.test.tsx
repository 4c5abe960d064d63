// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { DataPanel } from '../../client/components/DataPanel';
import { GraphQLRequestError } from '../../client/graphql/request';
import type { QueryState } from '../../client/lib/useQuery';

afterEach(cleanup);

function q<T>(s: Partial<QueryState<T>>): QueryState<T> {
  return { data: undefined, error: undefined, loading: false, retry: () => {}, ...s };
}

const show = (items: string[]) => (
  <ul>
    {items.map((i) => (
      <li key={i}>{i}</li>
    ))}
  </ul>
);

describe('DataPanel', () => {
  it('says it is loading, in words', () => {
    render(<DataPanel query={q<string[]>({ loading: true })} what="teams">{show}</DataPanel>);
    expect(screen.getByRole('status').textContent).toBe('Loading teams…');
  });

  it('shows the server’s message and code, and tries again on request', () => {
    const retry = vi.fn();
    const error = new GraphQLRequestError('Sign in: send a bearer token or a session cookie.', { code: 'UNAUTHENTICATED' });
    render(<DataPanel query={q<string[]>({ error, retry })} what="teams">{show}</DataPanel>);
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('Couldn’t load teams');
    expect(alert.textContent).toContain('Sign in: send a bearer token or a session cookie.');
    expect(alert.textContent).toContain('UNAUTHENTICATED');
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(retry).toHaveBeenCalledOnce();
  });

  it('shows the empty message when the data holds nothing', () => {
    render(
      <DataPanel query={q({ data: [] as string[] })} what="teams" isEmpty={(d) => d.length === 0} empty={<p>No teams yet</p>}>
        {show}
      </DataPanel>,
    );
    expect(screen.getByText('No teams yet')).toBeTruthy();
    expect(screen.queryByRole('list')).toBeNull();
  });

  it('renders the data, and says when it is being refreshed', () => {
    const { rerender } = render(<DataPanel query={q({ data: ['payments'] })} what="teams">{show}</DataPanel>);
    expect(screen.getByRole('listitem').textContent).toBe('payments');
    expect(screen.queryByRole('status')).toBeNull();

    rerender(<DataPanel query={q({ data: ['payments'], loading: true })} what="teams">{show}</DataPanel>);
    expect(screen.getByRole('status').textContent).toContain('Updating teams…');
    expect(screen.getByRole('listitem').textContent).toBe('payments');
  });
});
