/**
 * The Defaults page in headless Chromium against the real app: an org-wide admin edits the
 * org-default guardrails and load model through the UI, each with a reason, sees them in the
 * history, and finds the figures read before the change read again with the new model.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { addDays, localToday } from '../../client/lib/dateRange';
import { ensureClientBuilt, launchBrowser, openPage, screenshot, SCREENSHOTS, seed, startApp, type AppServer } from './harness';
import { expectNoSeriousA11yViolations, horizontalOverflow, lesserToken, textOf } from './pageHelpers';

let app: AppServer;
let browser: Browser;

beforeAll(async () => {
  await ensureClientBuilt();
  [app, browser] = await Promise.all([startApp(), launchBrowser()]);
  // 60 alerts and nothing else: ops hours are alerts × minutes per alert / 60, 5 h by default.
  await seed(app, [{ slug: 'payments', name: 'Payments', members: 5 }], [{ team: 'payments', date: addDays(localToday(), -3), alerts: 60 }]);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

const nav = (page: Page, name: string) => page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true });

describe('defaults page', () => {
  it('edits the org-default guardrails and load model with reasons, lists both histories, and marks figures stale', async () => {
    const page = await openPage(browser, 1280, 900, app);
    await page.goto(`${app.url}/`);
    await expect.poll(() => textOf(page, 'kpi-payments-opsHours')).toMatch(/^5(\.0+)?\b/);

    await nav(page, 'Defaults').click();
    await page.getByRole('heading', { level: 1, name: 'Org defaults' }).waitFor();
    // The page's sections load on their own (the heading comes first): wait for the history to arrive.
    await page.getByText('No versions yet: the built-in defaults are in force.').waitFor();
    expect(await page.getByTestId('load-model-history-empty').textContent()).toBe('No changes yet: the built-in defaults are in force.');

    // Guardrails: a reason is required; with it the change is org-default version 1.
    await page.getByTestId('guardrail-opsCeiling').fill('45');
    await page.getByTestId('guardrail-save').click();
    await expect.poll(() => textOf(page, 'guardrail-error-reason')).toContain('Say why the guardrails change');
    await page.getByTestId('guardrail-reason').fill('SRE review: overload starts earlier than 50%.');
    await page.getByTestId('guardrail-save').click();
    await page.getByTestId('default-guardrail-saved').waitFor();
    await expect.poll(() => textOf(page, 'guardrail-version')).toBe('1');
    expect(await textOf(page, 'guardrail-current-opsCeiling')).toBe('45%');
    expect(await textOf(page, 'history-v1-reason')).toBe('SRE review: overload starts earlier than 50%.');

    // Load model: the same rule, then one change in its history, by this token.
    await page.getByTestId('load-model-minutesPerAlert').fill('10');
    await page.getByTestId('load-model-save').click();
    await expect.poll(() => textOf(page, 'load-model-error-reason')).toContain('Say why the load model changes');
    await page.getByTestId('load-model-reason').fill('Alert triage takes ten minutes since the new router.');
    await page.getByTestId('load-model-save').click();
    await page.getByTestId('default-load-model-saved').waitFor();
    await expect.poll(() => textOf(page, 'default-load-model-minutesPerAlert')).toBe('10 min');
    expect(await textOf(page, 'load-model-change-0-reason')).toBe('Alert triage takes ten minutes since the new router.');
    const change = page.getByTestId('load-model-change-0');
    expect(await change.textContent()).toContain('e2e admin');
    expect(await change.locator('td.changed').count()).toBe(0); // the first change has nothing before it
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, 'defaults.png');

    // The overview read before the change is read again: 60 alerts × 10 min = 10 h.
    await nav(page, 'Overview').click();
    await expect.poll(() => textOf(page, 'kpi-payments-opsHours')).toMatch(/^10(\.0+)?\b/);

    // The team has no load model of its own: its settings say it uses the org default.
    await page.goto(`${app.url}/teams/payments`);
    await expect.poll(() => textOf(page, 'team-load-model-source')).toContain('Uses the org default');
    expect(await textOf(page, 'team-load-model-now-minutesPerAlert')).toBe('10 min');
    const settings = page.getByRole('heading', { level: 2, name: 'Team settings' }).locator('..');
    await settings.screenshot({ path: `${SCREENSHOTS}/team-load-model.png` });
    await page.context().close();
  });

  it('fits a 390 px screen', async () => {
    const page = await openPage(browser, 390, 844, app);
    await page.goto(`${app.url}/defaults`);
    await page.getByTestId('default-load-model').waitFor();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'defaults-mobile.png');
    await page.context().close();
  });

  it('is not in the nav of a read-only token, whose page shows the defaults without editing', async () => {
    const reader = await lesserToken(app, 'e2e reader', ['read']);
    const page = await openPage(browser, 1280, 900, reader);
    await page.goto(`${app.url}/`);
    await nav(page, 'Overview').waitFor();
    expect(await nav(page, 'Defaults').count()).toBe(0);
    await page.goto(`${app.url}/defaults`);
    await page.getByTestId('default-load-model').waitFor();
    expect(await page.getByTestId('load-model-save').isDisabled()).toBe(true);
    expect(await page.getByTestId('guardrail-save').isDisabled()).toBe(true);
    await page.context().close();
  });
});
