import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startTestServer, type TestServer } from './harness';
import { FAKE_KEY, startFakePagerDuty } from './fakePagerDuty';
import { startRecordedApi, type RecordedApi } from './recordedApi';
import { SEED, writeDayOneVendors, type Story } from './dayOneVendors';

/**
 * The issue's "done when" (issue 18), end to end: on an empty install, the three backfill commands
 * README's "Getting data in" shows bring half a year of PagerDuty, GitHub and Jira history
 * (test/fixtures/dayone: vendor answers made from a seed, dated back from today), the two source
 * mappings attribute it, and the team's plan stands on finished sprints with their real loads.
 * Running the three commands again changes no figure.
 */

const GITHUB_TOKEN = 'ghp_dayOneFixtureToken000000000000000000';
const JIRA = { JIRA_EMAIL: 'planner@acme.example', JIRA_API_TOKEN: 'ATATT3xFfGF0dayOneFixtureToken' };
const TEAM = SEED.team.slug;

/** The command line as a user runs it, in a child process; never throws on a non-zero exit. */
function headroom(args: string[], env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile('npx', ['tsx', 'server/cli/main.ts', ...args], { env: { ...process.env, ...env }, timeout: 90_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
    });
  });
}

const FIGURES = `query($slug: String!, $range: DateRange!) { team(slug: $slug) {
  plan { status basedOn projectedOpsShare recommendedOpsShare startDate explanation }
  sprints(last: 16) { name startDate endDate state opsHours opsShare status opsBreakdown { pages failedDeploys } }
  kpis(range: $range) { pages pageHours deploys failedDeploys opsHours status }
  dora(range: $range) { leadTime { value } changeFailureRate { value } deploymentFrequency { value } }
} }`;
const BACKFILLS = `{ backfills { source params since until startedAt finishedAt counts { name value } command environment } }`;

