/**
 * Snapshots in headless Chromium against the real app, seeded through GraphQL: a snapshot made
 * through the form holds the seeded figures (read by data-testid), stays exactly so after more data
 * arrives while the overview moves, downloads as CSV / JSON with the same figures, compares with
 * "now" and with a later snapshot, prints without the site's frame, and passes axe.
 */
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { addDays, localToday } from '../../client/lib/dateRange';
import { ensureClientBuilt, launchBrowser, openPage, screenshot, seed, startApp, type AppServer, type DailySeed } from './harness';
import { expectNoSeriousA11yViolations, horizontalOverflow, textOf } from './pageHelpers';

const today = localToday();
const daysAgo = (n: number) => addDays(today, -n);
const range = { from: daysAgo(20), to: today };
const UUID = /\/snapshots\/([0-9a-f-]{36})$/;

let app: AppServer;
let browser: Browser;

const teams = [
  { slug: 'alpha', name: 'Alpha', timezone: 'UTC', members: 5 },
  { slug: 'beta', name: 'Beta', timezone: 'Europe/Berlin', members: 4 },
];
const daily: DailySeed[] = [
  { team: 'alpha', date: daysAgo(2), alerts: 12, pages: 3, pageHours: 4.5, offHoursPageHours: 1.5, sleepPageHours: 1, sleepInterruptions: 1, deploys: 5, failedDeploys: 1, toilHours: 2 },
  { team: 'alpha', date: daysAgo(9), alerts: 6, pages: 1, pageHours: 1.5, deploys: 3, toilHours: 1 },
  { team: 'beta', date: daysAgo(3), alerts: 4, pages: 1, pageHours: 0.5, toilHours: 0.5 },
];
// Ops hours under the default load model: page hours × 1 + alerts × 5 min + failed deploys × 2 h + toil.
const alphaOps = { pages: 6, alerts: (18 * 5) / 60, failedDeploys: 2, toil: 3 };
const alphaOpsHours = alphaOps.pages + alphaOps.alerts + alphaOps.failedDeploys + alphaOps.toil; // 12.5
const betaOpsHours = 0.5 + (4 * 5) / 60 + 0.5; // 1.33…

const KPIS = `query($slug: String!, $range: DateRange!) { team(slug: $slug) { kpis(range: $range) { capacityHours opsShare } } }`;
const pct = (share: number) => `${(share * 100).toFixed(1)}%`;

