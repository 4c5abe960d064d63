import { parseArgs } from 'node:util';
import { seedDemo } from '../demo/seed';
import { withDatabase } from './database';
import { out, UsageError, type Command } from './command';

export const seedCommand: Command = {
  name: 'seed',
  summary: "Replace the demo teams' data with a fresh half year ending today",
  usage: [
    'seed',
    '',
    "  Creates (or updates) the demo teams and replaces their demo figures (source \"demo\") with a",
    '  fresh half year ending today. Other teams and other sources are left alone.',
  ].join('\n'),
  async run(args) {
    const { positionals } = parseArgs({ args, options: {}, allowPositionals: true, strict: true });
    if (positionals.length) throw new UsageError(`seed takes no arguments; got ${positionals.join(' ')}`);
    return withDatabase(async (db, where) => {
      const { teams, dailyRecords } = await seedDemo(db);
      out(`Seeded ${where}: ${teams} demo teams, ${dailyRecords.toLocaleString('en-US')} daily metrics records.`);
      return 0;
    });
  },
};