describe('day one: from an empty install to a first plan with half a year of history (PostgreSQL)', () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'headroom-dayone-'));
  let s: TestServer;
  let story: Story;
  let pagerduty: Awaited<ReturnType<typeof startFakePagerDuty>>;
  let github: RecordedApi;
  let jira: RecordedApi;
  let env: Record<string, string>;
  const ok = async (query: string, variables?: Record<string, unknown>) => {
    const res = await s.gql(query, variables);
    expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
    return res.data;
  };
  const run = async (...args: string[]) => {
    const r = await headroom(args, env);
    expect(r.code, `${args.join(' ')}\n${r.stdout}\n${r.stderr}`).toBe(0);
    return r.stdout;
  };
  const backfillCommands = () => [
    ['backfill', 'pagerduty', '--since', story.since],
    ['backfill', 'github', '--repo', SEED.github.repository, '--since', story.since],
    ['backfill', 'jira', '--board', String(SEED.jira.board), '--team', TEAM],
  ];
  const count = async (table: string) => Number((await s.db(table).count('* as n').first())!.n);

  beforeAll(async () => {
    s = await startTestServer('postgres');
    story = writeDayOneVendors(path.join(tmp, 'vendors'));
    pagerduty = await startFakePagerDuty(undefined, story.files.pagerduty);
    github = await startRecordedApi({
      fixtures: story.files.github, routes: story.routes.github, authorization: `Bearer ${GITHUB_TOKEN}`, unauthorized: 'error.bad-credentials',
      vars: { reset: String(Math.floor(Date.now() / 1000) + 3600) },
    });
    jira = await startRecordedApi({
      fixtures: story.files.jira, routes: story.routes.jira, authorization: `Basic ${Buffer.from(`${JIRA.JIRA_EMAIL}:${JIRA.JIRA_API_TOKEN}`).toString('base64')}`, unauthorized: 'error.unauthorized',
    });
    const { connectionString } = s.db.client.config.connection as { connectionString: string };
    env = {
      DATABASE_URL: connectionString, HEADROOM_DATA_DIR: tmp,
      PAGERDUTY_API_KEY: FAKE_KEY, PAGERDUTY_API_URL: pagerduty.url, GITHUB_TOKEN, GITHUB_API_URL: github.url, JIRA_URL: jira.url, ...JIRA,
    };
  });
  afterAll(async () => {
    await pagerduty?.close();
    await github?.close();
    await jira?.close();
    await s?.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('three backfills and two mappings give the plan three finished sprints with their real loads; running them again changes nothing', { timeout: 300_000 }, async () => {
    // An empty install: no team, no signal, no backfill yet (each source offers its command).
    expect(await ok(`{ teams { slug } unrouted { key } }`)).toEqual({ teams: [], unrouted: [] });
    expect((await ok(BACKFILLS)).backfills.map((b: { command: string; params: unknown }) => [b.command, b.params])).toEqual([
      ['npm run headroom -- backfill pagerduty --since YYYY-MM-DD', null],
      ['npm run headroom -- backfill github --repo OWNER/NAME --since YYYY-MM-DD', null],
      ['npm run headroom -- backfill jira --board ID --team SLUG', null],
    ]);
    const { slug, name, timezone, members } = SEED.team;
    await run('team', 'add', slug, '--name', name, '--timezone', timezone, '--members', String(members));

    // The three commands.
    const out: string[] = [];
    for (const args of backfillCommands()) out.push(await run(...args));
    const { incidents, unmappedIncidents, deployments, jiraSprints } = story.counts;
    expect(out[0]).toContain(`${incidents} incidents read; pages ${incidents} inserted, 0 updated, 0 unchanged.`);
    expect(out[1]).toContain(`${deployments} deployments read`);
    expect(out[2]).toContain(`${jiraSprints} sprints read, ${jiraSprints - 1} recorded, 1 skipped.`);

    // Pages and deploys wait unrouted until their service and repository are mapped.
    const unrouted = (await ok(`{ unrouted { source key count } }`)).unrouted;
    expect(unrouted).toEqual(expect.arrayContaining([
      { source: 'pagerduty', key: SEED.pagerduty.service.id, count: incidents - unmappedIncidents },
      { source: 'pagerduty', key: SEED.pagerduty.unmapped.id, count: unmappedIncidents },
      { source: 'github', key: SEED.github.repository, count: deployments },
    ]));
    await run('mapping', 'set', '--source', 'pagerduty', '--key', SEED.pagerduty.service.id, '--team', TEAM);
    await run('mapping', 'set', '--source', 'github', '--key', SEED.github.repository, '--team', TEAM);
    // Search's pages are another team's: they stay unrouted, and count nowhere.
    expect((await ok(`{ unrouted { key count } }`)).unrouted).toEqual([{ key: SEED.pagerduty.unmapped.id, count: unmappedIncidents }]);

    const range = { from: story.since, to: story.sprints.at(-1)!.endDate };
    const { team } = await ok(FIGURES, { slug: TEAM, range });

    // Every backfilled sprint is a finished sprint of the team, with the window Jira gave it.
    const finished = team.sprints.filter((sp: { state: string }) => sp.state === 'FINISHED');
    expect(finished.map((sp: { name: string; startDate: string; endDate: string }) => [sp.name, sp.startDate, sp.endDate]))
      .toEqual(story.sprints.slice(-finished.length).reverse().map((sp) => [sp.name, sp.startDate, sp.endDate]));
    expect(finished.length).toBeGreaterThanOrEqual(3);

    // The plan learns from the three newest, each carrying the load the vendors recorded: page
    // hours from trigger to resolve, and 2 h per failed production deploy (the default load model).
    expect(team.plan.status).not.toBe('NO_DATA');
    expect(team.plan.basedOn).toEqual(story.sprints.slice(-3).reverse().map((sp) => sp.name));
    for (const sp of story.sprints.slice(-3)) {
      const got = team.sprints.find((x: { name: string }) => x.name === sp.name);
      const pageHours = sp.pageMinutes.reduce((a, m) => a + Math.min(m, 8 * 60), 0) / 60;
      expect(got.state).toBe('FINISHED');
      expect(got.opsBreakdown.pages).toBeCloseTo(pageHours, 2);
      expect(got.opsBreakdown.failedDeploys).toBe(2 * sp.failedDeploys);
      expect(got.opsHours).toBeCloseTo(pageHours + 2 * sp.failedDeploys, 2);
      expect(got.opsHours).toBeGreaterThan(0);
      expect(got.status).not.toBe('NO_DATA');
    }
    expect(team.plan.projectedOpsShare).toBeGreaterThan(0);
    // Half a year of signals: every mapped page and production deploy, with the lead times GitHub gave.
    expect(team.kpis).toMatchObject({
      pages: incidents - unmappedIncidents,
      deploys: story.sprints.reduce((a, sp) => a + sp.productionDeploys, 0),
      failedDeploys: story.sprints.reduce((a, sp) => a + sp.failedDeploys, 0),
    });
    // Merged three hours before the deployment, successful twelve minutes after it.
    expect(team.dora.leadTime.value).toBe(3 * 3600 + 12 * 60);

    // The last backfill of each source, its range and counts, and the command that ran it.
    const backfills = (await ok(BACKFILLS)).backfills;
    const today = new Date().toISOString().slice(0, 10);
    expect(backfills.map((b: Record<string, unknown>) => [b.source, b.params, b.since, b.command])).toEqual([
      ['pagerduty', `--since ${story.since}`, story.since, `npm run headroom -- backfill pagerduty --since ${story.since}`],
      ['github', `--repo ${SEED.github.repository} --since ${story.since} --until ${today}`, story.since, `npm run headroom -- backfill github --repo ${SEED.github.repository} --since ${story.since} --until ${today}`],
      ['jira', `--board ${SEED.jira.board} --team ${TEAM}`, story.since, `npm run headroom -- backfill jira --board ${SEED.jira.board} --team ${TEAM}`],
    ]);
    for (const b of backfills) expect(b.finishedAt, b.source).not.toBeNull();
    const countsOf = (source: string) => Object.fromEntries(backfills.find((b: { source: string }) => b.source === source).counts.map((c: { name: string; value: number }) => [c.name, c.value]));
    expect(countsOf('pagerduty')).toMatchObject({ incidents, inserted: incidents, unrouted: incidents });
    expect(countsOf('github')).toMatchObject({ deployments, inserted: deployments, unrouted: deployments });
    expect(countsOf('jira')).toEqual({ read: jiraSprints, recorded: jiraSprints - 1, skipped: 1, requests: 1 });
    // Jira's range: the first sprint's start to the running sprint's last day (two weeks from its start: its 14th day).
    expect(backfills[2].until).toBe(new Date(Date.parse(story.activeSprint.startDate) + 13 * 86_400_000).toISOString().slice(0, 10));

    // The same three commands again: nothing is counted twice, no figure moves.
    const rows = { pages: await count('page_events'), deploys: await count('deploy_events'), sprints: await count('sprints') };
    for (const args of backfillCommands()) await run(...args);
    expect({ pages: await count('page_events'), deploys: await count('deploy_events'), sprints: await count('sprints') }).toEqual(rows);
    expect((await ok(FIGURES, { slug: TEAM, range })).team).toEqual(team);
    const again = (await ok(BACKFILLS)).backfills;
    const againCounts = (source: string) => Object.fromEntries(again.find((b: { source: string }) => b.source === source).counts.map((c: { name: string; value: number }) => [c.name, c.value]));
    expect(againCounts('pagerduty')).toMatchObject({ incidents, inserted: 0, updated: 0, unchanged: incidents });
    expect(againCounts('github')).toMatchObject({ deployments, inserted: 0, updated: 0, unchanged: deployments, unrouted: 0 });
  });
});
