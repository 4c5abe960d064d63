import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { Readable } from 'node:stream';
import http from 'node:http';
import { DB_KINDS, startTestServer, type TestServer } from './harness';
import { importCsv } from '../../server/ingest/csvImport';
import { SYSTEM } from '../../server/core/viewer';
import { CsvTooLargeError } from '../../server/ingest/csvRecords';
import { INGEST_KINDS } from '../../server/ingest/kinds';

const KPIS = `query($slug: String!, $range: DateRange!) { team(slug: $slug) { kpis(range: $range) {
  alerts pages pageHours businessPageHours offHoursPageHours sleepPageHours sleepInterruptions
  deploys failedDeploys changeFailureRate toilHours } } }`;

/** Lines of generated daily metrics for team beta: a distinct (date, source) per line. */
function* dailyLines(from: number, to: number, bad?: (i: number) => string | undefined): Generator<string> {
  for (let i = from; i < to; i++) {
    const day = new Date(Date.UTC(2020, 0, 1) + (i % 1000) * 86_400_000).toISOString().slice(0, 10);
    yield bad?.(i) ?? `beta,${day},gen${Math.floor(i / 1000)},${i % 7},${i % 3}\n`;
  }
}

/** A file produced line by line as it is sent: never one giant string. */
function generated(lines: number, bad?: (i: number) => string | undefined): Readable {
  return Readable.from((function* () {
    yield 'team,date,source,alerts,toilHours\n';
    // Batch lines into ~64 KB pieces so the stream is not a million tiny writes.
    let piece = '';
    for (const line of dailyLines(0, lines, bad)) {
      piece += line;
      if (piece.length > 65_536) {
        yield piece;
        piece = '';
      }
    }
    if (piece) yield piece;
  })());
}

