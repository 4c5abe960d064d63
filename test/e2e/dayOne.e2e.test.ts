/**
 * Day one, as a new user lives it (issue 17's "Done when"): the built server started as `npm start`
 * starts it, on an EMPTY install (HEADROOM_SEED_DEMO=false, a fresh data folder); the sign-in link
 * it prints pasted into a tab already on the sign-in page; a team created in the dashboard; a CSV of
 * 60 days of daily metrics imported on the Data page; the team's figures; a guardrail edited; the
 * plan accepted twice (two tabs on the same window: one sprint recorded), undone, and copied.
 *
 * The CSV import has no sprints kind yet, so the team's past sprints are recorded through the
 * GraphQL API with the admin token the server kept in its data folder, as a script would.
 *
 * Each step is screenshotted at 1280 and 390 px wide: docs/screenshots/day-one-<step>-<width>.png.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { addDays } from '../../client/lib/dateRange';
import { formatLongDate } from '../../client/lib/format';
import { startArgs } from '../../scripts/start-args';
import { freePort } from '../../scripts/free-port';
import { ensureClientBuilt, launchBrowser, ROOT, screenshot, seriousA11yViolations } from './harness';
import { gqlAs } from './pageHelpers';

// The team's clock is UTC (set in the form below), so "today" is read in UTC here too.
const today = new Date().toISOString().slice(0, 10);
const daysAgo = (n: number) => addDays(today, -n);
const PD_SECRET = 'day-one-pagerduty-secret-0123456789abcdef';
const SLUG = 'checkout';

/** 60 days of daily metrics ending yesterday: 12 alerts and 2 h of toil a day, a 1.5 h page every third day. */
const DAYS = Array.from({ length: 60 }, (_, i) => {
  const page = i % 3 === 0;
  return { date: daysAgo(60 - i), alerts: 12, pages: page ? 1 : 0, pageHours: page ? 1.5 : 0, toilHours: 2 };
});
const CSV = ['team,date,alerts,pages,pageHours,toilHours', ...DAYS.map((d) => `${SLUG},${d.date},${d.alerts},${d.pages},${d.pageHours},${d.toilHours}`)].join('\n') + '\n';

let server: ChildProcess;
let exited: Promise<number | null>;
let output = '';
let url: string;
let dataDir: string;
let browser: Browser;
let context: BrowserContext;
let page: Page;

/** The admin token the first start kept in the data folder (for the API calls a script would make). */
const adminToken = () => fs.readFileSync(path.join(dataDir, 'admin-token'), 'utf8').trim();
const api = <T,>(query: string, variables?: Record<string, unknown>) => gqlAs<T>(url, adminToken(), query, variables);

function waitForOutput(pattern: RegExp, timeoutMs = 150_000): Promise<RegExpExecArray> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${pattern} in ${timeoutMs} ms:\n${output}`)), timeoutMs);
    const check = () => {
      const m = pattern.exec(output);
      if (!m) return;
      clearTimeout(timer);
      resolve(m);
    };
    server.stdout!.on('data', check);
    void exited.then((code) => reject(new Error(`the server exited with ${code} before ${pattern}:\n${output}`)));
    check();
  });
}

beforeAll(async () => {
  await ensureClientBuilt();
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'headroom-day-one-'));
  const port = await freePort();
  url = `http://127.0.0.1:${port}`;
  // As `npm start` runs it (scripts/start.mjs, which builds whatever dist/ lacks first).
  server = spawn(process.execPath, startArgs(ROOT), {
    cwd: ROOT,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, PORT: String(port), HEADROOM_DATA_DIR: dataDir, HEADROOM_SEED_DEMO: 'false', PAGERDUTY_WEBHOOK_SECRET: PD_SECRET, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  exited = new Promise((resolve) => server.once('exit', resolve));
  server.stdout!.on('data', (d) => (output += d));
  server.stderr!.on('data', (d) => (output += d));
  browser = await launchBrowser();
  context = await browser.newContext({ viewport: { width: 1280, height: 900 }, reducedMotion: 'reduce', colorScheme: 'light', locale: 'en-US' });
  context.setDefaultTimeout(15_000);
  page = await context.newPage();
  page.on('pageerror', (e) => console.error('[browser error]', e.message));
}, 180_000);

