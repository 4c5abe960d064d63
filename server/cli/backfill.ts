import { backfillPagerdutyCommand } from './backfillPagerduty';
import { backfillGithubCommand } from './backfillGithub';
import { backfillJiraCommand } from './backfillJira';
import { UsageError, type Command } from './command';

// `backfill <source> …`: one file per source, dispatched on the first argument.
const SOURCES: Command[] = [backfillPagerdutyCommand, backfillGithubCommand, backfillJiraCommand];
const SOURCE_NAMES = new Intl.ListFormat('en', { type: 'disjunction' }).format(SOURCES.map((s) => s.name));

export const backfillCommand: Command = {
  name: 'backfill',
  summary: 'Bring history in from a vendor API: PagerDuty incidents, GitHub deployments, Jira sprints',
  usage: SOURCES.map((s, i) => `${i ? '\n       ' : ''}backfill ${s.usage}`).join('\n'),
  async run(args) {
    const [name, ...rest] = args;
    const source = SOURCES.find((s) => s.name === name);
    if (!source) throw new UsageError(`backfill needs a source: ${SOURCE_NAMES}${name ? `; got "${name}"` : ''}`);
    return source.run(rest);
  },
};
