/**
 * Notifications in headless Chromium against the real app: a signed JSON webhook channel is added
 * on the Data page (its secret shown once), subscribed for a team and a group, sent a test that a local receiver
 * verifies, and the delivery log shows it delivered; a channel whose receiver fails shows RETRYING
 * with the error; the planning page shows where the team's alerts go and subscribes a channel for
 * it. axe finds nothing serious.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { ensureClientBuilt, launchBrowser, openPage, screenshot, startApp, type AppServer } from './harness';
import { expectNoSeriousA11yViolations, horizontalOverflow } from './pageHelpers';
import { verifySignature } from '../../server/notifications/signature';

let app: AppServer;
let browser: Browser;
let receiver: Server;
let receiverUrl: string;
const received: { path: string; event: string; verified: boolean }[] = [];
let secret = '';

beforeAll(async () => {
  await ensureClientBuilt();
  [app, browser] = await Promise.all([startApp(), launchBrowser()]);
  await app.gql(`mutation { upsertTeams(input: [{ slug: "payments", name: "Payments", members: 6 }]) { slug } }`);
  // Payments sits in Checkout, nested in Commerce: a Commerce subscription reaches it.
  const commerce = (await app.gql<{ createGroup: { id: string } }>(`mutation { createGroup(name: "Commerce") { id } }`)).createGroup.id;
  const checkout = (await app.gql<{ createGroup: { id: string } }>(`mutation { createGroup(name: "Checkout", parent: "${commerce}") { id } }`)).createGroup.id;
  await app.gql(`mutation { setTeamGroup(team: "payments", group: "${checkout}") { slug } }`);
  // The receiver checks each signature with the secret the page showed; /down answers 500.
  receiver = createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', () => {
      const body = JSON.parse(raw);
      received.push({ path: req.url!, event: body.event ?? 'slack', verified: verifySignature(secret, req.headers['x-headroom-signature'] as string, raw, Math.floor(Date.now() / 1000)) });
      res.writeHead(req.url === '/down' ? 500 : 200).end(req.url === '/down' ? 'maintenance' : 'ok');
    });
  });
  await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
  await new Promise((r) => receiver?.close(r));
});

describe('notifications on the data page', () => {
  it('adds a signed channel, subscribes it for a team, sends a test and shows the delivery', async () => {
    const page = await openPage(browser, 1280, 900, app);
    await page.goto(`${app.url}/data`);
    await page.getByRole('heading', { level: 2, name: 'Notifications' }).waitFor();
    await page.getByText('No channels yet').waitFor();
    await page.getByText('Nothing sent yet').waitFor();

    // A URL that is not http(s): the server's message, beside the form.
    const add = page.getByRole('form', { name: 'Add a channel' });
    await add.getByLabel('Channel name').fill('ops-hook');
    await add.getByLabel('Kind').selectOption('WEBHOOK');
    await add.getByLabel('URL').fill('ftp://example.com/hook');
    await add.getByRole('button', { name: 'Add channel' }).click();
    await add.getByText(/url must start with https:\/\/ or http:\/\/ \(got ftp\)/).first().waitFor();

    await add.getByLabel('URL').fill(`${receiverUrl}/hook`);
    await add.getByRole('button', { name: 'Add channel' }).click();
    secret = (await page.getByTestId('channel-secret').textContent())!;
    expect(secret).toMatch(/^hrwh_/);
    await page.getByTestId('channel-ops-hook').waitFor();
    expect(await page.getByTestId('channel-ops-hook').textContent()).toContain(`${receiverUrl}/…hook`);

    const subscribe = page.getByRole('form', { name: 'Subscribe a channel' });
    await subscribe.getByLabel('For').selectOption('team:payments');
    // The digest is org-wide: not offered for a team.
    expect(await subscribe.getByLabel('weekly digest').count()).toBe(0);
    await subscribe.getByLabel('sprint ended under-reserved').check();
    await subscribe.getByRole('button', { name: 'Subscribe' }).click();
    await page.getByTestId('channel-ops-hook').getByText('Payments: status turns WARN or BREACH, sprint ended under-reserved').waitFor();

    // A group: its digest is offered again.
    await subscribe.getByLabel('For').selectOption({ label: 'Commerce' });
    await subscribe.getByLabel('sprint ended under-reserved').uncheck();
    await subscribe.getByLabel('weekly digest').check();
    await subscribe.getByRole('button', { name: 'Subscribe' }).click();
    await page.getByTestId('channel-ops-hook').getByText('Group Commerce: status turns WARN or BREACH, weekly digest').waitFor();

    await page.getByRole('button', { name: 'Send test to ops-hook' }).click();
    await page.getByTestId('notification-tested').getByText('Test message to “ops-hook”: Delivered.').waitFor();
    const log = page.getByTestId('notification-deliveries');
    await log.getByText('Test notification from Headroom to "ops-hook"').waitFor();
    const row = log.getByRole('row').nth(1);
    expect(await row.getByRole('cell').nth(3).textContent()).toMatch(/^Delivered/);
    expect(await row.getByRole('cell').nth(4).textContent()).toBe('1');
    expect(received).toEqual([{ path: '/hook', event: 'test', verified: true }]);

    // A receiver that fails: the log says so, with the error, and that it is retried.
    await add.getByLabel('Channel name').fill('#broken');
    await add.getByLabel('Kind').selectOption('SLACK');
    await add.getByLabel('URL').fill(`${receiverUrl}/down`);
    await add.getByRole('button', { name: 'Add channel' }).click();
    await page.getByTestId('channel-#broken').waitFor();
    await page.getByRole('button', { name: 'Send test to #broken' }).click();
    await page.getByTestId('notification-tested').getByText('Test message to “#broken”: Retrying (HTTP 500: maintenance).').waitFor();
    await log.getByRole('cell', { name: 'HTTP 500: maintenance' }).waitFor();

    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await expectNoSeriousA11yViolations(page);
    await page.getByRole('heading', { level: 2, name: 'Notifications' }).scrollIntoViewIfNeeded();
    await screenshot(page, 'data-notifications.png');
  });

  it("shows on the planning page where the team's alerts go, and subscribes a channel for it there", async () => {
    const page = await openPage(browser, 1280, 900, app);
    await page.goto(`${app.url}/teams/payments/plan`);
    const section = page.getByTestId('team-notifications');
    await section.getByText('ops-hook: status turns WARN or BREACH, sprint ended under-reserved').waitFor();
    // Through Commerce, the group Payments' own group is nested in.
    await section.getByText('ops-hook (group Commerce): status turns WARN or BREACH').waitFor();
    const form = section.getByRole('form', { name: 'Subscribe a channel' });
    // The target is the team: not asked, and the org-wide digest not offered.
    expect(await form.getByLabel('For').count()).toBe(0);
    expect(await form.getByLabel('weekly digest').count()).toBe(0);
    await form.getByLabel('Channel').selectOption({ label: '#broken' });
    await form.getByRole('button', { name: 'Subscribe' }).click();
    await section.getByText('#broken: status turns WARN or BREACH').waitFor();
    const listed = await app.gql<{ notificationChannels: { name: string; subscriptions: { team: string | null; events: string[] }[] }[] }>(
      `{ notificationChannels { name subscriptions { team events } } }`,
    );
    expect(listed.notificationChannels.find((c) => c.name === '#broken')!.subscriptions).toEqual([{ team: 'payments', events: ['TEAM_STATUS'] }]);
    await expectNoSeriousA11yViolations(page);
  });
});
