import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pino } from 'pino';
import { DB_KINDS, startTestServer, type TestServer } from './harness';
import { evaluateNotifications, previousWeek } from '../../server/notifications/detection';
import { dispatchDue } from '../../server/notifications/dispatcher';
import { verifySignature } from '../../server/notifications/signature';
import { createToken } from '../../server/auth/service';
import { addDays } from '../../server/core/calendar';

const log = pino({ level: 'silent' });

/** A local receiver: records each POST and checks its signature with the secret registered for its path. */
async function startReceiver() {
  const received: { path: string; body: any; verified: boolean }[] = [];
  const secrets = new Map<string, string>();
  const server: Server = createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', () => {
      const secret = secrets.get(req.url!);
      const signature = req.headers['x-headroom-signature'] as string | undefined;
      received.push({ path: req.url!, body: JSON.parse(raw), verified: secret ? verifySignature(secret, signature, raw, Math.floor(Date.now() / 1000)) : false });
      res.writeHead(200).end('ok');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, received, secrets, close: () => new Promise((r) => server.close(r)) };
}

const today = new Date().toISOString().slice(0, 10);

/**
 * Group subscriptions (README "Notifications"): Infrastructure holds beta and, through its nested
 * group Data, alpha; gamma is in Commerce. A channel subscribed to Infrastructure hears about alpha
 * and beta (and delta, put in Data after the subscription was made), never gamma, and gets
 * Infrastructure's weekly digest with the totals of the overview's group row.
 */
