import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pino } from 'pino';
import { DB_KINDS, startTestServer, type TestServer } from './harness';
import { evaluateNotifications, previousWeek } from '../../server/notifications/detection';
import { dispatchDue } from '../../server/notifications/dispatcher';
import { startNotifier } from '../../server/notifications/scheduler';
import { verifySignature } from '../../server/notifications/signature';
import { MAX_ATTEMPTS, RETRY_DELAYS_SECONDS } from '../../server/notifications/retry';
import { addDays } from '../../server/core/calendar';

const log = pino({ level: 'silent' });

interface Received {
  path: string;
  body: any;
  signature: string | undefined;
  /** The receiver's own check of X-Headroom-Signature, with the channel's secret, at the receiver's clock. */
  verified: boolean;
}

/**
 * A local receiver of notifications: records each POST, checks the signature of signed paths with
 * their secret (at `clock`, the time the test has moved to), and answers 500 to the first
 * `failFirst[event]` requests of a signed event (or of a path, for Slack's bodies).
 */
async function startReceiver() {
  const received: Received[] = [];
  const secrets = new Map<string, string>();
  const failFirst = new Map<string, number>();
  const state = { clock: new Date() };
  const server: Server = createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', () => {
      const path = req.url!;
      const body = JSON.parse(raw);
      const signature = req.headers['x-headroom-signature'] as string | undefined;
      const secret = secrets.get(path);
      received.push({ path, body, signature, verified: secret ? verifySignature(secret, signature, raw, Math.floor(state.clock.getTime() / 1000)) : false });
      const key = body.event ?? path;
      const left = failFirst.get(key) ?? 0;
      if (left > 0) {
        failFirst.set(key, left - 1);
        res.writeHead(500).end('receiver is down');
      } else res.writeHead(200).end('ok');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, received, secrets, failFirst, state, close: () => new Promise((r) => server.close(r)) };
}

const today = new Date().toISOString().slice(0, 10);
const later = (base: Date, seconds: number) => new Date(base.getTime() + seconds * 1000);