describe.each(DB_KINDS)('CSV import on %s', (dbKind) => {
  let s: TestServer;
  const count = async () => Number((await s.db('daily_metrics').count('* as n').first())!.n);

  /** POSTs a CSV body; a Readable is streamed (chunked, no Content-Length). */
  async function post(kind: string, body: string | Buffer | Readable, contentType = 'text/csv') {
    const streamed = body instanceof Readable;
    const res = await fetch(`${s.url}/api/import?kind=${kind}`, {
      method: 'POST',
      headers: { 'content-type': contentType, ...s.auth },
      body: streamed ? (Readable.toWeb(body) as ReadableStream) : body,
      ...(streamed ? { duplex: 'half' } : {}),
    } as RequestInit);
    return { status: res.status, body: await res.json() };
  }

  beforeAll(async () => {
    s = await startTestServer(dbKind);
    const res = await s.gql(`mutation { upsertTeams(input: [{ slug: "alpha", name: "Alpha", timezone: "Europe/Berlin" }, { slug: "beta", name: "Beta" }]) { slug } }`);
    expect(res.errors).toBeUndefined();
  });
  afterAll(() => s?.close());

  it('imports daily metrics with an exact IngestResult, and the KPIs show the figures', async () => {
    const csv = [
      'team,date,source,service,alerts,pages,pageHours,offHoursPageHours,sleepPageHours,sleepInterruptions,deploys,failedDeploys,toilHours',
      'alpha,2026-03-02,csv,,10,2,3,0.5,1,1,4,1,2',
      'alpha,2026-03-02,pagerduty,,5,,,,,,,,',
      'alpha,2026-03-03,csv,billing,1,,,,,,1,,',
    ].join('\n');
    const first = await post('daily', csv);
    expect(first).toEqual({ status: 200, body: { received: 3, inserted: 3, updated: 0, unchanged: 0, lines: 4 } });

    const again = await post('daily', 'team,date,source,alerts\nalpha,2026-03-02,pagerduty,7\nalpha,2026-03-03,csv,1\n');
    expect(again.body).toEqual({ received: 2, inserted: 1, updated: 1, unchanged: 0, lines: 3 });
    const same = await post('daily', 'team,date,source,service,alerts,deploys\nalpha,2026-03-03,csv,billing,1,1\n');
    expect(same.body).toEqual({ received: 1, inserted: 0, updated: 0, unchanged: 1, lines: 2 });

    const kpis = await s.gql(KPIS, { slug: 'alpha', range: { from: '2026-03-01', to: '2026-03-31' } });
    expect(kpis.errors).toBeUndefined();
    expect(kpis.data.team.kpis).toEqual({
      alerts: 19, pages: 2, pageHours: 3, businessPageHours: 1.5, offHoursPageHours: 0.5, sleepPageHours: 1,
      sleepInterruptions: 1, deploys: 5, failedDeploys: 1, changeFailureRate: 0.2, toilHours: 2,
    });
  });

  it('answers (500, nothing imported) when rows fail in the database after the whole body was read', async () => {
    // A constraint the validation does not know stands in for any failure of the write itself.
    await s.db.raw('ALTER TABLE daily_metrics ADD CONSTRAINT test_fail_after_read CHECK (alerts <> 4242)');
    try {
      const before = await count();
      const res = await fetch(`${s.url}/api/import?kind=daily`, {
        method: 'POST',
        headers: { 'content-type': 'text/csv', ...s.auth },
        body: 'team,date,source,alerts\nalpha,2026-05-01,csv,1\nalpha,2026-05-02,csv,4242\n',
        signal: AbortSignal.timeout(20_000),
      });
      expect(res.status).toBe(500);
      expect(await res.json()).toEqual({ error: { code: 'INTERNAL_SERVER_ERROR', message: 'Internal server error; nothing was imported.', requestId: expect.any(String) } });
      expect(await count()).toBe(before);
    } finally {
      await s.db.raw('ALTER TABLE daily_metrics DROP CONSTRAINT test_fail_after_read');
    }
  });

  it('reads RFC 4180 quoting, a BOM and CRLF line ends', async () => {
    const csv = '\uFEFFteam,"date",service,source,alerts\r\nalpha,2026-04-01,"billing, eu",csv,1\r\n\r\n"alpha",2026-04-01,"say ""hi""",csv,"2"\r\n';
    const res = await post('daily', Buffer.from(csv, 'utf8'), 'text/csv; charset=utf-8');
    expect(res).toEqual({ status: 200, body: { received: 2, inserted: 2, updated: 0, unchanged: 0, lines: 4 } });
    const rows = await s.db('daily_metrics').where({ date: '2026-04-01' }).orderBy('service').select('service', 'alerts');
    expect(rows).toEqual([{ service: 'billing, eu', alerts: 1 }, { service: 'say "hi"', alerts: 2 }]);
  });

  it('refuses a file with a bad line in the middle, naming the line, and writes nothing', async () => {
    const before = await count();
    // Line i+2 holds record i: line 7,002 is bad, after a first chunk of 5,000 was written.
    const res = await post('daily', generated(12_000, (i) => (i === 7_000 ? 'beta,2026-01-01,gen,lots,0\n' : undefined)));
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('BAD_USER_INPUT');
    expect(res.body.error.records).toEqual([{ index: 7_002, field: 'alerts', message: 'must be a number; got "lots"' }]);
    expect(res.body.error.message).toBe('1 bad line in the daily metrics CSV file; nothing was imported. First: line 7002, alerts: must be a number; got "lots".');
    expect(await count()).toBe(before);
  });

  it('lists every bad line with its line number, kinds of error mixed', async () => {
    const csv = [
      'team,date,alerts,deploys,failedDeploys',
      'alpha,2026-05-01,1,,',
      'nobody,2026-05-01,1,,',
      'alpha,2026-05-02,1,1,2',
      'alpha,2026-05-01,2,,',
      'alpha,2026-02-30,1,,',
      'alpha,2026-05-03,1',
    ].join('\r\n');
    const res = await post('daily', csv);
    expect(res.status).toBe(400);
    expect(res.body.error.records).toEqual([
      { index: 3, field: 'team', message: 'no team with slug "nobody"' },
      { index: 4, field: 'failedDeploys', message: 'must not exceed deploys (1)' },
      { index: 5, field: 'date', message: 'duplicates the key of line 2' },
      { index: 6, field: 'date', message: 'must be a real date written YYYY-MM-DD' },
      { index: 7, field: '(line)', message: 'has 3 cells; the header has 5' },
    ]);
  });

  it('refuses a key repeated in a later chunk', async () => {
    const before = await count();
    // Record 5,500 (line 5,502) repeats record 1 (line 3), 5,000 lines apart: different chunks.
    const res = await post('daily', generated(6_000, (i) => (i === 5_500 ? [...dailyLines(1, 2)][0] : undefined)));
    expect(res.status).toBe(400);
    expect(res.body.error.records).toEqual([{ index: 5_502, field: '(key)', message: 'duplicates the key of line 3' }]);
    expect(await count()).toBe(before);
  });

  it('caps the list of problems and says how many more', async () => {
    const res = await post('daily', generated(1_500, () => 'alpha,2026-05-01,x,y,0\n'));
    expect(res.status).toBe(400);
    expect(res.body.error.records).toHaveLength(1_000);
    expect(res.body.error.records[999]).toEqual({ index: 1_001, field: 'alerts', message: 'must be a number; got "y"' });
    expect(res.body.error.message).toContain('1500 bad lines');
    expect(res.body.error.message).toContain('Only the first 1000 problems are listed; 500 more were not.');
  });

  it('refuses an unknown header, naming it', async () => {
    const res = await post('daily', 'team,date,alertz\nalpha,2026-05-01,1\n');
    expect(res.status).toBe(400);
    expect(res.body.error.records).toEqual([
      { index: 1, field: 'alertz', message: expect.stringContaining('unknown column "alertz"; the columns are team, date, source, service, alerts,') },
    ]);
  });

  it('refuses an unknown kind, a non-CSV body and broken quoting', async () => {
    const unknown = await post('bogus', 'team,date\n');
    expect(unknown.status).toBe(400);
    expect(unknown.body.error).toMatchObject({ code: 'BAD_USER_INPUT', message: expect.stringContaining('kind must be one of daily') });
    expect((await post('daily', '{}', 'application/json')).status).toBe(415);
    const broken = await post('daily', 'team,date\nalpha,2026-05-01\n"alpha,2026-05-02\n');
    expect(broken.status).toBe(400);
    expect(broken.body.error.records).toEqual([{ index: 3, field: '(csv)', message: expect.stringContaining('Quote Not Closed') }]);
  });

  it('refuses a body announced over 50 MB before reading it', async () => {
    const { status, body } = await new Promise<{ status: number; body: any }>((resolve, reject) => {
      const req = http.request(`${s.url}/api/import?kind=daily`, {
        method: 'POST',
        headers: { 'content-type': 'text/csv', 'content-length': String(60 * 1024 * 1024), ...s.auth },
      }, (res) => {
        let text = '';
        res.on('data', (c) => (text += c));
        res.on('end', () => resolve({ status: res.statusCode!, body: JSON.parse(text) }));
      });
      req.on('error', reject);
      req.write('team,date\n');
    });
    expect(status).toBe(413);
    expect(body.error.message).toContain('larger than 50 MB');
  });

  it('stops a stream at the size limit and writes nothing', async () => {
    const before = await count();
    await expect(importCsv(s.db, INGEST_KINDS.daily, generated(2_000), SYSTEM, { maxBytes: 10_000 })).rejects.toBeInstanceOf(CsvTooLargeError);
    expect(await count()).toBe(before);
  });

  it('imports pages and deploys, timestamps checked by their kinds and reported on their lines', async () => {
    const pages = [
      'source,externalId,team,service,urgency,triggeredAt,acknowledgedAt,resolvedAt',
      'pagerduty,P1,alpha,billing,high,2026-03-02T23:10:00+01:00,2026-03-02T23:15:00+01:00,',
      'pagerduty,P2,alpha,,LOW,2026-03-03T10:00:00Z,,2026-03-03T11:30:00Z',
    ].join('\r\n');
    expect(await post('pages', pages)).toEqual({ status: 200, body: { received: 2, inserted: 2, updated: 0, unchanged: 0, lines: 3 } });
    const resolved = await post('pages', 'source,externalId,team,triggeredAt,resolvedAt\npagerduty,P1,alpha,2026-03-02T22:10:00Z,2026-03-03T00:40:00Z\n');
    expect(resolved.body).toMatchObject({ received: 1, updated: 1, lines: 2 });
    const noOffset = await post('pages', 'externalId,team,triggeredAt\nP3,alpha,2026-03-04T10:00:00\n');
    expect(noOffset.status).toBe(400);
    expect(noOffset.body.error.records).toEqual([{ index: 2, field: 'triggeredAt', message: expect.stringContaining('offset') }]);

    const deploys = [
      'source,externalId,team,service,environment,deployedAt,status,leadTimeSeconds',
      'github,D1,alpha,billing,production,2026-03-02T12:00:00Z,SUCCEEDED,3600',
      'github,D2,alpha,billing,production,2026-03-03T12:00:00Z,FAILED,',
      'github,D3,alpha,billing,staging,2026-03-03T12:00:00Z,broken,1h',
    ].join('\n');
    const refused = await post('deploys', deploys);
    expect(refused.status).toBe(400);
    expect(refused.body.error.records).toEqual([{ index: 4, field: 'leadTimeSeconds', message: 'must be a number; got "1h"' }]);
    const ok = await post('deploys', deploys.split('\n').slice(0, 3).join('\n'));
    expect(ok).toEqual({ status: 200, body: { received: 2, inserted: 2, updated: 0, unchanged: 0, lines: 3 } });
  });

  // 100,000 lines stream through in well under 20 s on PostgreSQL; PGlite (one connection,
  // WebAssembly) is slower, so it gets 20,000 — still four chunks and the same code path.
  const big = dbKind === 'postgres' ? 100_000 : 20_000;
  it(`imports a ${big.toLocaleString('en-US')}-line file by streaming`, { timeout: 120_000 }, async () => {
    const before = await s.db('daily_metrics').where('source', 'like', 'gen%').count('* as n').first();
    expect(Number(before!.n)).toBe(0);
    const records = big - 1; // plus the header: `big` lines
    const res = await post('daily', generated(records));
    expect(res).toEqual({ status: 200, body: { received: records, inserted: records, updated: 0, unchanged: 0, lines: big } });
    const after = await s.db('daily_metrics').where('source', 'like', 'gen%').count('* as n').first();
    expect(Number(after!.n)).toBe(records);
  });
});
