// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import SignInPage from '../../client/pages/SignInPage';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  window.history.replaceState(null, '', '/');
});

function server(status: number, body: unknown) {
  const fetch = vi.fn(async () => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } }));
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

function renderAt(url: string) {
  const router = createMemoryRouter(
    [
      { path: '/signin', element: <SignInPage /> },
      { path: '*', element: <p>Arrived</p> },
    ],
    { initialEntries: [url] },
  );
  render(<RouterProvider router={router} />);
  return router;
}

/** The JSON body of the `call`-th request (the first by default). */
const sent = (fetch: ReturnType<typeof vi.fn>, call = 0) => JSON.parse((fetch.mock.calls[call] as unknown as [string, RequestInit])[1].body as string);

describe('SignInPage', () => {
  it('signs in with the one-time code of a sign-in link and clears it from the address bar', async () => {
    const fetch = server(200, { name: 'admin', scopes: ['admin'], teams: null });
    window.history.replaceState(null, '', '/signin?next=%2Fteams%2Fpayments#code=c0de');
    let router!: ReturnType<typeof renderAt>;
    await act(async () => {
      router = renderAt('/signin?next=%2Fteams%2Fpayments');
    });
    expect(window.location.hash).toBe('');
    expect(window.location.search).toBe('?next=%2Fteams%2Fpayments');
    expect(fetch).toHaveBeenCalledOnce();
    expect((fetch.mock.calls[0] as unknown as [string])[0]).toBe('/api/session');
    expect(sent(fetch)).toEqual({ code: 'c0de' });
    expect(router.state.location.pathname).toBe('/teams/payments');
  });

  it('takes a link pasted into a tab already showing the sign-in page, clearing the old error', async () => {
    const fetch = server(401, { error: { code: 'UNAUTHENTICATED', message: 'That sign-in link is unknown, already used or expired.' } });
    window.history.replaceState(null, '', '/signin#code=used');
    let router!: ReturnType<typeof renderAt>;
    await act(async () => {
      router = renderAt('/signin');
    });
    expect(screen.getByRole('alert').textContent).toContain('already used or expired');
    // The link failed, not the token field.
    expect(screen.getByLabelText('Access token').getAttribute('aria-invalid')).toBeNull();

    fetch.mockImplementation(async () => new Response(JSON.stringify({ name: 'admin', scopes: ['admin'], teams: null }), { status: 200 }));
    await act(async () => {
      window.history.replaceState(null, '', '/signin#code=fresh');
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    });
    expect(sent(fetch, 1)).toEqual({ code: 'fresh' });
    expect(window.location.hash).toBe('');
    expect(screen.queryByRole('alert')).toBeNull();
    expect(router.state.location.pathname).toBe('/');
  });

  it('signs in with a pasted token and goes to the overview without a next', async () => {
    const fetch = server(200, { name: 'ci', scopes: ['read'], teams: null });
    const router = renderAt('/signin');
    const input = screen.getByLabelText('Access token') as HTMLInputElement;
    expect(input.type).toBe('password');
    fireEvent.change(input, { target: { value: ' hr_pasted ' } });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    });
    expect(sent(fetch)).toEqual({ token: 'hr_pasted' });
    expect(router.state.location.pathname).toBe('/');
  });

  it('refuses to follow a next that leaves the site', async () => {
    server(200, { name: 'ci', scopes: ['read'], teams: null });
    const router = renderAt(`/signin?next=${encodeURIComponent('//evil.example/')}`);
    fireEvent.change(screen.getByLabelText('Access token'), { target: { value: 'hr_x' } });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    });
    expect(router.state.location.pathname).toBe('/');
  });

  it('shows the server’s refusal beside the field, and asks for a token when there is none', async () => {
    const fetch = server(401, { error: { code: 'UNAUTHENTICATED', message: 'That token is unknown, revoked or expired.' } });
    const router = renderAt('/signin');
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(screen.getByRole('alert').textContent).toContain('Paste a token to sign in.');
    expect(fetch).not.toHaveBeenCalled();

    fireEvent.change(screen.getByLabelText('Access token'), { target: { value: 'hr_wrong' } });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    });
    expect(screen.getByRole('alert').textContent).toContain('That token is unknown, revoked or expired.');
    expect(screen.getByLabelText('Access token').getAttribute('aria-invalid')).toBe('true');
    expect(router.state.location.pathname).toBe('/signin');
  });
});
