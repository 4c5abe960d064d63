/**
 * The data page in headless Chromium against the real app (started with webhook secrets, so signed
 * PagerDuty and GitHub deliveries can be posted): a CSV file uploaded through the form is imported
 * and shown, a bad one lists its lines, an unrouted webhook signal is mapped through the form and
 * then counts for its team, a read-only token sees FORBIDDEN, and axe finds nothing serious.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import webhookExamples from '@octokit/webhooks-examples';
import { addDays, localToday } from '../../client/lib/dateRange';
import { ensureClientBuilt, launchBrowser, openPage, ROOT, screenshot, type AppServer } from './harness';
import {
  expectNoSeriousA11yViolations, horizontalOverflow, lesserToken, postGitHub, postPagerDuty, startAppWithOptions, tempFile, textOf,
} from './pageHelpers';

const PD_SECRET = 'pd-e2e-secret';
const GH_SECRET = 'gh-e2e-secret';
const today = localToday();
const daysAgo = (n: number) => addDays(today, -n);

let app: AppServer;
let browser: Browser;

const KPIS = `query($slug: String!, $range: DateRange!) { team(slug: $slug) { kpis(range: $range) { alerts pages pageHours toilHours deploys } } }`;
const kpis = async (slug: string, from: string, to: string) =>
  (await app.gql<{ team: { kpis: Record<string, number> } }>(KPIS, { slug, range: { from, to } })).team.kpis;

const pagerDuty = (name: string) => fs.readFileSync(path.join(ROOT, 'test/fixtures/pagerduty', `${name}.json`), 'utf8');

beforeAll(async () => {
  await ensureClientBuilt();
  [app, browser] = await Promise.all([startAppWithOptions({ pagerdutyWebhookSecret: PD_SECRET, githubWebhookSecret: GH_SECRET }), launchBrowser()]);
  await app.gql(`mutation { upsertTeams(input: [
    { slug: "payments", name: "Payments", timezone: "Europe/Berlin", members: 6 },
    { slug: "core", name: "Core Platform", timezone: "UTC", members: 4 }]) { slug } }`);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

describe('data page', () => {
  it('imports a CSV file through the form, and lists every bad line of a bad one', async () => {
    const page = await openPage(browser, 1280, 900, app);
    await page.goto(`${app.url}/data`);
    await page.getByRole('heading', { level: 1, name: 'Data' }).waitFor();
    // Nothing received yet, nothing unrouted: the empty states say so.
    await page.getByText('No data received yet').waitFor();
    await page.getByText('No unrouted signals').waitFor();
    await page.getByText('No mappings yet').waitFor();
    // No backfill yet: each vendor's command to run one, with the variables it needs.
    expect(await page.getByTestId('backfill-last-github').textContent()).toBe('never run');
    expect(await page.getByTestId('backfill-command-github').textContent()).toContain('GITHUB_TOKEN=… npm run headroom -- backfill github --repo');

    // The format help follows the chosen kind.
    await page.getByText('Columns of a daily file').click();
    await page.getByTestId('import-format').getByRole('rowheader', { name: 'pageHours, offHoursPageHours, sleepPageHours, toilHours' }).waitFor();
    await page.getByRole('radio', { name: /^Deploys/ }).check();
    await page.getByText('Columns of a deploys file').waitFor();
    expect(await page.getByTestId('import-format').getByRole('rowheader', { name: 'leadTimeSeconds' }).count()).toBe(1);
    const [sample] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download this example as a file' }).click()]);
    expect(sample.suggestedFilename()).toBe('headroom-deploys-sample.csv');
    expect(fs.readFileSync((await sample.path())!, 'utf8')).toMatch(/^source,externalId,team,service,environment,deployedAt,status,leadTimeSeconds\n/);
    await page.getByRole('radio', { name: /^Daily metrics/ }).check();

    // No file chosen: said beside the file input.
    await page.getByRole('button', { name: 'Import daily metrics' }).click();
    await page.getByText('Choose a CSV file first.').waitFor();

    const good = tempFile(
      'daily.csv',
      [
        'team,date,alerts,pages,pageHours,toilHours',
        `payments,${daysAgo(2)},7,2,1.5,0.5`,
        `core,${daysAgo(1)},3,,,1.25`,
        '',
      ].join('\n'),
    );
    await page.getByLabel('CSV file', { exact: true }).setInputFiles(good);
    await page.getByRole('button', { name: 'Import daily metrics' }).click();
    await page.getByTestId('import-result').waitFor();
    expect(await textOf(page, 'import-received')).toBe('2');
    expect(await textOf(page, 'import-inserted')).toBe('2');
    expect(await textOf(page, 'import-updated')).toBe('0');
    expect(await textOf(page, 'import-unchanged')).toBe('0');
    expect(await textOf(page, 'import-lines')).toBe('3');
    expect(await page.getByTestId('import-result').textContent()).toContain('Imported daily.csv as daily metrics');
    // The figures count, and the freshness table now shows the csv source.
    expect(await kpis('payments', daysAgo(2), daysAgo(2))).toMatchObject({ alerts: 7, pages: 2, pageHours: 1.5, toilHours: 0.5 });
    await page.getByTestId('freshness-csv').waitFor();
    expect(await textOf(page, 'freshness-csv-latestDate')).toBe(daysAgo(1));

    // The same file again: every line unchanged (a re-sent key replaces, never adds).
    await page.getByRole('button', { name: 'Import daily metrics' }).click();
    await expect.poll(() => textOf(page, 'import-unchanged')).toBe('2');
    expect(await kpis('payments', daysAgo(2), daysAgo(2))).toMatchObject({ alerts: 7 });

    // A bad file: nothing is imported, every bad line is listed with its line number and column.
    const bad = tempFile(
      'bad.csv',
      [
        'team,date,alerts,toilHours',
        `payments,${daysAgo(3)},4,1`,
        `payments,${daysAgo(4)},many,1`,
        `nobody,${daysAgo(4)},1,`,
        `core,${daysAgo(5)},2,-1`,
      ].join('\n'),
    );
    await page.getByLabel('CSV file', { exact: true }).setInputFiles(bad);
    await page.getByRole('button', { name: 'Import daily metrics' }).click();
    await page.getByTestId('import-error').waitFor();
    expect(await page.getByTestId('import-error').textContent()).toContain('Nothing was imported: fix these lines and upload the file again.');
    expect(await page.getByTestId('import-error').textContent()).toContain('BAD_USER_INPUT');
    const problems = await page.locator('[data-testid="import-errors"] tbody tr').evaluateAll((rows) =>
      rows.map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent?.trim())),
    );
    expect(problems).toEqual([
      ['3', 'alerts', expect.stringContaining('must be a number')],
      ['4', 'team', expect.stringContaining('nobody')],
      ['5', 'toilHours', expect.stringContaining('negative')],
    ]);
    expect(await kpis('payments', daysAgo(3), daysAgo(3))).toMatchObject({ alerts: 0 });
    await page.context().close();
  }, 60_000);

  it('maps an unrouted webhook signal to a team through the form; it then counts for the team', async () => {
    // A PagerDuty incident on a service no team is mapped to, and a GitHub deployment of an unmapped repository.
    expect((await postPagerDuty(app, PD_SECRET, pagerDuty('incident.triggered'))).status).toBe(202);
    expect((await postPagerDuty(app, PD_SECRET, pagerDuty('incident.resolved'))).status).toBe(202);
    const deployment = structuredClone(webhookExamples.find((d) => d.name === 'deployment_status')!.examples[0]) as Record<string, any>;
    expect(deployment.deployment_status.state).toBe('success');
    expect(await postGitHub(app, GH_SECRET, 'deployment_status', deployment)).toMatchObject({ status: 202, body: { routed: false } });
    expect(await kpis('payments', '2026-03-09', '2026-03-10')).toMatchObject({ pages: 0, pageHours: 0 });

    const page = await openPage(browser, 1280, 900, app);
    await page.goto(`${app.url}/data`);
    const pd = page.getByTestId('unrouted-pagerduty-PSVCPAY');
    await pd.waitFor();
    expect(await textOf(page, 'unrouted-pagerduty-PSVCPAY-count')).toBe('1');
    expect(await pd.textContent()).toContain('Payments API');
    await page.getByTestId('unrouted-github-Codertocat/Hello-World').waitFor();

    // Map without choosing a team: refused beside the row's form.
    await pd.getByRole('button', { name: 'Map Payments API' }).click();
    await pd.getByText('Choose the team these signals belong to.').waitFor();

    await pd.getByLabel('Team for PagerDuty service PSVCPAY (Payments API, 1 page)').selectOption('payments');
    await pd.getByRole('button', { name: 'Map Payments API' }).click();
    await page.getByTestId('mapped-message').waitFor();
    expect(await textOf(page, 'mapped-message')).toBe('✓ Mapped PagerDuty service PSVCPAY (Payments API) to Payments: 1 signal attributed.');
    // Focus lands on the confirmation, since the row it came from is gone.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('mapped-message');
    await expect.poll(() => pd.count()).toBe(0);
    await page.getByTestId('mapping-pagerduty-PSVCPAY').waitFor();
    expect(await textOf(page, 'mapping-pagerduty-PSVCPAY-team')).toBe('Payments');
    // 22:30 to 00:30 in Berlin: the page now counts for Payments, 2 hours.
    expect(await kpis('payments', '2026-03-09', '2026-03-10')).toMatchObject({ pages: 1, pageHours: 2 });

    // A file of pages, too: imported as events, shown with its figures.
    await page.getByRole('radio', { name: /^Pages/ }).check();
    await page.getByLabel('CSV file', { exact: true }).setInputFiles(
      tempFile('pages.csv', `externalId,team,service,urgency,triggeredAt,resolvedAt\nINC-1,core,api,high,${daysAgo(1)}T09:00:00Z,${daysAgo(1)}T10:30:00Z\n`),
    );
    await page.getByRole('button', { name: 'Import pages' }).click();
    await page.getByTestId('import-result').waitFor();
    expect(await textOf(page, 'import-inserted')).toBe('1');
    expect(await kpis('core', daysAgo(1), daysAgo(1))).toMatchObject({ pages: 1, pageHours: 1.5 });

    // The GitHub deployment still waits: the screenshot shows both tables.
    expect(await page.getByTestId('unrouted-github-Codertocat/Hello-World').count()).toBe(1);
    await page.evaluate(() => window.scrollTo(0, 0));
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, 'data.png');
    await page.context().close();
  }, 60_000);

  it('a read-only token sees FORBIDDEN for mapping and for importing', async () => {
    const reader = await lesserToken(app, 'e2e reader', ['read']);
    const page = await openPage(browser, 1280, 900, reader);
    await page.goto(`${app.url}/data`);
    const gh = page.getByTestId('unrouted-github-Codertocat/Hello-World');
    await gh.waitFor();
    await gh.getByRole('combobox').selectOption('core');
    await gh.getByRole('button', { name: /^Map/ }).click();
    const error = gh.getByRole('alert');
    await error.waitFor();
    expect(await error.textContent()).toContain('FORBIDDEN');
    expect(await gh.count()).toBe(1);

    await page.getByLabel('CSV file', { exact: true }).setInputFiles(tempFile('daily.csv', `team,date,alerts\ncore,${daysAgo(1)},1\n`));
    await page.getByRole('button', { name: 'Import daily metrics' }).click();
    await page.getByTestId('import-error').waitFor();
    const text = await page.getByTestId('import-error').textContent();
    expect(text).toContain('FORBIDDEN');
    expect(text).toContain('ingest');
    // Tokens are an admin's business: a reader is not offered them.
    expect(await page.getByRole('heading', { name: 'Tokens' }).count()).toBe(0);
    await page.context().close();
  }, 60_000);

  it('an admin creates a token, sees it once and uses it, then revokes it', async () => {
    const page = await openPage(browser, 1280, 900, app);
    await page.goto(`${app.url}/data`);
    await page.getByTestId('tokens').waitFor();
    await page.getByLabel('Name', { exact: true }).fill('e2e grafana');
    await page.getByRole('button', { name: 'Create token' }).click();
    const secret = (await page.getByTestId('token-secret').textContent()) ?? '';
    // The token works, and its use shows up in the list.
    const res = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ viewer { name } }' }),
    });
    expect(await res.json()).toEqual({ data: { viewer: { name: 'e2e grafana' } } });
    const row = page.locator('tr', { has: page.getByRole('rowheader', { name: 'e2e grafana' }) });
    await page.reload();
    await expect.poll(() => row.locator('[data-testid$="-used"]').textContent()).not.toBe('never');
    expect(await page.getByTestId('token-secret').count()).toBe(0);

    page.once('dialog', (d) => void d.accept());
    await row.getByRole('button', { name: 'Revoke e2e grafana' }).click();
    await expect.poll(() => row.locator('[data-testid$="-state"]').textContent()).toMatch(/^revoked /);
    await screenshot(page, 'data-tokens.png');
    await page.context().close();
  }, 60_000);

  it('works at 390 px wide and passes axe', async () => {
    const page = await openPage(browser, 390, 844, app);
    await page.goto(`${app.url}/data`);
    await page.getByTestId('unrouted-github-Codertocat/Hello-World').waitFor();
    await page.getByTestId('mappings').waitFor();
    await page.getByTestId('freshness').waitFor();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, 'data-mobile.png');
    await page.context().close();
  }, 60_000);
});
