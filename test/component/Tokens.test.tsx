// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { CreateTokenForm, TokenTable } from '../../client/pages/data/Tokens';
import type { TokenRow } from '../../client/pages/data/tokenOperations';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

function answer(body: unknown) {
  const fetch = vi.fn(async () => new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } }));
  vi.stubGlobal('fetch', fetch);
  return fetch;
}
const sent = (fetch: ReturnType<typeof answer>, i = 0) => JSON.parse((fetch.mock.calls[i] as unknown as [string, RequestInit])[1].body as string);

const base: TokenRow = { id: '1', name: 'ci', scopes: ['ingest'], teams: null, group: null, createdAt: '2026-11-01T10:00:00Z', lastUsedAt: null, expiresAt: null, revokedAt: null };

describe('CreateTokenForm', () => {
  it('asks for a name before sending anything', () => {
    const fetch = answer({});
    render(<CreateTokenForm />);
    fireEvent.click(screen.getByRole('button', { name: 'Create token' }));
    expect(screen.getByRole('alert').textContent).toContain('Enter a name');
    expect(fetch).not.toHaveBeenCalled();
  });

  it('creates the token with the chosen scopes and shows its secret once, with a copy button', async () => {
    const fetch = answer({ data: { createToken: { id: '7', name: 'grafana', token: 'hr_secret_123' } } });
    const writeText = vi.fn(async () => {});
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    render(<CreateTokenForm />);
    fireEvent.change(screen.getByLabelText('Name'), { target: { value: ' grafana ' } });
    fireEvent.click(screen.getByLabelText(/^ingest/));
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Create token' }));
    });
    expect(sent(fetch).variables).toEqual({ input: { name: 'grafana', scopes: ['read', 'ingest'] } });
    expect(screen.getByTestId('token-secret').textContent).toBe('hr_secret_123');
    expect(screen.getByTestId('token-created').textContent).toContain('not shown again');
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Copy token' }));
    });
    expect(writeText).toHaveBeenCalledWith('hr_secret_123');
    expect(screen.getByRole('button', { name: 'Copied' })).toBeTruthy();
  });
});

describe('CreateTokenForm with groups', () => {
  const groups = [{ id: '3', path: 'Infrastructure' }, { id: '4', path: 'Infrastructure / Data' }];

  it('limits the token to the chosen group', async () => {
    const fetch = answer({ data: { createToken: { id: '8', name: 'data reader', token: 'hr_x' } } });
    render(<CreateTokenForm groups={groups} />);
    fireEvent.change(screen.getByLabelText('Name'), { target: { value: 'data reader' } });
    fireEvent.change(screen.getByLabelText('Teams'), { target: { value: '4' } });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Create token' }));
    });
    expect(sent(fetch).variables).toEqual({ input: { name: 'data reader', scopes: ['read'], group: '4' } });
  });

  it('refuses an admin token limited to a group before sending anything', () => {
    const fetch = answer({});
    render(<CreateTokenForm groups={groups} />);
    fireEvent.change(screen.getByLabelText('Name'), { target: { value: 'x' } });
    fireEvent.click(screen.getByLabelText(/^admin/));
    fireEvent.change(screen.getByLabelText('Teams'), { target: { value: '3' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create token' }));
    expect(screen.getByRole('alert').textContent).toContain('An admin token acts for the whole org');
    expect(fetch).not.toHaveBeenCalled();
  });

  it('shows a group token\'s group and its teams now', () => {
    render(<TokenTable tokens={[{ ...base, group: { id: '4', path: 'Infrastructure / Data' }, teams: ['data-pipeline'] }]} />);
    expect(screen.getByTestId('token-1-teams').textContent).toBe('group Infrastructure / Data (data-pipeline)');
  });
});

describe('TokenTable', () => {
  it('lists last use and state, and offers revoke only on live tokens', () => {
    render(
      <TokenTable
        tokens={[
          { ...base, lastUsedAt: '2026-11-30T09:00:00Z' },
          { ...base, id: '2', name: 'old', revokedAt: '2026-11-02T10:00:00Z' },
        ]}
      />,
    );
    expect(screen.getByTestId('token-1-used').textContent).not.toBe('never');
    expect(screen.getByTestId('token-1-state').textContent).toBe('active');
    expect(screen.getByTestId('token-2-state').textContent).toMatch(/^revoked /);
    expect(screen.getByTestId('token-2-used').textContent).toBe('never');
    expect(screen.getAllByRole('button').map((b) => b.getAttribute('aria-label'))).toEqual(['Revoke ci']);
  });

  it('revokes after a confirmation, and not without one', async () => {
    const fetch = answer({ data: { revokeToken: true } });
    const confirm = vi.spyOn(window, 'confirm').mockReturnValueOnce(false).mockReturnValueOnce(true);
    render(<TokenTable tokens={[base]} />);
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Revoke ci' }));
    });
    expect(fetch).not.toHaveBeenCalled();
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Revoke ci' }));
    });
    expect(confirm).toHaveBeenCalledTimes(2);
    expect(sent(fetch).variables).toEqual({ id: '1' });
  });
});
