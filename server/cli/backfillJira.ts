import { parseArgs } from 'node:util';
import { BadInputError, NotFoundError } from '../core/errors';
import { scopeFor } from '../core/scope';
import { JiraApiError, JiraClient } from '../backfill/jiraClient';
import { backfillJiraSprints } from '../backfill/jiraSprints';
import { withDatabase } from './database';
import { CliError, err, out, UsageError, type Command } from './command';

export const backfillJiraCommand: Command = {
  name: 'jira',
  summary: "The closed, active and future sprints of a Jira Software board, as a team's sprints",
  usage: [
    'jira --board ID --team SLUG',
    '',
    "  Reads the board's sprints (Agile REST API) and records them as the team's sprints, all or",
    '  nothing; re-running updates them. A new past sprint is judged by the guardrail version in',
    '  force when it started. JIRA_URL (https://your-domain.atlassian.net), JIRA_EMAIL and',
    '  JIRA_API_TOKEN are read from the environment.',
  ].join('\n'),
  async run(args) {
    const { values, positionals } = parseArgs({ args, options: { board: { type: 'string' }, team: { type: 'string' } }, allowPositionals: true, strict: true });
    if (positionals.length) throw new UsageError(`backfill jira takes options only; got ${positionals.join(' ')}`);
    if (!values.board || !/^\d+$/.test(values.board)) throw new UsageError(`--board must be a board id (a number)${values.board ? `; got "${values.board}"` : ''}`);
    if (!values.team) throw new UsageError('--team is required: the slug of the team the sprints belong to');
    const missing = ['JIRA_URL', 'JIRA_EMAIL', 'JIRA_API_TOKEN'].filter((v) => !process.env[v]);
    if (missing.length) throw new UsageError(`${missing.join(', ')} ${missing.length > 1 ? 'are' : 'is'} not set: the Jira site, and the account email with an API token`);
    let baseUrl: URL;
    try {
      baseUrl = new URL(process.env.JIRA_URL!);
    } catch {
      throw new UsageError('JIRA_URL must be the site address, e.g. https://your-domain.atlassian.net');
    }
    const client = new JiraClient({ baseUrl: baseUrl.href, email: process.env.JIRA_EMAIL!, apiToken: process.env.JIRA_API_TOKEN!, onWait: (m) => err(m) });
    return withDatabase(async (db, where) => {
      try {
        const s = await backfillJiraSprints(scopeFor(db), client, values.board!, values.team!);
        out(`Backfilled Jira board ${s.board} into team "${s.team}" (${where}): ${s.read} sprints read, ${s.sprints.length} recorded, ${s.skipped.length} skipped.`);
        for (const sp of s.sprints) out(`  ${sp.name.padEnd(30)} ${sp.startDate} – ${sp.endDate}`);
        for (const k of s.skipped) out(`  skipped ${k.name}: ${k.reason}`);
        return 0;
      } catch (e) {
        if (e instanceof JiraApiError || e instanceof NotFoundError) throw new CliError(`${e.message} Nothing was recorded.`);
        if (e instanceof BadInputError) {
          err(`${e.message} Nothing was recorded.`);
          for (const r of e.records) err(`  ${r.message} (${r.field})`);
          return 1;
        }
        throw e;
      }
    });
  },
};
