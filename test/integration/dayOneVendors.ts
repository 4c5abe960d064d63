import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { DateTime } from 'luxon';

/**
 * Half a year of vendor answers made from a small seed (test/fixtures/dayone/history.json), dated
 * back from today so its sprints are always the last half year's. Every object is a recorded
 * answer of test/fixtures/{pagerduty,github,jira} (shaped as the vendor documents it, links in
 * those folders' READMEs) with only its ids, names and times replaced: test/fixtures/dayone/README.md.
 * The files are written in the formats fakePagerDuty.ts and recordedApi.ts serve.
 */

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures');
const readJson = (file: string) => JSON.parse(fs.readFileSync(path.join(FIXTURES, file), 'utf8'));
const clone = <T>(v: T): T => structuredClone(v);

type PageSeed = [day: number, utc: string, minutes: number, urgency?: 'low'];
type DeploySeed = [day: number, utc: string, state: 'success' | 'failure', environment?: string];
interface Seed {
  team: { slug: string; name: string; timezone: string; members: number };
  pagerduty: { service: { id: string; name: string }; team: { id: string; name: string }; unmapped: { id: string; name: string; team: { id: string; name: string } } };
  github: { repository: string; id: number };
  jira: { board: number; prefix: string };
  sprints: { goal: string; pages: PageSeed[]; deploys: DeploySeed[] }[];
  activeSprint: { goal: string };
  futureSprint: { goal: string };
  unmappedPages: [sprint: number, ...PageSeed][];
}

export const SEED: Seed = readJson('dayone/history.json');

/** A finished sprint of the story, with what its team's figures must come to. */
export interface StorySprint {
  name: string;
  startDate: string;
  endDate: string;
  /** The mapped service's pages: minutes from trigger to resolve. */
  pageMinutes: number[];
  productionDeploys: number;
  failedDeploys: number;
}

export interface Story {
  /** The first day of the first sprint: every backfill's --since. */
  since: string;
  sprints: StorySprint[];
  activeSprint: { name: string; startDate: string };
  files: { pagerduty: string; github: string; jira: string };
  /** Recorded-API routes ("path?query" → file names) for recordedApi.ts. */
  routes: { github: Record<string, string[]>; jira: Record<string, string[]> };
  counts: { incidents: number; unmappedIncidents: number; deployments: number; jiraSprints: number };
}

const day = (d: string, n: number) => DateTime.fromISO(d, { zone: 'UTC' }).plus({ days: n }).toISODate()!;
const at = (date: string, n: number, utc: string) => `${day(date, n)}T${utc}:00Z`;
const plusMinutes = (iso: string, m: number) => new Date(Date.parse(iso) + m * 60_000).toISOString().replace('.000Z', 'Z');

/**
 * Writes the three vendors' answers under `dir` for a story whose running sprint started on the
 * Monday before `today` (so the newest finished sprint has ended even on a Monday morning).
 */
export function writeDayOneVendors(dir: string, today = new Date()): Story {
  const yesterday = DateTime.fromJSDate(today, { zone: 'UTC' }).minus({ days: 1 });
  const activeStart = yesterday.minus({ days: yesterday.weekday - 1 }).toISODate()!;
  const n = SEED.sprints.length;
  const sprints: StorySprint[] = SEED.sprints.map((s, i) => {
    const startDate = day(activeStart, -14 * (n - i));
    const production = s.deploys.filter((d) => (d[3] ?? 'production') === 'production');
    return {
      name: `${SEED.jira.prefix} ${i + 1}`, startDate, endDate: day(startDate, 13),
      pageMinutes: s.pages.map((p) => p[2]),
      productionDeploys: production.length, failedDeploys: production.filter((d) => d[2] === 'failure').length,
    };
  });
  const files = { pagerduty: path.join(dir, 'pagerduty'), github: path.join(dir, 'github'), jira: path.join(dir, 'jira') };
  for (const f of Object.values(files)) fs.mkdirSync(f, { recursive: true });

  const incidents = writePagerDuty(files.pagerduty, sprints);
  const github = writeGitHub(files.github, sprints);
  const jira = writeJira(files.jira, sprints, activeStart);
  return {
    since: sprints[0].startDate,
    sprints,
    activeSprint: { name: `${SEED.jira.prefix} ${n + 1}`, startDate: activeStart },
    files,
    routes: { github: github.routes, jira: jira.routes },
    counts: { incidents: incidents.mapped + incidents.unmapped, unmappedIncidents: incidents.unmapped, deployments: github.deployments, jiraSprints: jira.sprints },
  };
}

// ---- PagerDuty REST API v2: incidents.json and log_entries/<id>.json, as fakePagerDuty.ts serves them.

const PD_API = 'https://api.pagerduty.com';
const PD_WEB = 'https://headroom-demo.pagerduty.com';

