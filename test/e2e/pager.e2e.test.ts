/**
 * "Who carries the pager" in headless Chromium against the real app (issue 20): a team whose last
 * four weeks of pages are the demo's (same generator, sent through the public API with their
 * responders) shows per-person figures heaviest first and the evenness figures in words; a team
 * whose pages name nobody says how to record responders; and when an admin hides per-person
 * figures on the Defaults page, the team page says the org hides them and keeps the evenness.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { DateTime } from 'luxon';
import { addDays, localToday } from '../../client/lib/dateRange';
import { DEMO_TEAMS, demoDailyMetrics, demoEvents, withDemoResponders } from '../../server/demo/seed';
import { ensureClientBuilt, launchBrowser, openPage, SCREENSHOTS, seed, startApp, type AppServer } from './harness';
import { expectNoSeriousA11yViolations, horizontalOverflow, textOf } from './pageHelpers';

let app: AppServer;
let browser: Browser;

interface Person { person: string; pageHours: number; sleepInterruptions: number }
interface Figures { people: Person[] | null; evenness: { people: number; busiestShare: number; gini: number } }

const PAGES = `mutation($input: [PageInput!]!) { recordPages(input: $input) { received } }`;
const FIGURES = `query($slug: String!, $range: DateRange!) { team(slug: $slug) { responderFigures(range: $range) {
  people { person pageHours sleepInterruptions } evenness { people busiestShare gini } } } }`;

beforeAll(async () => {
  await ensureClientBuilt();
  [app, browser] = await Promise.all([startApp(), launchBrowser()]);
  const payments = DEMO_TEAMS[0];
  await seed(app, [{ slug: 'payments', name: 'Payments', timezone: 'UTC', members: payments.members }, { slug: 'search', name: 'Search', timezone: 'UTC', members: 5 }], []);
  // The demo's own generator, so the section shows what a first start shows: Payments' four weeks of pages.
  const today = DateTime.fromISO(localToday(), { zone: 'UTC' });
  const daily = demoDailyMetrics({ ...payments, timezone: 'UTC' }, 28, today, 1000);
  const { pages } = demoEvents({ ...payments, timezone: 'UTC' }, daily, 27, 2000);
  const past = pages.filter((p) => p.resolvedAt < new Date().toISOString());
  await app.gql(PAGES, { input: withDemoResponders(past, 0, payments.members, 3000) });
  // Search's pages name nobody.
  await app.gql(PAGES, { input: [{ externalId: 'S-1', team: 'search', triggeredAt: `${addDays(localToday(), -3)}T09:00:00Z`, resolvedAt: `${addDays(localToday(), -3)}T10:00:00Z` }] });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

const range = () => ({ from: addDays(localToday(), -27), to: localToday() });

describe('who carries the pager', () => {
  it('shows per-person load heaviest first and the evenness in words, as the API gives them', async () => {
    const { team } = await app.gql<{ team: { responderFigures: Figures } }>(FIGURES, { slug: 'payments', range: range() });
    const { people, evenness } = team.responderFigures;
    expect(people!.length).toBe(5);
    expect(evenness.busiestShare).toBeGreaterThan(0.3); // the demo is uneven on purpose

    const page = await openPage(browser, 1280, 900, app);
    await page.goto(`${app.url}/teams/payments?from=${range().from}&to=${range().to}`);
    const section = page.getByTestId('pager-section');
    await section.getByTestId('pager-person').first().waitFor();
    const rows = section.getByTestId('pager-person');
    expect(await rows.count()).toBe(people!.length);
    for (const [i, p] of people!.entries()) {
      const row = rows.nth(i);
      expect((await row.getByRole('rowheader').textContent())?.trim()).toBe(p.person);
      expect((await row.getByTestId('pager-person-hours').textContent())?.trim()).toBe(p.pageHours.toFixed(1));
      expect((await row.getByTestId('pager-person-sleep').textContent())?.trim()).toBe(String(p.sleepInterruptions));
    }
    const pct = `${Math.round(evenness.busiestShare * 1000) / 10}%`;
    expect(await textOf(page, 'pager-evenness')).toBe(
      `The busiest person carried ${pct} of page hours; evenness (Gini) ${evenness.gini.toFixed(2)} — 0 is perfectly even, 0.80 would be one of these 5 people carrying everything.`,
    );
    await expectNoSeriousA11yViolations(page);
    // The section alone: the whole team page is in the other screenshots.
    await section.screenshot({ path: path.join(SCREENSHOTS, 'team-pager.png') });
    await page.context().close();
  });

  it('says how to record responders when the range’s pages name nobody', async () => {
    const page = await openPage(browser, 390, 900, app);
    await page.goto(`${app.url}/teams/search?from=${range().from}&to=${range().to}`);
    const howTo = page.getByTestId('pager-section').getByTestId('pager-how-to');
    await howTo.waitFor();
    expect(await page.getByTestId('pager-section').textContent()).toContain('1 page in this range named no responder');
    expect(await howTo.textContent()).toContain('responders column in the pages CSV');
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await page.context().close();
  });

  it('hides per-person figures when an admin says so on the Defaults page, keeping the evenness', async () => {
    const page = await openPage(browser, 1280, 900, app);
    await page.goto(`${app.url}/defaults`);
    await page.getByTestId('privacy-toggle').click();
    await expect.poll(() => textOf(page, 'privacy-state')).toMatch(/^Per-person figures are hidden/);
    expect(await page.getByTestId('privacy-toggle').textContent()).toBe('Show per-person figures');

    await page.goto(`${app.url}/teams/payments?from=${range().from}&to=${range().to}`);
    const section = page.getByTestId('pager-section');
    await section.getByTestId('pager-hidden').waitFor();
    expect(await textOf(page, 'pager-hidden')).toContain('hidden by the org');
    expect(await section.getByTestId('pager-person').count()).toBe(0);
    expect(await textOf(page, 'pager-evenness')).toMatch(/^The busiest person carried \d/);
    const { team } = await app.gql<{ team: { responderFigures: Figures } }>(FIGURES, { slug: 'payments', range: range() });
    expect(team.responderFigures.people).toBeNull();
    await section.screenshot({ path: path.join(SCREENSHOTS, 'team-pager-hidden.png') });

    // And back, so the setting is shown as it was found.
    await page.goto(`${app.url}/defaults`);
    await page.getByTestId('privacy-toggle').click();
    await expect.poll(() => textOf(page, 'privacy-state')).toMatch(/^Per-person figures are shown/);
    await page.context().close();
  });
});
