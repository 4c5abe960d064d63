import { parseArgs } from 'node:util';
import { setSourceMapping, visibleMappings, visibleUnrouted } from '../routing/service';
import { withDatabase } from './database';
import { SYSTEM } from '../core/viewer';
import { scopeFor } from '../core/scope';
import { out, UsageError, type Command } from './command';

export const mappingCommand: Command = {
  name: 'mapping',
  summary: 'Route webhook senders to teams: set or list source mappings, list unrouted signals',
  usage: [
    'mapping set --source pagerduty|github --key KEY --team SLUG',
    '       mapping list',
    '       mapping unrouted',
    '',
    '  KEY is a PagerDuty service (or team) id, or a GitHub repository full name owner/repo.',
    '  Setting a mapping attributes the unrouted signals it matches, in the same transaction.',
  ].join('\n'),
  async run(args) {
    const [action, ...rest] = args;
    const { values } = parseArgs({ args: rest, options: { source: { type: 'string' }, key: { type: 'string' }, team: { type: 'string' } }, strict: true });
    if (action === 'set') {
      if (!values.source || !values.key || !values.team) throw new UsageError('mapping set needs --source, --key and --team');
      return withDatabase(async (db) => {
        const m = await setSourceMapping(db, { source: values.source, key: values.key, team: values.team }, SYSTEM);
        out(`${m.source} ${m.key} → ${m.team.slug}; ${m.attributed} waiting signal(s) attributed.`);
        return 0;
      });
    }
    if (action === 'list') {
      return withDatabase(async (db) => {
        const rows = await visibleMappings(scopeFor(db));
        if (rows.length === 0) out('No source mappings.');
        for (const m of rows) out(`${m.source.padEnd(10)} ${m.key.padEnd(40)} → ${m.team.slug}`);
        return 0;
      });
    }
    if (action === 'unrouted') {
      return withDatabase(async (db) => {
        const rows = await visibleUnrouted(scopeFor(db));
        if (rows.length === 0) out('No unrouted signals.');
        for (const u of rows) out(`${u.source.padEnd(10)} ${u.key.padEnd(40)} ${String(u.count).padStart(6)} ${u.kind.toLowerCase()} signal(s), last ${u.lastSeen.toISOString()}`);
        return 0;
      });
    }
    throw new UsageError(`mapping needs an action: set, list or unrouted${action ? `; got "${action}"` : ''}`);
  },
};