function writePagerDuty(dir: string, sprints: StorySprint[]) {
  // A resolved incident and one incident's log entries of each type, as recorded.
  const template = (readJson('pagerduty/rest/incidents.json') as { id: string }[]).find((i) => i.id === 'Q1PAYLOW')!;
  const entries = readJson('pagerduty/rest/log_entries/Q3HDRM7.json') as { type: string }[];
  const entryOf = (type: string) => entries.find((e) => e.type === type)!;
  const { service, team, unmapped } = SEED.pagerduty;
  const made: { id: string; created_at: string }[] = [];
  fs.mkdirSync(path.join(dir, 'log_entries'), { recursive: true });

  const add = (sprintIndex: number, [d, utc, minutes, urgency]: PageSeed, svc: { id: string; name: string }, pdTeam: { id: string; name: string }) => {
    const number = 5001 + made.length;
    const id = `QDAY${String(number).padStart(5, '0')}`;
    const triggered = at(sprints[sprintIndex].startDate, d, utc);
    const acknowledged = plusMinutes(triggered, Math.min(5, minutes));
    const resolved = plusMinutes(triggered, minutes);
    const title = `${svc.name}: error rate above 2%`;
    const serviceRef = { id: svc.id, type: 'service_reference', summary: svc.name, self: `${PD_API}/services/${svc.id}`, html_url: `${PD_WEB}/service-directory/${svc.id}` };
    const teamRef = { id: pdTeam.id, type: 'team_reference', summary: pdTeam.name, self: `${PD_API}/teams/${pdTeam.id}`, html_url: `${PD_WEB}/teams/${pdTeam.id}` };
    const incidentRef = { id, type: 'incident_reference', summary: `[#${number}] ${title}`, self: `${PD_API}/incidents/${id}`, html_url: `${PD_WEB}/incidents/${id}` };
    const entry = (type: string, suffix: string, createdAt: string) => ({
      ...clone(entryOf(type)), id: `R${id}${suffix}`, self: `${PD_API}/log_entries/R${id}${suffix}`, html_url: `${PD_WEB}/incidents/${id}/log_entries/R${id}${suffix}`,
      created_at: createdAt, service: serviceRef, incident: incidentRef, teams: [teamRef],
    });
    // Newest first, as "List log entries for an incident" answers.
    const log = [entry('resolve_log_entry', 'RES', resolved), entry('acknowledge_log_entry', 'ACK', acknowledged), entry('notify_log_entry', 'NTF', plusMinutes(triggered, 1)),
      entry('assign_log_entry', 'ASG', triggered), entry('trigger_log_entry', 'TRG', triggered)];
    fs.writeFileSync(path.join(dir, 'log_entries', `${id}.json`), JSON.stringify(log, null, 1));
    made.push({
      ...clone(template), id, incident_number: number, summary: incidentRef.summary, title, description: title,
      self: incidentRef.self, html_url: incidentRef.html_url, created_at: triggered, updated_at: resolved, status: 'resolved',
      incident_key: `${id.toLowerCase()}-dedup-key`, service: serviceRef, teams: [teamRef], urgency: urgency ?? 'high',
      last_status_change_at: resolved, resolved_at: resolved,
      first_trigger_log_entry: { ...clone((template as unknown as { first_trigger_log_entry: object }).first_trigger_log_entry), id: `R${id}TRG`, self: `${PD_API}/log_entries/R${id}TRG?incident_id=${id}`, html_url: `${PD_WEB}/incidents/${id}/log_entries/R${id}TRG` },
    } as { id: string; created_at: string });
  };
  SEED.sprints.forEach((s, i) => s.pages.forEach((p) => add(i, p, service, team)));
  const mapped = made.length;
  for (const [sprint, ...p] of SEED.unmappedPages) add(sprint, p, unmapped, unmapped.team);
  fs.writeFileSync(path.join(dir, 'incidents.json'), JSON.stringify(made, null, 1));
  return { mapped, unmapped: made.length - mapped };
}

// ---- GitHub REST API: { status, headers, body } files, as recordedApi.ts serves them.

