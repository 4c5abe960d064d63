import { parseArgs } from 'node:util';
import { backfillPagerDuty, type PagerDutyProgress } from '../backfill/pagerduty';
import { PagerDutyApiError, PagerDutyAuthError, PagerDutyClient, PAGERDUTY_API_URL } from '../backfill/pagerdutyClient';
import { BadInputError } from '../core/errors';
import { withDatabase } from './database';
import { out, err, CliError, UsageError, type Command } from './command';

const n = (x: number) => x.toLocaleString('en-US');

export const backfillPagerdutyCommand: Command = {
  name: 'pagerduty',
  summary: 'Incidents of a date range, as pages (resumable)',
  usage: [
    'pagerduty --since YYYY-MM-DD [--until YYYY-MM-DD]',
    '',
    '  --since   first day (UTC) of incidents to read, by when they were triggered',
    '  --until   last day (UTC), inclusive; default: up to now',
    '',
    '  PAGERDUTY_API_KEY   a PagerDuty REST API key (a read-only one is enough); never printed',
    `  PAGERDUTY_API_URL   default ${PAGERDUTY_API_URL}`,
    '',
    '  Incidents become the pages the PagerDuty webhook writes (same source and id: never counted',
    '  twice), routed by the source mappings; unmapped services wait under `mapping unrouted`.',
    '  An interrupted run continues where it stopped when run again with the same dates.',
  ].join('\n'),
  async run(args) {
    const { values, positionals } = parseArgs({ args, options: { since: { type: 'string' }, until: { type: 'string' } }, strict: true, allowPositionals: true });
    if (positionals.length) throw new UsageError(`backfill pagerduty takes no arguments besides its options; got "${positionals[0]}"`);
    if (!values.since) throw new UsageError('--since is required: the first day to read, YYYY-MM-DD');
    const apiKey = process.env.PAGERDUTY_API_KEY?.trim();
    if (!apiKey) throw new CliError('PAGERDUTY_API_KEY is not set: create a REST API key in PagerDuty (Integrations › API Access Keys; read-only is enough) and set it in the environment.');
    const baseUrl = process.env.PAGERDUTY_API_URL?.trim() || PAGERDUTY_API_URL;
    try {
      new URL(baseUrl);
    } catch {
      throw new CliError(`PAGERDUTY_API_URL is not a URL: "${baseUrl}"`);
    }

    const progress = progressLine();
    const client = new PagerDutyClient({ apiKey, baseUrl, onWait: (ms, why) => progress.note(`${why}: waiting ${Math.ceil(ms / 1000)} s`) });
    return withDatabase(async (db, where) => {
      try {
        const r = await backfillPagerDuty(db, { since: values.since!, until: values.until ?? null }, { client, onProgress: progress.show });
        progress.done();
        const c = r.counts;
        out(`${r.resumed ? 'Resumed and finished' : 'Finished'} the PagerDuty backfill of ${r.since.toISOString().slice(0, 10)} to ${r.until.toISOString()} into ${where}:`);
        out(`  ${n(c.incidents)} incidents read; pages ${n(c.inserted)} inserted, ${n(c.updated)} updated, ${n(c.unchanged)} unchanged.`);
        if (c.unrouted) out(`  ${n(c.unrouted)} pages are unrouted: see \`headroom mapping unrouted\`, then \`headroom mapping set --source pagerduty --key SERVICE_ID --team SLUG\`.`);
        if (c.skipped) out(`  ${n(c.skipped)} incidents could not be pages and were skipped: ${c.skippedIds.join(', ')}${c.skipped > c.skippedIds.length ? ', …' : ''}.`);
        return 0;
      } catch (e) {
        progress.done();
        if (e instanceof BadInputError) throw new UsageError(e.message);
        if (e instanceof PagerDutyAuthError) throw new CliError(e.message);
        if (e instanceof PagerDutyApiError) throw new CliError(`${e.message}\nWhat was read so far is kept; run the same command again to continue.`);
        throw e;
      }
    });
  },
};

/** On a terminal, one line rewritten in place: incidents read, pages written, rate. Elsewhere, nothing. */
function progressLine() {
  const tty = process.stderr.isTTY;
  let shown = false;
  return {
    show(p: PagerDutyProgress) {
      if (!tty) return;
      process.stderr.write(`\r\x1b[2K  ${n(p.incidents)} incidents read, ${n(p.inserted + p.updated)} pages written, ${p.rate.toFixed(1)} incidents/s`);
      shown = true;
    },
    note(line: string) {
      if (!tty) return;
      process.stderr.write(`\r\x1b[2K  ${line}`);
      shown = true;
    },
    done() {
      if (shown) err('');
      shown = false;
    },
  };
}
