import { describe, it, expect } from 'vitest';
import { Readable } from 'node:stream';
import { readCsv, CsvTooLargeError, type CsvColumns, type CsvLine } from '../../../../server/ingest/csvRecords';
import { BadInputError } from '../../../../server/core/errors';

const columns: CsvColumns = {
  types: { team: 'text', date: 'text', service: 'text', alerts: 'number', pageHours: 'number' },
  required: ['team', 'date'],
};

async function read(text: string | Buffer, opts: { maxBytes?: number } = {}) {
  const stats = { lines: 0 };
  const lines: CsvLine[] = [];
  // Split into small chunks so records straddle chunk boundaries, as they do from a socket.
  const buf = Buffer.isBuffer(text) ? text : Buffer.from(text, 'utf8');
  const parts = Array.from({ length: Math.ceil(buf.length / 7) }, (_, i) => buf.subarray(i * 7, i * 7 + 7));
  for await (const l of readCsv(Readable.from(parts), columns, { ...opts, stats })) lines.push(l);
  return { lines, total: stats.lines };
}

describe('readCsv', () => {
  it('reads BOM, CRLF, RFC 4180 quoting; empty cells are omitted fields', async () => {
    const { lines, total } = await read('\uFEFFteam,date,service,alerts,pageHours\r\nalpha,2026-03-02,"billing, eu",3,\r\n"al""pha",2026-03-03,,,1.5\r\n');
    expect(total).toBe(3);
    expect(lines).toEqual([
      { line: 2, record: { team: 'alpha', date: '2026-03-02', service: 'billing, eu', alerts: 3 }, errors: [] },
      { line: 3, record: { team: 'al"pha', date: '2026-03-03', pageHours: 1.5 }, errors: [] },
    ]);
  });

  it('numbers lines physically: blank lines are skipped but counted, quoted line breaks too', async () => {
    const { lines, total } = await read('team,date\n\nalpha,2026-03-02\n"a\nb",2026-03-03\n  \n,\nbeta,2026-03-04\n');
    expect(lines.map((l) => l.line)).toEqual([3, 4, 8]);
    expect(total).toBe(8);
  });

  it.each([
    ['12', 12], [' 7 ', 7], ['-1', -1], ['1.5', 1.5], ['.5', 0.5], ['1e3', 1000], ['+2', 2],
  ])('converts the number %j', async (cell, value) => {
    const { lines } = await read(`team,date,alerts\nalpha,2026-03-02,${cell}\n`);
    expect(lines[0].record?.alerts).toBe(value);
  });

  it.each(['abc', '1,5', '0x10', 'Infinity', 'NaN', '1 2', '--1'])('refuses the non-number %j naming line and field', async (cell) => {
    const { lines } = await read(`team,date,alerts\nalpha,2026-03-02,"${cell}"\n`);
    expect(lines[0]).toEqual({ line: 2, errors: [{ index: 2, field: 'alerts', message: `must be a number; got ${JSON.stringify(cell)}` }] });
  });

  it('reports a wrong cell count and an empty required cell on their lines', async () => {
    const { lines } = await read('team,date,alerts\nalpha,2026-03-02\n,2026-03-02,1\nalpha,2026-03-02,1,9\n');
    expect(lines.map((l) => l.errors)).toEqual([
      [{ index: 2, field: '(line)', message: 'has 2 cells; the header has 3' }],
      [{ index: 3, field: 'team', message: 'is required; the cell is empty' }],
      [{ index: 4, field: '(line)', message: 'has 4 cells; the header has 3' }],
    ]);
  });

  it('refuses unknown, duplicate and missing required headers at once', async () => {
    const e = await read('team,bogus,team\n').catch((x) => x);
    expect(e).toBeInstanceOf(BadInputError);
    expect(e.records).toEqual([
      { index: 1, field: 'bogus', message: 'unknown column "bogus"; the columns are team, date, service, alerts, pageHours' },
      { index: 1, field: 'team', message: 'column "team" appears twice' },
      { index: 1, field: 'date', message: 'required column "date" is missing' },
    ]);
  });

  it('fills defaults for empty cells and missing columns', async () => {
    const stats = { lines: 0 };
    const withDefault = { ...columns, types: { ...columns.types, source: 'text' as const }, defaults: { source: 'csv' } };
    const lines: CsvLine[] = [];
    for await (const l of readCsv(Readable.from(['team,date,source\nalpha,2026-03-02,\nalpha,2026-03-03,pd\n']), withDefault, { stats })) lines.push(l);
    expect(lines.map((l) => l.record?.source)).toEqual(['csv', 'pd']);
  });

  it('refuses a header that only an object prototype knows', async () => {
    const e = await read('team,date,constructor\n').catch((x) => x);
    expect(e.records).toEqual([{ index: 1, field: 'constructor', message: expect.stringContaining('unknown column "constructor"') }]);
  });

  it('refuses an empty file', async () => {
    await expect(read('')).rejects.toThrow('The file is empty');
  });

  it('ends with one error line at broken quoting', async () => {
    const { lines } = await read('team,date\nalpha,2026-03-02\nal"pha,2026-03-03\nbeta,2026-03-04\n');
    const last = lines.at(-1)!;
    expect(last.errors[0]).toMatchObject({ index: 3, field: '(csv)' });
    expect(last.errors[0].message).toContain('the rest of the file was not read');
    expect(lines.some((l) => l.line === 4)).toBe(false);
  });

  it('stops reading past the size limit', async () => {
    await expect(read(`team,date\n${'alpha,2026-03-02\n'.repeat(100)}`, { maxBytes: 500 })).rejects.toBeInstanceOf(CsvTooLargeError);
  });
});
