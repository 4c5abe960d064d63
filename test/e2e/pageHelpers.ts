/**
 * e2e helpers for the snapshot and data pages, beside harness.ts (which they build on).
 * startAppWithOptions exists because harness.startApp takes no options, and the data page's test
 * needs webhook secrets to post signed PagerDuty / GitHub deliveries.
 */
import { createHmac, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { pino } from 'pino';
import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import { createDb, migrate } from '../../server/db/index';
import { createApp, type AppOptions } from '../../server/app';
import { createToken } from '../../server/auth/service';
import { seriousA11yViolations, type AppServer } from './harness';

/** harness.startApp with AppOptions (webhook secrets, public read): the same app over a fresh in-memory database. */
export async function startAppWithOptions(opts: AppOptions): Promise<AppServer> {
  const db = createDb({});
  await migrate(db);
  const { app, apollo } = await createApp(db, pino({ level: 'silent' }), opts);
  const { token } = await createToken(db, { name: 'e2e admin', scopes: ['admin'] });
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    token,
    gql: (query, variables) => gqlAs(url, token, query, variables),
    async close() {
      await new Promise((r) => server.close(r));
      await apollo.stop();
      await db.destroy();
    },
  };
}

/** A GraphQL call with the given token; throws on errors, like AppServer.gql. */
export async function gqlAs<T>(url: string, token: string, query: string, variables?: Record<string, unknown>): Promise<T> {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: T; errors?: unknown[] };
  if (body.errors?.length) throw new Error(`GraphQL error: ${JSON.stringify(body.errors)}`);
  return body.data as T;
}

/** A token with fewer scopes, made through the public API (createToken needs admin). */
export async function lesserToken(app: AppServer, name: string, scopes: string[]): Promise<AppServer> {
  const { createToken: made } = await app.gql<{ createToken: { token: string } }>(
    `mutation($input: TokenInput!) { createToken(input: $input) { token } }`,
    { input: { name, scopes } },
  );
  // openPage(browser, w, h, app) signs in with app.token; this one signs in with the lesser token.
  return { ...app, token: made.token, gql: (q, v) => gqlAs(app.url, made.token, q, v) };
}

const hmac = (secret: string, body: string) => createHmac('sha256', secret).update(body).digest('hex');

/** Posts a PagerDuty v3 delivery signed as PagerDuty signs it (X-PagerDuty-Signature: v1=<hmac>). */
export async function postPagerDuty(app: AppServer, secret: string, body: string): Promise<{ status: number; body: unknown }> {
  const res = await fetch(`${app.url}/webhooks/pagerduty`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-pagerduty-signature': `v1=${hmac(secret, body)}`, 'x-webhook-id': randomUUID() },
    body,
  });
  return { status: res.status, body: await res.json() };
}

/** Posts a GitHub delivery signed as GitHub signs it (X-Hub-Signature-256: sha256=<hmac>). */
export async function postGitHub(app: AppServer, secret: string, event: string, payload: unknown): Promise<{ status: number; body: unknown }> {
  const body = JSON.stringify(payload);
  const res = await fetch(`${app.url}/webhooks/github`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-github-event': event,
      'x-github-delivery': randomUUID(),
      'x-hub-signature-256': `sha256=${hmac(secret, body)}`,
    },
    body,
  });
  return { status: res.status, body: await res.json() };
}

/** Writes a file into a fresh temporary folder and returns its path. */
export function tempFile(name: string, content: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'headroom-e2e-'));
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  return file;
}

/** The trimmed text of the element with this data-testid. */
export async function textOf(page: Page, testId: string): Promise<string> {
  return (await page.getByTestId(testId).textContent())?.trim() ?? '';
}

export async function expectNoSeriousA11yViolations(page: Page): Promise<void> {
  const violations = await seriousA11yViolations(page);
  expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);
}

/**
 * How far the page's main content is wider than the window (0 or less: nothing but a table's own
 * scroll area overflows). Measured on <main>, so the site header, which another page owns, is not counted.
 */
export async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => {
    const main = document.querySelector('main')!;
    return Math.max(main.scrollWidth - main.clientWidth, main.getBoundingClientRect().right - document.documentElement.clientWidth);
  });
}
