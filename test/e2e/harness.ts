/**
 * e2e plumbing: the built client served by the real app on a loopback port (in-memory PGlite,
 * real migrations), GraphQL seeding through the public API, headless Chromium, axe-core.
 */
import { execSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { pino } from 'pino';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createDb, migrate } from '../../server/db/index';
import { createApp } from '../../server/app';
import { bootstrapAdminToken, createToken } from '../../server/auth/service';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const SCREENSHOTS = path.join(ROOT, 'docs/screenshots');
const DIST_INDEX = path.join(ROOT, 'dist/client/index.html');
const LOCK = path.join(ROOT, 'dist/.e2e-build.lock');

function newestMtime(dir: string): number {
  return fs.readdirSync(dir, { withFileTypes: true }).reduce((max, e) => {
    const p = path.join(dir, e.name);
    return Math.max(max, e.isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs);
  }, 0);
}

function clientIsStale(): boolean {
  if (!fs.existsSync(DIST_INDEX)) return true;
  const sources = Math.max(newestMtime(path.join(ROOT, 'client')), fs.statSync(path.join(ROOT, 'vite.config.ts')).mtimeMs);
  return fs.statSync(DIST_INDEX).mtimeMs < sources;
}

/**
 * `npm test` builds before vitest runs, so this is normally a no-op; run alone, the e2e files build
 * the client themselves. A lock directory keeps two e2e files from building into dist/ at once.
 */
export async function ensureClientBuilt(): Promise<void> {
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (!clientIsStale()) return;
    try {
      fs.mkdirSync(path.dirname(LOCK), { recursive: true });
      fs.mkdirSync(LOCK);
    } catch {
      if (Date.now() > deadline) throw new Error(`gave up waiting for another build (remove ${LOCK} if stale)`);
      await new Promise((r) => setTimeout(r, 500));
      continue;
    }
    try {
      if (clientIsStale()) execSync('npx vite build', { cwd: ROOT, stdio: 'pipe' });
    } finally {
      fs.rmSync(LOCK, { recursive: true, force: true });
    }
    return;
  }
}

export interface AppServer {
  url: string;
  /** An admin token: seeding goes through the API with it, the browser signs in with it. */
  token: string;
  gql<T = unknown>(query: string, variables?: Record<string, unknown>): Promise<T>;
  close(): Promise<void>;
}

/**
 * The real app on 127.0.0.1, port chosen by the OS, over a fresh in-memory database. With
 * `firstStart`, the admin token comes from the server's first-start bootstrap (token file in a
 * temporary data folder) and what it printed is kept in `printed`.
 */
export async function startApp(opts: { firstStart?: boolean } = {}): Promise<AppServer & { printed: string }> {
  const db = createDb({});
  await migrate(db);
  const { app, apollo } = await createApp(db, pino({ level: 'silent' }));
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  let token: string;
  let printed = '';
  let dataDir: string | undefined;
  if (opts.firstStart) {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'headroom-e2e-'));
    const log = console.log;
    console.log = (...args: unknown[]) => void (printed += `${args.join(' ')}\n`);
    try {
      await bootstrapAdminToken(db, { dataDir, baseUrl: url, log: pino({ level: 'silent' }) });
    } finally {
      console.log = log;
    }
    token = fs.readFileSync(path.join(dataDir, 'admin-token'), 'utf8').trim();
  } else {
    ({ token } = await createToken(db, { name: 'e2e admin', scopes: ['admin'] }));
  }
  server.keepAliveTimeout = 120_000; // see test/integration/harness.ts
  return {
    url,
    token,
    printed,
    async gql<T>(query: string, variables?: Record<string, unknown>) {
      const res = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await res.json()) as { data?: T; errors?: unknown[] };
      if (body.errors?.length) throw new Error(`GraphQL error: ${JSON.stringify(body.errors)}`);
      return body.data as T;
    },
    async close() {
      await new Promise((r) => server.close(r));
      await apollo.stop();
      await db.destroy();
      if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface TeamSeed {
  slug: string;
  name: string;
  timezone?: string;
  members?: number;
}

export type DailySeed = { team: string; date: string } & Partial<Record<
  | 'alerts' | 'pages' | 'pageHours' | 'offHoursPageHours' | 'sleepPageHours' | 'sleepInterruptions'
  | 'deploys' | 'failedDeploys' | 'toilHours',
  number
>> & { source?: string; service?: string };

/** Seeds through the public mutations only, as a data producer would. */
export async function seed(app: AppServer, teams: TeamSeed[], daily: DailySeed[]): Promise<void> {
  await app.gql(`mutation($input: [TeamInput!]!) { upsertTeams(input: $input) { slug } }`, { input: teams });
  const result = await app.gql<{ recordDailyMetrics: { received: number } }>(
    `mutation($input: [DailyMetricsInput!]!) { recordDailyMetrics(input: $input) { received } }`,
    { input: daily },
  );
  if (result.recordDailyMetrics.received !== daily.length) throw new Error('seeding lost records');
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

/**
 * A page in a fresh context: light scheme, reduced motion (charts draw at once), the given width,
 * signed in to `app` (with its token) through POST /api/session, as the sign-in page does.
 */
export async function openPage(browser: Browser, width: number, height = 900, app?: AppServer): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width, height },
    reducedMotion: 'reduce',
    colorScheme: 'light',
    locale: 'en-US',
  });
  context.setDefaultTimeout(15_000);
  if (app) {
    // Signed in as the sign-in page does it: the context's request client shares the browser's cookies.
    const res = await context.request.post(`${app.url}/api/session`, { data: { token: app.token } });
    if (!res.ok()) throw new Error(`signing in for the page failed: ${res.status()} ${await res.text()}`);
  }
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error('[browser error]', e.message));
  return page;
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * Runs axe-core (WCAG 2.1 A/AA and best practice) and returns the serious and critical violations.
 * axe is evaluated through the DevTools protocol, not as a <script> tag: the app's Content Security
 * Policy (script-src 'self') rightly refuses inline scripts, and the test must not weaken it.
 */
export async function seriousA11yViolations(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document, opts: object): Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
      resultTypes: ['violations'],
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 3).map((n) => ({ target: n.target, failureSummary: n.failureSummary })),
    }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

export async function screenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, name), fullPage: true });
}