function writeGitHub(dir: string, sprints: StorySprint[]) {
  const { repository, id: repoId } = SEED.github;
  const deployment = readJson('github/deployments.page1.json').body[0];
  const succeeded = readJson('github/statuses.1003.json').body as { state: string }[];
  const failed = readJson('github/statuses.1001.json').body as { state: string }[];
  const commit = readJson('github/commit.c3a1f9e0b5d24c7e8a6f1b2d3e4f5a6b7c8d9e0f.json').body;
  const headers = readJson('github/repository.json').headers as Record<string, string>;
  const routes: Record<string, string[]> = {};
  const answer = (route: string, name: string, body: unknown) => {
    fs.writeFileSync(path.join(dir, `${name}.json`), JSON.stringify({ status: 200, headers, body }, null, 1));
    routes[route] = [name];
  };
  // A wrong token gets GitHub's recorded 401.
  fs.copyFileSync(path.join(FIXTURES, 'github/error.bad-credentials.json'), path.join(dir, 'error.bad-credentials.json'));
  const repo = `/repos/${repository}`;
  answer(repo, 'repository', { ...readJson('github/repository.json').body, id: repoId, full_name: repository, name: repository.split('/')[1] });

  const list: unknown[] = [];
  let number = 2000;
  SEED.sprints.forEach((s, i) => s.deploys.forEach(([d, utc, state, environment = 'production']) => {
    const id = ++number;
    const created = at(sprints[i].startDate, d, utc);
    const sha = createHash('sha1').update(`${repository}#${id}`).digest('hex');
    const url = `{{base}}${repo}/deployments/${id}`;
    list.push({
      ...clone(deployment), url, id, node_id: Buffer.from(`010:Deployment${id}`).toString('base64'), sha, description: `Deploy v3.${id - 2000}.0`,
      environment, original_environment: environment, production_environment: environment === 'production',
      created_at: created, updated_at: created, statuses_url: `${url}/statuses`, repository_url: `{{base}}${repo}`,
    });
    // Newest first: the final state, then in_progress (and queued for a success), as recorded.
    const recorded = state === 'success' ? succeeded : failed.filter((x) => x.state !== 'inactive');
    const times = state === 'success' ? [12, 1, 0] : [9, 1];
    answer(`${repo}/deployments/${id}/statuses?per_page=100`, `statuses.${id}`, recorded.map((x, k) => ({
      ...clone(x), id: id * 10 + k, url: `${url}/statuses/${id * 10 + k}`, environment, deployment_url: url, repository_url: `{{base}}${repo}`,
      target_url: `https://ci.example.com/deploys/${id}`, log_url: `https://ci.example.com/deploys/${id}`,
      created_at: plusMinutes(created, times[k]), updated_at: plusMinutes(created, times[k]),
    })));
    // The deployed commit: merged three hours before the deployment was created.
    answer(`${repo}/commits/${sha}`, `commit.${sha}`, {
      ...clone(commit), sha, url: `{{base}}${repo}/commits/${sha}`, html_url: `https://github.com/${repository}/commit/${sha}`,
      commit: { ...clone(commit.commit), committer: { ...commit.commit.committer, date: plusMinutes(created, -180) }, author: { ...commit.commit.author, date: plusMinutes(created, -600) }, message: `Merge pull request #${id} from acme/sprint-${i + 1}` },
    });
  }));
  // One page (the backfill asks per_page=100), newest first.
  list.reverse();
  answer(`${repo}/deployments?per_page=100`, 'deployments', list);
  return { routes, deployments: list.length };
}

// ---- Jira Software Agile REST API: one page of the board's sprints.

function writeJira(dir: string, sprints: StorySprint[], activeStart: string) {
  const page = readJson('jira/sprints.page1.json');
  const template = page.body.values[0];
  const { board, prefix } = SEED.jira;
  const berlin = (date: string, time: string) => DateTime.fromISO(`${date}T${time}`, { zone: SEED.team.timezone }).toISO()!;
  const sprint = (i: number, fields: Record<string, unknown>) => ({
    ...clone(template), id: 301 + i, self: `{{base}}/rest/agile/1.0/sprint/${301 + i}`, name: `${prefix} ${i + 1}`, originBoardId: board, ...fields,
  });
  const values = [
    // Closed the morning the next one starts (Jira's usual rhythm; the backfill cuts it back a day).
    ...sprints.map((s, i) => sprint(i, {
      state: 'closed', goal: SEED.sprints[i].goal, startDate: berlin(s.startDate, '09:00'), activatedDate: berlin(s.startDate, '09:00'),
      endDate: berlin(day(s.endDate, 1), '09:00'), completeDate: berlin(day(s.endDate, 1), '09:30'),
    })),
    sprint(sprints.length, { state: 'active', goal: SEED.activeSprint.goal, startDate: berlin(activeStart, '09:00'), activatedDate: berlin(activeStart, '09:00'), endDate: berlin(day(activeStart, 14), '09:00'), completeDate: undefined }),
    // A future sprint has no dates yet.
    sprint(sprints.length + 1, { state: 'future', goal: SEED.futureSprint.goal, startDate: undefined, endDate: undefined, completeDate: undefined, activatedDate: undefined }),
  ];
  fs.copyFileSync(path.join(FIXTURES, 'jira/error.unauthorized.json'), path.join(dir, 'error.unauthorized.json'));
  fs.writeFileSync(path.join(dir, 'sprints.json'), JSON.stringify({ ...page, body: { maxResults: 50, startAt: 0, isLast: true, values } }, null, 1));
  return { routes: { [`/rest/agile/1.0/board/${board}/sprint?maxResults=50&startAt=0&state=closed,active,future`]: ['sprints'] }, sprints: values.length };
}