afterAll(async () => {
  await browser?.close();
  if (server && server.exitCode === null && server.signalCode === null) {
    server.kill('SIGTERM');
    await exited;
  }
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

const text = async (testId: string, on: Page = page) => ((await on.getByTestId(testId).textContent()) ?? '').trim();
const expectFigure = (testId: string, want: string, on: Page = page) => expect.poll(() => text(testId, on), { timeout: 10_000 }).toBe(want);

/** The step at 1280 and at 390 px wide, full page; back to 1280 after. */
async function shoot(step: string) {
  for (const [width, height] of [[1280, 900], [390, 844]]) {
    await page.setViewportSize({ width, height });
    // Charts re-measure their container on resize (ResizeObserver): let them draw.
    await page.waitForTimeout(300);
    await screenshot(page, `day-one-${step}-${width}.png`);
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

async function expectNoSeriousA11yViolations() {
  const violations = await seriousA11yViolations(page);
  expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);
}

describe('day one: from an empty install to an accepted plan, in the dashboard', () => {
  it('signs in with the printed link pasted into the tab already on the sign-in page', async () => {
    const [, link] = await waitForOutput(/(http:\/\/127\.0\.0\.1:\d+\/signin#code=\S+)/);
    expect(output).not.toContain(adminToken());
    await page.goto(`${url}/`);
    await page.waitForURL((u) => u.pathname === '/signin');
    await page.getByRole('heading', { level: 1, name: 'Sign in to Headroom' }).waitFor();
    await shoot('1-signin');

    // Pasted into the address bar of this tab: only the fragment changes, no reload.
    await page.evaluate(() => ((window as unknown as { sameDocument: boolean }).sameDocument = true));
    await page.goto(link);
    await page.waitForURL((u) => u.pathname === '/' && u.hash === '');
    expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);
    expect(await text('viewer-name')).toBe('Signed in as admin (first start)');
  }, 180_000);

  it('shows the getting-started checklist on the empty install, with each webhook and whether its secret is set', async () => {
    await page.getByTestId('getting-started').waitFor();
    for (const step of ['team', 'source', 'figures', 'plan']) await expect(page.getByTestId(`step-${step}`).getAttribute('data-done')).resolves.toBe('false');
    expect(await text('webhook-pagerduty')).toBe(`${url}/webhooks/pagerduty`);
    expect(await text('webhook-secret-pagerduty')).toContain('secret set');
    expect(await text('webhook-secret-github')).toContain('secret not set — set GITHUB_WEBHOOK_SECRET');
    expect(await text('webhook-last-github')).toBe('no delivery yet');
    await page.getByText('No teams yet', { exact: true }).waitFor();
    await expectNoSeriousA11yViolations();
    await shoot('2-empty-overview');
  }, 60_000);

  it('creates a team from the checklist', async () => {
    await page.getByTestId('step-team').getByRole('link', { name: 'Create a team' }).click();
    await page.waitForURL((u) => u.pathname === '/teams/new');
    await page.getByLabel('Slug', { exact: true }).fill(SLUG);
    await page.getByLabel('Name', { exact: true }).fill('Checkout');
    await page.getByLabel('Time zone', { exact: true }).fill('UTC');
    await page.getByLabel('Members', { exact: true }).fill('5');
    await shoot('3-new-team');
    await page.getByTestId('team-form-save').click();
    await page.waitForURL((u) => u.pathname === `/teams/${SLUG}`);
    await page.getByRole('heading', { level: 1, name: 'Checkout' }).waitFor();
    const { team } = await api<{ team: { name: string; timezone: string; members: number; focusHoursPerDay: number } }>(`{ team(slug: "${SLUG}") { name timezone members focusHoursPerDay } }`);
    expect(team).toEqual({ name: 'Checkout', timezone: 'UTC', members: 5, focusHoursPerDay: 6 });
  }, 60_000);

  it('imports 60 days of daily metrics through the Data page', async () => {
    await page.getByRole('link', { name: 'Data', exact: true }).click();
    await page.waitForURL((u) => u.pathname === '/data');
    await page.getByLabel('CSV file', { exact: true }).setInputFiles({ name: 'checkout-daily.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV) });
    await page.getByRole('button', { name: 'Import daily metrics' }).click();
    await page.getByTestId('import-result').waitFor();
    expect(await text('import-received')).toBe('60');
    expect(await text('import-inserted')).toBe('60');
    // The webhook section says which secret this server has, and which variable the other needs.
    expect(await text('webhook-secret-pagerduty')).toContain('secret set');
    expect(await text('webhook-secret-github')).toContain('secret not set — set GITHUB_WEBHOOK_SECRET');
    await shoot('4-data-import');
  }, 60_000);

  it('shows the team’s figures (its past sprints recorded by the API: the CSV import has no sprints kind)', async () => {
    // Four finished 14-day sprints, the newest ending yesterday; capacity from the team: 5 × 10 × 6 = 300 h.
    await api(`mutation($input: [SprintInput!]!) { upsertSprints(input: $input) { name } }`, {
      input: [1, 2, 3, 4].map((n) => ({ team: SLUG, name: `Sprint ${n}`, startDate: daysAgo(70 - 14 * n), endDate: daysAgo(57 - 14 * n), reservedOpsShare: 0.2 })),
    });
    const from = daysAgo(28);
    const to = daysAgo(1);
    const inRange = DAYS.filter((d) => d.date >= from && d.date <= to);
    const sum = (k: 'alerts' | 'pages' | 'pageHours' | 'toilHours') => inRange.reduce((s, d) => s + d[k], 0);
    await page.goto(`${url}/teams/${SLUG}?from=${from}&to=${to}`);
    await page.getByTestId('team-kpi-alerts').waitFor();
    await expectFigure('team-kpi-alerts', String(sum('alerts')));
    expect(await text('team-kpi-pages')).toBe(String(sum('pages')));
    expect(await text('team-kpi-pageHours')).toBe(sum('pageHours').toFixed(1));
    await expectNoSeriousA11yViolations();
    await shoot('5-team-figures');
  }, 60_000);

  it('edits a guardrail on the planning page, and the plan follows it', async () => {
    await page.goto(`${url}/teams/${SLUG}/plan`);
    await page.getByTestId('plan-capacity').waitFor();
    await expectFigure('plan-start', formatLongDate(today));
    await expectFigure('plan-capacity', '300.0');
    // About 3.5 h of ops a day (49 h a sprint) against 300 h: under the floor, so the floor applies.
    await expectFigure('plan-recommended', '20%');
    await page.getByLabel('Reserve floor', { exact: true }).fill('30');
    await page.getByLabel(/^Reason/).fill('Day one: keep room for ops while the team learns its load.');
    await page.getByRole('button', { name: 'Save as a new version' }).click();
    await page.getByTestId('guardrail-saved').waitFor();
    await expectFigure('guardrail-current-reserveFloor', '30%');
    await expectFigure('plan-recommended', '30%');
    await expectFigure('plan-reserved-hours', '90.0');
    await shoot('6-guardrail');
  }, 60_000);

  it('accepts the plan twice — in two tabs on the same window — and one sprint is recorded; then undoes it', async () => {
    const sprints = async () =>
      (await api<{ team: { sprints: { name: string; startDate: string; endDate: string; reservedOpsShare: number }[] } }>(
        `{ team(slug: "${SLUG}") { sprints(last: 10) { name startDate endDate reservedOpsShare } } }`,
      )).team.sprints;
    // A second tab opened on the same plan before the first accepts it (a colleague, or a tab left open).
    const other = await context.newPage();
    await other.goto(`${url}/teams/${SLUG}/plan`);
    await expectFigure('plan-reserved-hours', '90.0', other);
    await expect.poll(() => page.getByLabel('Sprint name', { exact: true }).inputValue()).toBe('Sprint 5');
    await expect.poll(() => other.getByLabel('Sprint name', { exact: true }).inputValue()).toBe('Sprint 5');

    for (const tab of [page, other]) {
      await tab.getByRole('button', { name: 'Accept plan' }).click();
      await tab.getByTestId('accept-done').waitFor();
    }
    const recorded = (await sprints()).filter((s) => s.startDate === today);
    expect(recorded).toEqual([{ name: 'Sprint 5', startDate: today, endDate: addDays(today, 13), reservedOpsShare: 0.3 }]);
    expect((await sprints()).length).toBe(5);
    await other.close();
    expect(await text('accept-submit')).toContain('Accepted');
    await expect.poll(() => text('planned-sprints')).toContain('Sprint 5');
    // The server's plan has moved on to the window after Sprint 5; the page still shows what was accepted.
    expect(await text('plan-start')).toBe(formatLongDate(today));
    expect(await text('plan-reserved-hours')).toBe('90.0');
    await shoot('7-accepted');

    await page.getByRole('button', { name: 'Undo' }).click();
    await page.getByTestId('undo-confirmation').waitFor();
    expect((await sprints()).map((s) => s.name)).toEqual(['Sprint 4', 'Sprint 3', 'Sprint 2', 'Sprint 1']);
    await expectFigure('plan-start', formatLongDate(today));
    await page.getByTestId('planned-none').waitFor();
    await shoot('8-undone');
  }, 60_000);

  it('copies the plan text for the tracker', async () => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: url });
    await page.getByTestId('copy-plan').click();
    await expectFigure('copy-status', 'Copied: paste it into your tracker.');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toContain(`Sprint 5: ${today} – ${addDays(today, 13)}`);
    expect(copied).toContain('Capacity: 300.0 h (5 people)');
    expect(copied).toContain('Reserved for ops: 90.0 h (30%)');
    expect(copied).toContain('Feature hours: 210.0 h');
    expect(copied).toContain('Per person: 18.0 h ops, 42.0 h features');
    await expectNoSeriousA11yViolations();
    await shoot('9-copied');
  }, 60_000);
});
