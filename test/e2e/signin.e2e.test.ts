/**
 * Signing in to the dashboard in headless Chromium against the real app: no session → the sign-in
 * page (and back afterwards), a pasted token, a sign-in link with the token in its fragment, signing
 * out, and a revoked token. Tokens are created through the API, as an admin would.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { addDays, localToday } from '../../client/lib/dateRange';
import { ensureClientBuilt, launchBrowser, openPage, screenshot, seed, seriousA11yViolations, startApp, type AppServer } from './harness';

const today = localToday();

let app: AppServer;
let browser: Browser;

beforeAll(async () => {
  await ensureClientBuilt();
  [app, browser] = await Promise.all([startApp(), launchBrowser()]);
  await seed(app, [{ slug: 'payments', name: 'Payments', members: 5 }], [{ team: 'payments', date: today, alerts: 7 }]);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

async function newToken(name: string, scopes: string[]): Promise<{ token: string; id: string }> {
  const { createToken } = await app.gql<{ createToken: { token: string; id: string } }>(
    `mutation($input: TokenInput!) { createToken(input: $input) { token id } }`,
    { input: { name, scopes } },
  );
  return createToken;
}

describe('sign-in', () => {
  it('sends a visitor without a session to sign in, and back to the page after pasting a token', async () => {
    const { token } = await newToken('Dana (EM)', ['read', 'plan']);
    const page = await openPage(browser, 1280, 900);
    const wanted = `/teams/payments?from=${addDays(today, -13)}&to=${today}`;
    await page.goto(app.url + wanted);
    await page.waitForURL((u) => u.pathname === '/signin');
    expect(new URL(page.url()).searchParams.get('next')).toBe(wanted);
    await page.getByRole('heading', { level: 1, name: 'Sign in to Headroom' }).waitFor();
    expect(await page.getByLabel('Access token').getAttribute('type')).toBe('password');
    const violations = await seriousA11yViolations(page);
    expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);
    await screenshot(page, 'signin.png');

    // A wrong token is refused with the server's words, beside the field.
    await page.getByLabel('Access token').fill('hr_not-a-real-token');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').filter({ hasText: 'unknown, revoked or expired' }).waitFor();
    await expect(page.getByLabel('Access token').getAttribute('aria-invalid')).resolves.toBe('true');

    await page.getByLabel('Access token').fill(token);
    await page.keyboard.press('Enter');
    await page.waitForURL((u) => u.pathname + u.search === wanted);
    await page.getByRole('heading', { level: 1, name: 'Payments' }).waitFor();
    expect(await page.getByTestId('viewer-name').textContent()).toBe('Signed in as Dana (EM)');
    await page.getByTestId('team-kpi-alerts').waitFor();

    // Signing out clears the cookie: the next visit needs a sign-in again.
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL((u) => u.pathname === '/signin');
    await page.goto(app.url + '/');
    await page.waitForURL((u) => u.pathname === '/signin');
    const cookies = await page.context().cookies();
    expect(cookies.filter((c) => c.name === 'headroom_session')).toEqual([]);
    await page.context().close();
  }, 60_000);

  it('signs in from a sign-in link, taking the token out of the address bar', async () => {
    const { token } = await newToken('Link reader', ['read']);
    const page = await openPage(browser, 390, 844);
    await page.goto(`${app.url}/signin#token=${token}`);
    await page.waitForURL((u) => u.pathname === '/');
    expect(new URL(page.url()).hash).toBe('');
    await page.getByTestId('team-row-payments').waitFor();
    expect(await page.getByTestId('viewer-name').textContent()).toBe('Signed in as Link reader');
    // The token went into an HttpOnly cookie, out of the reach of page scripts.
    const session = (await page.context().cookies()).find((c) => c.name === 'headroom_session');
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Strict' });
    expect(await page.evaluate(() => document.cookie)).not.toContain(token);
    await page.context().close();
  }, 60_000);

  it('sends the viewer back to sign in when their token is revoked', async () => {
    const { token, id } = await newToken('Soon revoked', ['read']);
    const page = await openPage(browser, 1280, 900);
    await page.goto(`${app.url}/signin?next=${encodeURIComponent('/teams/payments')}#token=${token}`);
    await page.waitForURL((u) => u.pathname === '/teams/payments');
    await page.getByTestId('team-kpi-alerts').waitFor();

    await app.gql(`mutation($id: ID!) { revokeToken(id: $id) }`, { id });
    await page.getByRole('link', { name: 'Overview' }).first().click();
    await page.waitForURL((u) => u.pathname === '/signin');
    expect(new URL(page.url()).searchParams.get('next')).toBeNull();
    await page.context().close();
  }, 60_000);
});