describe.each(DB_KINDS)('group notification subscriptions on %s', (kind) => {
  let s: TestServer;
  let rx: Awaited<ReturnType<typeof startReceiver>>;
  const ids = {} as Record<'infra' | 'data' | 'commerce' | 'infraHook' | 'orgHook', string>;

  const ok = async (query: string, variables?: Record<string, unknown>) => {
    const res = await s.gql(query, variables);
    expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
    return res.data;
  };
  const subscribe = (variables: Record<string, unknown>) =>
    s.gql(`mutation($c: ID!, $team: String, $group: ID, $events: [NotificationEvent!]!) {
      subscribeNotifications(input: { channel: $c, team: $team, group: $group, events: $events }) { id team group { name path } events } }`, variables);
  const outbox = (event: string, channel: string) =>
    s.db('notification_outbox').where({ event, channel_name: channel }).orderBy('id').select('payload', 'team_id');
  const week = previousWeek(new Date());

  beforeAll(async () => {
    s = await startTestServer(kind);
    rx = await startReceiver();
    await ok(`mutation { upsertTeams(input: [{ slug: "alpha", name: "Alpha", members: 1 }, { slug: "beta", name: "Beta", members: 10 }, { slug: "gamma", name: "Gamma", members: 1 }]) { slug } }`);
    ids.infra = (await ok(`mutation { createGroup(name: "Infrastructure") { id } }`)).createGroup.id;
    ids.data = (await ok(`mutation($p: ID) { createGroup(name: "Data", parent: $p) { id } }`, { p: ids.infra })).createGroup.id;
    ids.commerce = (await ok(`mutation { createGroup(name: "Commerce") { id } }`)).createGroup.id;
    await ok(`mutation($g: ID) { setTeamGroup(team: "alpha", group: $g) { slug } }`, { g: ids.data });
    await ok(`mutation($g: ID) { setTeamGroup(team: "beta", group: $g) { slug } }`, { g: ids.infra });
    await ok(`mutation($g: ID) { setTeamGroup(team: "gamma", group: $g) { slug } }`, { g: ids.commerce });
    const hook = await ok(`mutation { createNotificationChannel(input: { name: "infra hook", kind: WEBHOOK, url: "${rx.url}/infra" }) { secret channel { id } } }`);
    ids.infraHook = hook.createNotificationChannel.channel.id;
    rx.secrets.set('/infra', hook.createNotificationChannel.secret);
    ids.orgHook = (await ok(`mutation { createNotificationChannel(input: { name: "org hook", kind: SLACK, url: "${rx.url}/org" }) { channel { id } } }`)).createNotificationChannel.channel.id;
  });
  afterAll(async () => {
    await s?.close();
    await rx?.close();
  });

  it('refuses an unknown group, a team and a group together, and a team digest, writing nothing', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ group: '999999' }, 'Invalid notification subscription: group no group with id "999999"'],
      [{ group: 'infra' }, 'Invalid notification subscription: group no group with id "infra"'],
      [{ team: 'alpha', group: ids.infra }, 'Invalid notification subscription: group give a team or a group, not both (neither: the whole org)'],
      [{ team: 'nope' }, 'Invalid notification subscription: team no team "nope"'],
    ];
    for (const [target, message] of cases) {
      const res = await subscribe({ c: ids.infraHook, events: ['TEAM_STATUS'], ...target });
      expect(res.errors?.[0]).toMatchObject({ message, extensions: { code: 'BAD_USER_INPUT' } });
    }
    const digest = await subscribe({ c: ids.infraHook, team: 'alpha', events: ['WEEKLY_DIGEST'] });
    expect(digest.errors[0].message).toBe('Invalid notification subscription: events WEEKLY_DIGEST covers the whole org or a group: subscribe to it without a team');
    expect(await s.db('notification_subscriptions').count('* as n').first()).toEqual({ n: 0 });
  });

  it('subscribes a channel to a group and lists it with the group, org-wide first', async () => {
    const made = await subscribe({ c: ids.infraHook, group: ids.infra, events: ['TEAM_STATUS', 'SPRINT_UNDER_RESERVED'] });
    expect(made.errors).toBeUndefined();
    expect(made.data.subscribeNotifications).toMatchObject({ team: null, group: { name: 'Infrastructure', path: 'Infrastructure' } });
    // The org hook hears every team, and Infrastructure too: one message per event all the same.
    expect((await subscribe({ c: ids.orgHook, group: ids.infra, events: ['TEAM_STATUS'] })).errors).toBeUndefined();
    expect((await subscribe({ c: ids.orgHook, events: ['TEAM_STATUS'] })).errors).toBeUndefined();
    const listed = await ok(`{ notificationChannels { name subscriptions { team group { id path } events } } }`);
    expect(listed.notificationChannels).toEqual([
      { name: 'infra hook', subscriptions: [{ team: null, group: { id: ids.infra, path: 'Infrastructure' }, events: ['TEAM_STATUS', 'SPRINT_UNDER_RESERVED'] }] },
      {
        name: 'org hook',
        subscriptions: [
          { team: null, group: null, events: ['TEAM_STATUS'] },
          { team: null, group: { id: ids.infra, path: 'Infrastructure' }, events: ['TEAM_STATUS'] },
        ],
      },
    ]);
  });

  it("alarms the group's channel for a team of a nested group, not for a team outside the group", async () => {
    // One person, 100 h of toil: far over the ops ceiling, for alpha (in Data, in Infrastructure) and gamma (Commerce).
    const day = addDays(week.from, 1);
    await ok(`mutation { recordDailyMetrics(input: [{ team: "alpha", date: "${day}", toilHours: 100 }, { team: "gamma", date: "${day}", toilHours: 100 }, { team: "beta", date: "${day}", toilHours: 10 }]) { received } }`);
    const result = await evaluateNotifications(s.db, log, new Date());
    expect(result.statusAlarms).toBe(2);
    expect((await outbox('team.status', 'infra hook')).map((r) => r.payload.team.slug)).toEqual(['alpha']);
    expect((await outbox('team.status', 'org hook')).map((r) => r.payload.team.slug).sort()).toEqual(['alpha', 'gamma']);

    rx.received.length = 0;
    await dispatchDue(s.db, log, { now: new Date() });
    const infra = rx.received.filter((r) => r.path === '/infra' && r.body.event === 'team.status');
    expect(infra.map((r) => [r.body.summary, r.verified])).toEqual([['Alpha is now BREACH', true]]);
  });

  it('covers a team put in a nested group after the subscription was made', async () => {
    await ok(`mutation { upsertTeams(input: [{ slug: "delta", name: "Delta", members: 1 }]) { slug } }`);
    await ok(`mutation($g: ID) { setTeamGroup(team: "delta", group: $g) { slug } }`, { g: ids.data });
    await ok(`mutation { recordDailyMetrics(input: [{ team: "delta", date: "${addDays(week.from, 2)}", toilHours: 60 }]) { received } }`);
    await evaluateNotifications(s.db, log, new Date());
    expect((await outbox('team.status', 'infra hook')).map((r) => r.payload.team.slug)).toEqual(['alpha', 'delta']);
  });

  it("notifies the group's channel of a sprint of a team directly in the group that ended under-reserved", async () => {
    await ok(`mutation { upsertSprints(input: [{ team: "beta", name: "B1", startDate: "${addDays(today, -14)}", endDate: "${addDays(today, -1)}", capacityHours: 100, reservedOpsShare: 0.05 }]) { name } }`);
    await ok(`mutation { recordDailyMetrics(input: [{ team: "beta", date: "${addDays(today, -3)}", toilHours: 20 }]) { received } }`);
    await evaluateNotifications(s.db, log, new Date());
    const rows = await outbox('sprint.under_reserved', 'infra hook');
    expect(rows.map((r) => [r.payload.team.slug, r.payload.sprint.name])).toEqual([['beta', 'B1']]);
    // The org hook subscribed to statuses only.
    expect(await outbox('sprint.under_reserved', 'org hook')).toEqual([]);
  });

  it("sends the group's weekly digest: its teams by status, top loads and the overview's group totals", async () => {
    // Subscribed mid-week, after several evaluations: the week's digests are still to come.
    expect((await subscribe({ c: ids.infraHook, group: ids.infra, events: ['TEAM_STATUS', 'SPRINT_UNDER_RESERVED', 'WEEKLY_DIGEST'] })).errors).toBeUndefined();
    expect((await subscribe({ c: ids.orgHook, events: ['TEAM_STATUS', 'WEEKLY_DIGEST'] })).errors).toBeUndefined();
    expect((await evaluateNotifications(s.db, log, new Date())).digests).toBe(2);
    const [group] = await outbox('digest.weekly', 'infra hook');
    expect(group.team_id).toBeNull();
    const d = group.payload;
    expect(d).toMatchObject({ week: week.week, group: { id: ids.infra, name: 'Infrastructure', path: 'Infrastructure' }, range: { from: week.from, to: week.to } });
    expect(d.teams.map((t: any) => [t.slug, t.status])).toEqual([['alpha', 'BREACH'], ['delta', 'BREACH'], ['beta', expect.any(String)]]);
    expect(d.topLoads.map((t: any) => t.slug)).toEqual(['alpha', 'delta', 'beta']);
    const overview = await ok(`query($r: DateRange!) { overviewGroups(range: $r) { group { name } teams totals { teams opsHours capacityHours opsShare pages status } } }`, {
      r: { from: week.from, to: week.to },
    });
    const row = overview.overviewGroups.find((g: any) => g.group.name === 'Infrastructure');
    expect(row.teams).toEqual(['alpha', 'beta', 'delta']);
    expect(d.totals).toMatchObject(row.totals);
    expect(d.totals).toMatchObject({ teams: 3, status: 'BREACH' });

    // The org hook's digest is the org's: every team, no group.
    const [org] = await outbox('digest.weekly', 'org hook');
    expect(org.payload.group).toBeUndefined();
    expect(org.payload.teams.map((t: any) => t.slug).sort()).toEqual(['alpha', 'beta', 'delta', 'gamma']);
    expect(org.payload.totals).toMatchObject({ teams: 4, opsHours: d.totals.opsHours + 100 });

    // Once a week per target.
    expect((await evaluateNotifications(s.db, log, new Date())).digests).toBe(0);
    rx.received.length = 0;
    await dispatchDue(s.db, log, { now: new Date() });
    const sent = rx.received.find((r) => r.path === '/infra' && r.body.event === 'digest.weekly')!;
    expect(sent.verified).toBe(true);
    expect(sent.body.summary).toBe(`Weekly ops digest ${week.week} for Infrastructure: ${d.counts.BREACH} in breach, ${d.counts.WARN} warning, ${d.counts.OK} OK, ${d.counts.NO_DATA} without data`);
  });

  it('refuses to delete a group with subscriptions, naming the channels, and deletes it once unsubscribed', async () => {
    const empty = (await ok(`mutation { createGroup(name: "Empty") { id } }`)).createGroup.id;
    const sub = await subscribe({ c: ids.orgHook, group: empty, events: ['WEEKLY_DIGEST'] });
    const refused = await s.gql(`mutation($id: ID!) { deleteGroup(id: $id) }`, { id: empty });
    expect(refused.errors[0]).toMatchObject({
      message: 'The group "Empty" is not empty; it holds notification subscriptions of org hook (unsubscribe them first).',
      extensions: { code: 'BAD_USER_INPUT' },
    });
    await ok(`mutation($id: ID!) { unsubscribeNotifications(id: $id) }`, { id: sub.data.subscribeNotifications.id });
    expect(await ok(`mutation($id: ID!) { deleteGroup(id: $id) }`, { id: empty })).toEqual({ deleteGroup: true });
  });

  it('keeps a token limited to a group out, as any limited token', async () => {
    const limited = (await createToken(s.db, { name: 'infra planner', scopes: ['plan', 'read'], group: ids.infra })).token;
    const res = await s.gqlAs(limited, `mutation($c: ID!, $g: ID) { subscribeNotifications(input: { channel: $c, group: $g, events: [TEAM_STATUS] }) { id } }`, { c: ids.infraHook, g: ids.infra });
    expect(res.errors[0].extensions.code).toBe('FORBIDDEN');
  });
});