beforeAll(async () => {
  await ensureClientBuilt();
  [app, browser] = await Promise.all([startApp(), launchBrowser()]);
  await seed(app, teams, daily);
  await app.gql(`mutation($s: [SprintInput!]!) { upsertSprints(input: $s) { name } }`, {
    s: [{ team: 'alpha', name: 'Sprint 7', startDate: daysAgo(20), endDate: daysAgo(7), capacityHours: 100, reservedOpsShare: 0.2 }],
  });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

async function createThroughApi(label: string): Promise<string> {
  const { createSnapshot } = await app.gql<{ createSnapshot: { id: string } }>(
    `mutation($input: SnapshotInput!) { createSnapshot(input: $input) { id } }`,
    { input: { label, range } },
  );
  return createSnapshot.id;
}

async function openSnapshot(page: Page, id: string, search = '') {
  await page.goto(`${app.url}/snapshots/${id}${search}`);
  await page.getByTestId('snap-alpha-alerts').waitFor();
}

describe('snapshots', () => {
  let snapshotId = '';

  it('creates a snapshot of the current view through the form; it holds the seeded figures and never moves', async () => {
    const page = await openPage(browser, 1280, 900, app);
    // The overview keeps its range in the URL; the nav link to Snapshots carries it to the form.
    await page.goto(`${app.url}/?from=${range.from}&to=${range.to}`);
    await page.getByTestId('kpi-alpha-alerts').waitFor();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Snapshots' }).click();
    await page.waitForURL((u) => u.pathname === '/snapshots' && u.searchParams.get('from') === range.from);
    await page.getByRole('heading', { name: 'Create a snapshot' }).waitFor();
    expect(await page.getByLabel('From').inputValue()).toBe(range.from);
    expect(await page.getByLabel('To').inputValue()).toBe(range.to);
    await page.getByText('Range taken from the view you came from.').waitFor();
    await page.getByText('No snapshots yet').waitFor();
    // Every team is chosen by default.
    expect(await page.getByRole('checkbox', { name: 'All teams' }).isChecked()).toBe(true);
    expect(await page.getByRole('checkbox', { name: /^Alpha/ }).isChecked()).toBe(true);

    // The label is required: the problem is said beside the field, and focus goes there.
    await page.getByRole('button', { name: 'Create snapshot' }).click();
    await page.getByText('Give the snapshot a label').waitFor();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('label');
    expect(await page.getByLabel('Label').getAttribute('aria-invalid')).toBe('true');
    // No team chosen: refused too.
    await page.getByRole('checkbox', { name: 'All teams' }).uncheck();
    await page.getByLabel('Label').fill('Sprint 7 review');
    await page.getByRole('button', { name: 'Create snapshot' }).click();
    await page.getByText('Choose at least one team.').waitFor();
    await page.getByRole('checkbox', { name: 'All teams' }).check();

    await page.getByRole('button', { name: 'Create snapshot' }).click();
    await page.waitForURL(UUID);
    snapshotId = UUID.exec(new URL(page.url()).pathname)![1];
    await page.getByTestId('snap-alpha-alerts').waitFor();
    await page.getByText('Snapshot created.').waitFor();

    expect(await textOf(page, 'snapshot-label')).toBe('Sprint 7 review');
    expect(await textOf(page, 'snapshot-range')).toBe(`${range.from} – ${range.to} (21 days)`);
    const frozen = await textOf(page, 'snapshot-frozen');
    expect(frozen).toMatch(/^❄\s*Frozen on .+ by e2e admin — later data does not change it\./);

    const [alphaNow, betaNow] = await Promise.all(
      ['alpha', 'beta'].map((slug) => app.gql<{ team: { kpis: { capacityHours: number; opsShare: number } } }>(KPIS, { slug, range })),
    );
    const expected: Record<string, Record<string, string>> = {
      alpha: {
        alerts: '18', pages: '4', pageHours: '6.0', sleepInterruptions: '1', deploys: '8', failedDeploys: '1', changeFailureRate: '12.5%',
        toilHours: '3.0', opsHours: alphaOpsHours.toFixed(1), capacityHours: alphaNow.team.kpis.capacityHours.toFixed(1),
        opsShare: pct(alphaNow.team.kpis.opsShare), reservedOpsShare: '20.0%',
      },
      beta: {
        alerts: '4', pages: '1', pageHours: '0.5', sleepInterruptions: '0', deploys: '0', failedDeploys: '0', changeFailureRate: '—',
        toilHours: '0.5', opsHours: betaOpsHours.toFixed(1), capacityHours: betaNow.team.kpis.capacityHours.toFixed(1),
        opsShare: pct(betaNow.team.kpis.opsShare), reservedOpsShare: '—',
      },
    };
    const readAll = async () => {
      const out: Record<string, Record<string, string>> = {};
      for (const [slug, fields] of Object.entries(expected)) {
        out[slug] = {};
        for (const field of Object.keys(fields)) out[slug][field] = await textOf(page, `snap-${slug}-${field}`);
      }
      return out;
    };
    expect(await readAll()).toEqual(expected);
    // The breakdown sums to the total; the sprint row is frozen with it; page hours split by class.
    expect(await textOf(page, 'snap-alpha-ops-pages')).toBe('6.0 h');
    expect(await textOf(page, 'snap-alpha-ops-alerts')).toBe('1.5 h');
    expect(await textOf(page, 'snap-alpha-ops-failedDeploys')).toBe('2.0 h');
    expect(await textOf(page, 'snap-alpha-ops-toil')).toBe('3.0 h');
    expect(await textOf(page, 'snap-alpha-businessPageHours')).toBe('3.5 h');
    expect(await textOf(page, 'snap-alpha-sleepPageHours')).toBe('1.0 h');
    expect(await textOf(page, 'snap-sprint-alpha-Sprint 7-capacityHours')).toBe('100.0 h');
    expect(await textOf(page, 'snap-sprint-alpha-Sprint 7-reservedOpsShare')).toBe('20.0%');
    // Only the day 9 row falls in the sprint: 1.5 page hours + 6 alerts × 5 min + 1 h toil.
    expect(await textOf(page, 'snap-sprint-alpha-Sprint 7-opsHours')).toBe('3.0 h');
    expect(await textOf(page, 'snap-sprint-alpha-Sprint 7-opsShare')).toBe('3.0%');
    expect(await textOf(page, 'snap-sprint-alpha-Sprint 7-underReserved')).toBe('Enough');
    expect(await page.getByTestId('snap-alpha-status').getAttribute('data-status')).toMatch(/^(OK|WARN|BREACH)$/);
    await expectNoSeriousA11yViolations(page);

    // More data arrives, inside the snapshot's range: the overview moves, the snapshot does not.
    await app.gql(`mutation($input: [DailyMetricsInput!]!) { recordDailyMetrics(input: $input) { received } }`, {
      input: [{ team: 'alpha', date: daysAgo(1), alerts: 6, toilHours: 1, deploys: 2, failedDeploys: 1 }],
    });
    await page.goto(`${app.url}/?from=${range.from}&to=${range.to}`);
    await expect.poll(() => textOf(page, 'kpi-alpha-alerts')).toBe('24');
    expect(await textOf(page, 'kpi-alpha-toilHours')).toBe('4.0');
    await openSnapshot(page, snapshotId);
    expect(await readAll()).toEqual(expected);
    expect(await textOf(page, 'snap-sprint-alpha-Sprint 7-opsHours')).toBe('3.0 h');

    // Downloads: the CSV link (a real download, authorised by the session cookie) holds the frozen figures.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-csv-teams').click()]);
    expect(download.suggestedFilename()).toBe(`snapshot-${snapshotId}.csv`);
    const csv = parseCsv(fs.readFileSync((await download.path())!, 'utf8'));
    const alphaRow = csv.rows.find((r) => r.team === 'alpha')!;
    expect(alphaRow).toMatchObject({ team: 'alpha', name: 'Alpha', from: range.from, to: range.to, alerts: '18', toilHours: '3', opsHours: '12.5' });
    expect(csv.rows.map((r) => r.team).sort()).toEqual(['alpha', 'beta']);

    const fetched = await page.evaluate(async (links) => {
      const get = async (href: string) => {
        const res = await fetch(href);
        return { status: res.status, type: res.headers.get('content-type'), text: await res.text() };
      };
      return { sprints: await get(links.sprints), json: await get(links.json) };
    }, {
      sprints: (await page.getByTestId('download-csv-sprints').getAttribute('href'))!,
      json: (await page.getByTestId('download-json').getAttribute('href'))!,
    });
    expect(fetched.sprints.status).toBe(200);
    const sprints = parseCsv(fetched.sprints.text);
    expect(sprints.rows).toEqual([expect.objectContaining({ team: 'alpha', sprint: 'Sprint 7', capacityHours: '100', reservedOpsShare: '0.2', opsHours: '3' })]);
    expect(fetched.json.type).toMatch(/^application\/json/);
    const doc = JSON.parse(fetched.json.text);
    expect(doc.id).toBe(snapshotId);
    expect(doc.teams.find((t: { slug: string }) => t.slug === 'alpha').kpis.alerts).toBe(18);

    // Compare with now: the change since, per KPI, with its direction in words.
    await page.getByLabel('Compare with').selectOption('now');
    await page.getByRole('button', { name: 'Compare', exact: true }).click();
    await page.waitForURL((u) => u.searchParams.get('compare') === 'now');
    await page.getByTestId('snapshot-diff').waitFor();
    expect(await textOf(page, 'diff-alpha-alerts-before')).toBe('18');
    expect(await textOf(page, 'diff-alpha-alerts-after')).toBe('24');
    const delta = page.getByTestId('diff-alpha-alerts-delta');
    expect(await delta.getAttribute('data-direction')).toBe('up');
    expect((await delta.textContent())?.replace(/\s+/g, ' ').trim()).toBe('▲ +6up by 6');
    expect(await textOf(page, 'diff-alpha-toilHours-after')).toBe('4.0 h');
    expect(await textOf(page, 'diff-alpha-failedDeploys-delta')).toContain('up by 1');
    expect(await page.getByTestId('diff-team-beta').textContent()).toContain('No KPI changed.');
    expect(await textOf(page, 'snapshot-diff')).toContain('From “Sprint 7 review” to now: 1 of 2 teams changed.');
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, 'snapshot.png');

    // Print: the site's frame and every control go; the figures and the frozen line stay.
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.site-header').isVisible()).toBe(false);
    expect(await page.getByTestId('download-csv-teams').isVisible()).toBe(false);
    expect(await page.getByLabel('Compare with').isVisible()).toBe(false);
    expect(await page.getByTestId('snapshot-frozen').isVisible()).toBe(true);
    expect(await page.getByTestId('snap-alpha-alerts').isVisible()).toBe(true);
    const ink = await page.getByTestId('snap-alpha-alerts').evaluate((el) => getComputedStyle(el).color);
    expect(ink).toBe('rgb(0, 0, 0)');
    await page.emulateMedia({ media: 'screen' });
    await page.context().close();
  }, 90_000);

  it('compares with a later snapshot, the older one always “before”', async () => {
    expect(snapshotId).not.toBe('');
    const later = await createThroughApi('After the incident');
    const page = await openPage(browser, 1280, 900, app);
    await openSnapshot(page, later);
    await page.getByLabel('Compare with').selectOption(snapshotId);
    await page.getByRole('button', { name: 'Compare', exact: true }).click();
    await page.getByTestId('snapshot-diff').waitFor();
    expect(await textOf(page, 'diff-alpha-alerts-before')).toBe('18');
    expect(await textOf(page, 'diff-alpha-alerts-after')).toBe('24');
    expect(await textOf(page, 'snapshot-diff')).toContain('From “Sprint 7 review” to “After the incident”');
    // Both sides say what they cover; teams go by their names.
    expect(await textOf(page, 'diff-before-header')).toContain('made');
    expect(await page.getByTestId('diff-team-alpha').locator('.snap-diff__name').textContent()).toBe('Alpha');
    await screenshot(page, 'snapshot-compare.png');
    await page.getByTestId('diff-swap').click();
    await page.waitForURL((u) => u.searchParams.get('order') === 'reversed');
    await page.waitForFunction(() => document.querySelector('[data-testid="diff-alpha-alerts-before"]')?.textContent === '24');
    expect(await textOf(page, 'diff-alpha-alerts-after')).toBe('18');
    expect(await textOf(page, 'snapshot-diff')).toContain('From “After the incident” to “Sprint 7 review”');
    expect(await textOf(page, 'snapshot-diff')).toContain('newer first');
    await page.context().close();
  }, 60_000);

  it('lists snapshots newest first, a page at a time, and passes axe', async () => {
    for (let i = 1; i <= 10; i++) await createThroughApi(`Weekly ops review ${i}`);
    // 12 in all: the form's, the later one, and these ten.
    const page = await openPage(browser, 1280, 900, app);
    await page.goto(`${app.url}/snapshots`);
    const rows = page.locator('[data-testid="snapshot-list"] tbody tr');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(10);
    expect(await rows.first().locator('th').textContent()).toBe('Weekly ops review 10');
    expect(await page.getByText('10 snapshots shown; older ones remain.').count()).toBe(1);
    const first = page.getByTestId(`snapshot-row-${snapshotId}`);
    expect(await first.count()).toBe(0);

    await page.getByRole('button', { name: 'Load more' }).click();
    await expect.poll(() => rows.count()).toBe(12);
    expect(await page.getByRole('button', { name: 'Load more' }).count()).toBe(0);
    // Focus moves to the first row that was added, so keyboard users continue from there.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('After the incident');
    const row = page.getByTestId(`snapshot-row-${snapshotId}`);
    expect((await row.textContent())?.replace(/\s+/g, ' ')).toContain(`Sprint 7 review${range.from} – ${range.to} (21 days)alpha, betae2e admin`);
    // The form starts at the last 28 days when the link gives no range.
    expect(await page.getByLabel('From').inputValue()).toBe(daysAgo(27));
    await page.getByText('Default: the last 28 days.').waitFor();
    await page.getByLabel('Label').fill('Quarterly ops review');
    await page.getByLabel('Label').blur();
    await expectNoSeriousA11yViolations(page);
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'snapshots.png');

    await row.getByRole('link').click();
    await page.getByTestId('snap-alpha-alerts').waitFor();
    expect(await textOf(page, 'snap-alpha-alerts')).toBe('18');

    // Keyboard: Enter in the label field submits the form.
    await page.goBack();
    await page.getByLabel('Label').fill('Quarterly ops review');
    await page.getByLabel('Label').press('Enter');
    await page.waitForURL((u) => UUID.test(u.pathname) && !u.pathname.endsWith(snapshotId));
    await page.getByTestId('snap-alpha-alerts').waitFor();
    expect(await textOf(page, 'snapshot-label')).toBe('Quarterly ops review');
    expect(await textOf(page, 'snap-alpha-alerts')).toBe('24');
    await page.context().close();
  }, 90_000);

  it('works at 390 px wide', async () => {
    const id = snapshotId || (await createThroughApi('Mobile check'));
    const page = await openPage(browser, 390, 844, app);
    await openSnapshot(page, id, '?compare=now');
    await page.getByTestId('snapshot-diff').waitFor();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, 'snapshot-mobile.png');
    await page.goto(`${app.url}/snapshots`);
    await page.locator('[data-testid="snapshot-list"] tbody tr').first().waitFor();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await expectNoSeriousA11yViolations(page);
    await page.context().close();
  }, 60_000);

  it('says so for an unknown snapshot', async () => {
    const page = await openPage(browser, 1280, 900, app);
    await page.goto(`${app.url}/snapshots/00000000-0000-4000-8000-000000000000`);
    await page.getByRole('heading', { level: 1, name: 'No snapshot here' }).waitFor();
    await page.getByRole('link', { name: 'All snapshots' }).click();
    await page.getByRole('heading', { level: 1, name: 'Snapshots' }).waitFor();
    await page.context().close();
  }, 30_000);
});

/** A CSV export as rows of column → cell (exports are unquoted here: no commas or quotes in the seeded names). */
function parseCsv(text: string): { header: string[]; rows: Record<string, string>[] } {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n/).filter(Boolean);
  const header = lines[0].split(',');
  const rows = lines.slice(1).map((l) => Object.fromEntries(l.split(',').map((cell, i) => [header[i], cell])));
  return { header, rows };
}