describe.each(DB_KINDS)('notifications on %s', (kind) => {
  let s: TestServer;
  let rx: Awaited<ReturnType<typeof startReceiver>>;
  const channels = {} as Record<'hook' | 'slack', string>;

  const ok = async (query: string, variables?: Record<string, unknown>) => {
    const res = await s.gql(query, variables);
    expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
    return res.data;
  };
  const outbox = (event: string) => s.db('notification_outbox').where({ event }).orderBy('id');

  beforeAll(async () => {
    s = await startTestServer(kind);
    rx = await startReceiver();
    await ok(`mutation { upsertTeams(input: [{ slug: "alpha", name: "Alpha", members: 1 }, { slug: "beta", name: "Beta", members: 2 }]) { slug } }`);
  });
  afterAll(async () => {
    await s?.close();
    await rx?.close();
  });

  it('computes nothing while no channel subscribes', async () => {
    expect(await evaluateNotifications(s.db, log, new Date())).toEqual({ statusAlarms: 0, sprintsUnderReserved: 0, digests: 0, enqueued: 0 });
    expect(await s.db('notification_team_status').count('* as n').first()).toEqual({ n: 0 });
  });

  it('creates channels, shows a webhook secret once, and refuses a URL that is not http(s)', async () => {
    const made = await ok(`mutation { createNotificationChannel(input: { name: "ops hook", kind: WEBHOOK, url: "${rx.url}/hook?token=abcd1234" }) { secret channel { id name kind target signed enabled } } }`);
    expect(made.createNotificationChannel.channel).toMatchObject({ name: 'ops hook', kind: 'WEBHOOK', target: `${rx.url}/…1234`, signed: true, enabled: true });
    expect(made.createNotificationChannel.secret).toMatch(/^hrwh_[A-Za-z0-9_-]{43}$/);
    channels.hook = made.createNotificationChannel.channel.id;
    rx.secrets.set('/hook?token=abcd1234', made.createNotificationChannel.secret);
    const slack = await ok(`mutation { createNotificationChannel(input: { name: "#alpha", kind: SLACK, url: "${rx.url}/slack" }) { secret channel { id signed } } }`);
    expect(slack.createNotificationChannel).toMatchObject({ secret: null, channel: { signed: false } });
    channels.slack = slack.createNotificationChannel.channel.id;

    const listed = await ok(`{ notificationChannels { name target } }`);
    expect(JSON.stringify(listed)).not.toContain('hrwh_');
    expect(JSON.stringify(listed)).not.toContain('token=');

    const bad = await s.gql(`mutation { createNotificationChannel(input: { name: "ftp", kind: WEBHOOK, url: "ftp://example.com/x" }) { secret } }`);
    expect(bad.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(bad.errors[0].message).toBe('Invalid notification channel: url must start with https:// or http:// (got ftp)');
    const taken = await s.gql(`mutation { createNotificationChannel(input: { name: "ops hook", kind: SLACK, url: "https://hooks.example.com/x" }) { secret } }`);
    expect(taken.errors[0].message).toBe('Invalid notification channel: name "ops hook" is taken by another channel');
    expect(await s.db('notification_channels').count('* as n').first()).toEqual({ n: 2 });
  });

  it('subscribes per team and org-wide, and refuses a team digest', async () => {
    await ok(`mutation($c: ID!) { subscribeNotifications(input: { channel: $c, events: [TEAM_STATUS, SPRINT_UNDER_RESERVED, WEEKLY_DIGEST] }) { team events } }`, { c: channels.hook });
    const team = await ok(`mutation($c: ID!) { subscribeNotifications(input: { channel: $c, team: "alpha", events: [TEAM_STATUS] }) { team events } }`, { c: channels.slack });
    expect(team.subscribeNotifications).toEqual({ team: 'alpha', events: ['TEAM_STATUS'] });
    const digest = await s.gql(`mutation($c: ID!) { subscribeNotifications(input: { channel: $c, team: "alpha", events: [WEEKLY_DIGEST] }) { id } }`, { c: channels.slack });
    expect(digest.errors[0].message).toBe('Invalid notification subscription: events WEEKLY_DIGEST covers the whole org or a group: subscribe to it without a team');
    const listed = await ok(`{ notificationChannels { name subscriptions { team events } } }`);
    expect(listed.notificationChannels).toEqual([
      { name: '#alpha', subscriptions: [{ team: 'alpha', events: ['TEAM_STATUS'] }] },
      { name: 'ops hook', subscriptions: [{ team: null, events: ['TEAM_STATUS', 'SPRINT_UNDER_RESERVED', 'WEEKLY_DIGEST'] }] },
    ]);
  });

  it('notifies a team turning BREACH once, to its team and org-wide channels, and not again while it stays', async () => {
    // One person, 100 h of toil in 28 days: far over the 50% ops ceiling.
    await ok(`mutation { recordDailyMetrics(input: [{ team: "alpha", date: "${addDays(today, -2)}", toilHours: 100 }]) { received } }`);
    const now = new Date();
    const first = await evaluateNotifications(s.db, log, now);
    expect(first).toMatchObject({ statusAlarms: 1 });
    const rows = await outbox('team.status');
    expect(rows.map((r) => [r.channel_name, r.state, r.attempts])).toEqual([['ops hook', 'pending', 0], ['#alpha', 'pending', 0]]);
    expect(rows[0].payload).toMatchObject({ team: { slug: 'alpha', name: 'Alpha' }, status: 'BREACH', previousStatus: null, rules: expect.arrayContaining([expect.objectContaining({ rule: 'opsCeiling', status: 'BREACH' })]) });
    expect(await s.db('notification_team_status').where({ team_id: rows[0].team_id }).first()).toMatchObject({ status: 'BREACH' });
    // Beta has no signal: NO_DATA is no alarm.
    expect((await s.db('notification_team_status').join('teams', 'teams.id', 'team_id').where({ slug: 'beta' }).first()).status).toBe('NO_DATA');

    const again = await evaluateNotifications(s.db, log, later(now, 60));
    expect(again.statusAlarms).toBe(0);
    expect(await outbox('team.status')).toHaveLength(2);
  });

  it('delivers, retrying a failing receiver on the back-off schedule, each request signed', async () => {
    rx.received.length = 0;
    rx.failFirst.set('team.status', 2);
    let clock = new Date();
    rx.state.clock = clock;
    // Whatever the digest of last week enqueued goes too; count the status messages.
    await dispatchDue(s.db, log, { now: clock });
    const status = () => outbox('team.status').then((r) => Object.fromEntries(r.map((x) => [x.channel_name, x])));
    let rows = await status();
    expect(rows['#alpha']).toMatchObject({ state: 'delivered', attempts: 1, last_error: null });
    expect(rows['ops hook']).toMatchObject({ state: 'pending', attempts: 1, last_error: 'HTTP 500: receiver is down' });
    expect(rows['ops hook'].next_attempt_at.getTime()).toBe(clock.getTime() + RETRY_DELAYS_SECONDS[0] * 1000);

    // Not due yet: nothing is sent.
    expect(await dispatchDue(s.db, log, { now: later(clock, 30) })).toEqual({ delivered: 0, retrying: 0, failed: 0 });
    clock = later(clock, 61);
    rx.state.clock = clock;
    await dispatchDue(s.db, log, { now: clock });
    rows = await status();
    expect(rows['ops hook']).toMatchObject({ state: 'pending', attempts: 2 });
    expect(rows['ops hook'].next_attempt_at.getTime()).toBe(clock.getTime() + RETRY_DELAYS_SECONDS[1] * 1000);
    clock = later(clock, RETRY_DELAYS_SECONDS[1] + 1);
    rx.state.clock = clock;
    await dispatchDue(s.db, log, { now: clock });
    rows = await status();
    expect(rows['ops hook']).toMatchObject({ state: 'delivered', attempts: 3, last_error: null, delivered_at: clock });

    const hook = rx.received.filter((r) => r.path.startsWith('/hook') && r.body.event === 'team.status');
    expect(hook).toHaveLength(3);
    expect(hook.every((r) => r.verified)).toBe(true);
    expect(hook[2].signature).toMatch(new RegExp(`^t=${Math.floor(clock.getTime() / 1000)},v1=[0-9a-f]{64}$`));
    expect(hook[2].body).toMatchObject({ id: String(rows['ops hook'].id), event: 'team.status', summary: 'Alpha is now BREACH', data: { team: { slug: 'alpha' }, status: 'BREACH' } });
    const slack = rx.received.filter((r) => r.path === '/slack');
    expect(slack).toHaveLength(1);
    expect(slack[0].signature).toBeUndefined();
    expect(slack[0].body.text).toBe('Alpha is now BREACH');
    expect(slack[0].body.blocks[1].text.text).toContain('BREACH: ');

    const log1 = await ok(`{ notificationDeliveries(last: 50) { channel event team state attempts lastError summary } }`);
    expect(log1.notificationDeliveries.filter((d: any) => d.event === 'team.status')).toEqual([
      { channel: '#alpha', event: 'team.status', team: 'alpha', state: 'DELIVERED', attempts: 1, lastError: null, summary: 'Alpha is now BREACH' },
      { channel: 'ops hook', event: 'team.status', team: 'alpha', state: 'DELIVERED', attempts: 3, lastError: null, summary: 'Alpha is now BREACH' },
    ]);
  });

  it(`gives up after ${MAX_ATTEMPTS} attempts and marks the message FAILED`, async () => {
    // A receiver that answers nothing: a port closed right after it was taken.
    const gone = await startReceiver();
    await gone.close();
    const made = await ok(`mutation { createNotificationChannel(input: { name: "gone", kind: SLACK, url: "${gone.url}/x" }) { channel { id } } }`);
    const id = made.createNotificationChannel.channel.id;
    let clock = new Date();
    const first = await ok(`mutation($c: ID!) { sendTestNotification(channel: $c) { id state attempts lastError nextAttemptAt } }`, { c: id });
    expect(first.sendTestNotification).toMatchObject({ state: 'RETRYING', attempts: 1, lastError: 'ECONNREFUSED' });
    const row = () => s.db('notification_outbox').where({ id: first.sendTestNotification.id }).first();
    for (const delay of RETRY_DELAYS_SECONDS) {
      clock = later(clock, delay + 1);
      await dispatchDue(s.db, log, { now: clock, ids: [Number(first.sendTestNotification.id)] });
    }
    expect(await row()).toMatchObject({ state: 'failed', attempts: MAX_ATTEMPTS, last_error: 'ECONNREFUSED' });
    const listed = await ok(`{ notificationDeliveries(last: 1) { channel state attempts nextAttemptAt } }`);
    expect(listed.notificationDeliveries).toEqual([{ channel: 'gone', state: 'FAILED', attempts: MAX_ATTEMPTS, nextAttemptAt: null }]);
    expect(await ok(`mutation($c: ID!) { deleteNotificationChannel(id: $c) }`, { c: id })).toEqual({ deleteNotificationChannel: true });
  });

  it('counts a receiver that never answers as a failed attempt once the timeout passes', async () => {
    const hanging = createServer(() => {});
    await new Promise<void>((r) => hanging.listen(0, '127.0.0.1', r));
    try {
      const url = `http://127.0.0.1:${(hanging.address() as AddressInfo).port}/slow`;
      const made = await ok(`mutation { createNotificationChannel(input: { name: "slow", kind: SLACK, url: "${url}" }) { channel { id } } }`);
      const channelId = Number(made.createNotificationChannel.channel.id);
      const [row] = await s.db('notification_outbox').insert({ channel_id: channelId, channel_name: 'slow', event: 'test', payload: JSON.stringify({ message: 'hi', requestedBy: 'test' }) }).returning('id');
      const now = new Date(Date.now() + 1000);
      expect(await dispatchDue(s.db, log, { now, ids: [Number(row.id)], timeoutMs: 300 })).toEqual({ delivered: 0, retrying: 1, failed: 0 });
      expect(await s.db('notification_outbox').where({ id: row.id }).first()).toMatchObject({ state: 'pending', attempts: 1, last_error: 'no answer within 0.3 s' });
      await ok(`mutation($c: ID!) { deleteNotificationChannel(id: $c) }`, { c: String(channelId) });
      expect(await s.db('notification_outbox').where({ id: row.id }).first()).toMatchObject({ state: 'failed', channel_id: null, last_error: 'the channel was deleted' });
    } finally {
      hanging.closeAllConnections();
      await new Promise((r) => hanging.close(r));
    }
  });

  it('notifies a sprint that ended under-reserved once', async () => {
    await ok(`mutation { upsertSprints(input: [{ team: "beta", name: "B1", startDate: "${addDays(today, -14)}", endDate: "${addDays(today, -1)}", capacityHours: 100, reservedOpsShare: 0.1 }]) { name } }`);
    await ok(`mutation { recordDailyMetrics(input: [{ team: "beta", date: "${addDays(today, -3)}", toilHours: 30 }]) { received } }`);
    const now = new Date();
    expect((await evaluateNotifications(s.db, log, now)).sprintsUnderReserved).toBe(1);
    expect((await evaluateNotifications(s.db, log, now)).sprintsUnderReserved).toBe(0);
    const rows = await outbox('sprint.under_reserved');
    expect(rows.map((r) => [r.channel_name, r.payload])).toEqual([
      ['ops hook', { team: { slug: 'beta', name: 'Beta' }, sprint: { name: 'B1', startDate: addDays(today, -14), endDate: addDays(today, -1) }, reservedOpsShare: 0.1, opsShare: 0.3, opsHours: 30, capacityHours: 100 }],
    ]);
  });

  it('sends the weekly digest once a week, to org-wide subscriptions', async () => {
    const now = new Date();
    await evaluateNotifications(s.db, log, now);
    const week = previousWeek(now);
    let rows = await outbox('digest.weekly');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ channel_name: 'ops hook', team_id: null, payload: { week: week.week, range: { from: week.from, to: week.to } } });
    expect(rows[0].payload.teams.map((t: any) => t.slug).sort()).toEqual(['alpha', 'beta']);
    const nextWeek = later(now, 7 * 86_400);
    expect((await evaluateNotifications(s.db, log, nextWeek)).digests).toBe(1);
    expect((await evaluateNotifications(s.db, log, nextWeek)).digests).toBe(0);
    rows = await outbox('digest.weekly');
    expect(rows.map((r) => r.payload.week)).toEqual([week.week, previousWeek(nextWeek).week]);
  });

  it('sends each due message once when two dispatchers run at the same time', async () => {
    const now = new Date();
    await s.db('notification_outbox').where({ state: 'pending' }).update({ next_attempt_at: now });
    const pending = (await s.db('notification_outbox').where({ state: 'pending' }).pluck('id')).map(Number);
    expect(pending.length).toBeGreaterThan(0);
    rx.received.length = 0;
    rx.failFirst.clear();
    rx.state.clock = now;
    const [a, b] = await Promise.all([dispatchDue(s.db, log, { now }), dispatchDue(s.db, log, { now })]);
    expect(a.delivered + b.delivered).toBe(pending.length);
    expect(rx.received).toHaveLength(pending.length);
    expect(new Set(rx.received.map((r) => r.body.id ?? r.body.text)).size).toBe(pending.length);
  });

  it('sends a test message at once and shows it in the log', async () => {
    const sent = await ok(`mutation($c: ID!) { sendTestNotification(channel: $c) { channel event state attempts summary } }`, { c: channels.hook });
    expect(sent.sendTestNotification).toEqual({ channel: 'ops hook', event: 'test', state: 'DELIVERED', attempts: 1, summary: 'Test notification from Headroom to "ops hook"' });
    const last = rx.received.at(-1)!;
    expect(last.verified).toBe(true);
    expect(last.body).toMatchObject({ event: 'test', data: { requestedBy: 'test admin' } });
  });

  it('re-points, disables and unsubscribes: a disabled channel or a removed subscription gets nothing new', async () => {
    const bad = await s.gql(`mutation($c: ID!) { updateNotificationChannel(id: $c, input: { url: "https://user:pw@example.com/x" }) { id } }`, { c: channels.slack });
    expect(bad.errors[0].message).toBe('Invalid notification channel: url must not hold a user name or password; a signed webhook uses its secret instead');
    const missing = await s.gql(`mutation { updateNotificationChannel(id: "424242", input: { enabled: false }) { id } }`);
    expect(missing.errors[0]).toMatchObject({ message: 'No notification channel with id "424242".', extensions: { code: 'NOT_FOUND' } });
    const off = await ok(`mutation($c: ID!) { updateNotificationChannel(id: $c, input: { enabled: false, url: "${rx.url}/slack2" }) { enabled target } }`, { c: channels.slack });
    expect(off.updateNotificationChannel).toEqual({ enabled: false, target: `${rx.url}/…ack2` });
    const hook = (await ok(`{ notificationChannels { name subscriptions { id } } }`)).notificationChannels.find((c: any) => c.name === 'ops hook');
    expect(await ok(`mutation($s: ID!) { unsubscribeNotifications(id: $s) }`, { s: hook.subscriptions[0].id })).toEqual({ unsubscribeNotifications: true });

    // A channel for beta only keeps statuses evaluated; alpha's events reach no channel any more.
    const betaOnly = await ok(`mutation { createNotificationChannel(input: { name: "beta only", kind: SLACK, url: "${rx.url}/beta" }) { channel { id } } }`);
    await ok(`mutation($c: ID!) { subscribeNotifications(input: { channel: $c, team: "beta", events: [TEAM_STATUS] }) { id } }`, { c: betaOnly.createNotificationChannel.channel.id });
    // Alpha recovers (a large team now), then breaches again.
    await ok(`mutation { upsertTeams(input: [{ slug: "alpha", name: "Alpha", members: 100 }]) { slug } }`);
    expect((await evaluateNotifications(s.db, log, new Date())).statusAlarms).toBe(0);
    expect((await s.db('notification_team_status').join('teams', 'teams.id', 'team_id').where({ slug: 'alpha' }).first()).status).toBe('OK');
    await ok(`mutation { upsertTeams(input: [{ slug: "alpha", name: "Alpha", members: 1 }]) { slug } }`);
    const before = (await outbox('team.status')).length;
    const result = await evaluateNotifications(s.db, log, new Date());
    expect(result).toMatchObject({ statusAlarms: 1, enqueued: 0 });
    expect(await outbox('team.status')).toHaveLength(before);
    const test = await s.gql(`mutation($c: ID!) { sendTestNotification(channel: $c) { id } }`, { c: channels.slack });
    expect(test.errors[0].message).toBe('Invalid test notification: channel "#alpha" is disabled: enable it first');
  });

  it('the notifier evaluates and sends on its own every interval, and stops', async () => {
    const made = await ok(`mutation { createNotificationChannel(input: { name: "scheduled", kind: SLACK, url: "${rx.url}/sched" }) { channel { id } } }`);
    await ok(`mutation($c: ID!) { subscribeNotifications(input: { channel: $c, team: "alpha", events: [TEAM_STATUS] }) { id } }`, { c: made.createNotificationChannel.channel.id });
    // As if alpha had been OK at the last round: it is in breach now.
    const alpha = (await s.db('teams').where({ slug: 'alpha' }).first()).id;
    await s.db('notification_team_status').where({ team_id: alpha }).update({ status: 'OK' });
    const notifier = startNotifier(s.db, log, 1);
    try {
      for (let i = 0; i < 100 && !rx.received.some((r) => r.path === '/sched'); i++) await new Promise((r) => setTimeout(r, 100));
    } finally {
      await notifier.stop();
    }
    expect(rx.received.filter((r) => r.path === '/sched').map((r) => r.body.text)).toEqual(['Alpha is now BREACH (was OK)']);
    expect(await s.db('notification_outbox').where({ channel_name: 'scheduled' }).select('state', 'attempts')).toEqual([{ state: 'delivered', attempts: 1 }]);
  });

  it('keeps a token limited to teams out, and a read token', async () => {
    const { createToken } = await import('../../server/auth/service');
    const limited = (await createToken(s.db, { name: 'alpha planner', scopes: ['plan'], teams: ['alpha'] })).token;
    const reader = (await createToken(s.db, { name: 'reader', scopes: ['read'] })).token;
    expect((await s.gqlAs(limited, `{ notificationChannels { id } }`)).errors[0].extensions.code).toBe('FORBIDDEN');
    expect((await s.gqlAs(reader, `{ notificationDeliveries { id } }`)).errors[0].extensions.code).toBe('FORBIDDEN');
  });
});
