/**
 * Signing in to the dashboard in headless Chromium against the real app: no session → the sign-in
 * page (and back afterwards), a pasted token, the one-time link printed on the server's first start
 * (opened in a tab already on the sign-in page, then refused a second time), signing out, and a
 * revoked token. Other tokens are created through the API, as an admin would.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { addDays, localToday } from '../../client/lib/dateRange';
import { ensureClientBuilt, launchBrowser, openPage, screenshot, seed, seriousA11yViolations, startApp, type AppServer } from './harness';

const today = localToday();

let app: AppServer & { printed: string };
let browser: Browser;

beforeAll(async () => {
  await ensureClientBuilt();
  [app, browser] = await Promise.all([startApp({ firstStart: true }), launchBrowser()]);
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

    // Signing out ends the session: the next visit needs a sign-in again, and the old cookie,
    // replayed by anyone who copied it, no longer works.
    const before = (await page.context().cookies()).find((c) => c.name === 'headroom_session')!;
    expect(before.value).not.toContain(token);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL((u) => u.pathname === '/signin');
    await page.goto(app.url + '/');
    await page.waitForURL((u) => u.pathname === '/signin');
    const cookies = await page.context().cookies();
    expect(cookies.filter((c) => c.name === 'headroom_session')).toEqual([]);
    const replayed = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: `headroom_session=${before.value}` },
      body: JSON.stringify({ query: '{ viewer { name } }' }),
    });
    expect(replayed.status).toBe(401);
    await page.context().close();
  }, 60_000);

  it('signs in once with the link printed on first start, pasted into a tab already on the sign-in page', async () => {
    const link = /(http:\/\/\S+\/signin#code=\S+)/.exec(app.printed)?.[1];
    expect(link, app.printed).toBeDefined();
    expect(app.printed).not.toContain(app.token);

    // The tab shows the sign-in page with a stale error when the link is pasted into it: only the
    // fragment changes, so the page must notice the hashchange (no reload, the marker survives).
    const page = await openPage(browser, 390, 844);
    await page.goto(`${app.url}/signin`);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').filter({ hasText: 'Paste a token to sign in.' }).waitFor();
    await page.evaluate(() => ((window as unknown as { sameDocument: boolean }).sameDocument = true));
    await page.goto(link!);
    await page.waitForURL((u) => u.pathname === '/');
    expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);
    expect(new URL(page.url()).hash).toBe('');
    await page.getByTestId('team-row-payments').waitFor();
    expect(await page.getByTestId('viewer-name').textContent()).toBe('Signed in as admin (first start)');
    // The session is an HttpOnly cookie out of the reach of page scripts, and it is not the token.
    const session = (await page.context().cookies()).find((c) => c.name === 'headroom_session');
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Strict' });
    expect(session!.value).not.toContain(app.token);
    expect(await page.evaluate(() => document.cookie)).toBe('');
    await page.context().close();

    // The link was for one use: opened again, it is refused with a way forward.
    const again = await openPage(browser, 390, 844);
    await again.goto(link!);
    await again.getByRole('alert').filter({ hasText: 'already used or expired' }).waitFor();
    expect(new URL(again.url()).hash).toBe('');
    await screenshot(again, 'signin-link-used.png');
    await again.context().close();
  }, 60_000);

  it('sends the viewer back to sign in when their token is revoked', async () => {
    const { token, id } = await newToken('Soon revoked', ['read']);
    const page = await openPage(browser, 1280, 900);
    await page.goto(`${app.url}/signin?next=${encodeURIComponent('/teams/payments')}`);
    await page.getByLabel('Access token').fill(token);
    await page.keyboard.press('Enter');
    await page.waitForURL((u) => u.pathname === '/teams/payments');
    await page.getByTestId('team-kpi-alerts').waitFor();

    await app.gql(`mutation($id: ID!) { revokeToken(id: $id) }`, { id });
    await page.getByRole('link', { name: 'Overview' }).first().click();
    await page.waitForURL((u) => u.pathname === '/signin');
    expect(new URL(page.url()).searchParams.get('next')).toBeNull();
    await page.context().close();
  }, 60_000);
});
