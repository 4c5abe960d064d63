// The data page's CSV import (its file name follows this session's test/component/snapshots* pattern).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { IMPORT_KINDS } from '../../server/http/importKinds';
import { IMPORT_FORMATS } from '../../client/pages/data/importFormats';
import { uploadCsv } from '../../client/pages/data/uploadCsv';

afterEach(() => vi.unstubAllGlobals());

describe('import format help', () => {
  // The help is hand-written from docs/import.md; the server's column list is the authority.
  it.each(IMPORT_FORMATS.map((f) => [f.kind, f] as const))('%s lists exactly the server’s columns, and its required ones', (kind, f) => {
    const server = IMPORT_KINDS[kind].columns;
    expect(f.columns.flatMap((c) => c.names).sort()).toEqual(Object.keys(server.types).sort());
    expect(f.columns.filter((c) => c.required).flatMap((c) => c.names).sort()).toEqual([...server.required].sort());
    expect(f.example.split('\n')[0].split(',').every((h) => h in server.types)).toBe(true);
  });
});

describe('uploadCsv', () => {
  function answer(status: number, body: unknown) {
    const fetch = vi.fn(async () => new Response(typeof body === 'string' ? body : JSON.stringify(body), { status, statusText: status === 502 ? 'Bad Gateway' : '' }));
    vi.stubGlobal('fetch', fetch);
    return fetch;
  }
  const file = new Blob(['team,date\npayments,2026-03-02\n'], { type: 'text/csv' });

  it('posts the file itself as text/csv to /api/import?kind=…, with the session cookie', async () => {
    const fetch = answer(200, { received: 1, inserted: 1, updated: 0, unchanged: 0, lines: 2 });
    expect(await uploadCsv('pages', file)).toEqual({ ok: true, result: { received: 1, inserted: 1, updated: 0, unchanged: 0, lines: 2 } });
    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/import?kind=pages');
    expect(init).toMatchObject({ method: 'POST', credentials: 'same-origin', body: file });
    expect((init.headers as Record<string, string>)['content-type']).toBe('text/csv; charset=utf-8');
  });

  it('returns every bad line of a refused file', async () => {
    const records = [{ index: 3, field: 'alerts', message: 'must be a number; got "many"' }];
    answer(400, { error: { code: 'BAD_USER_INPUT', message: '1 bad line; nothing was imported.', records } });
    expect(await uploadCsv('daily', file)).toEqual({ ok: false, status: 400, code: 'BAD_USER_INPUT', message: '1 bad line; nothing was imported.', records });
  });

  it('passes on FORBIDDEN, and makes sense of answers that are not JSON or of no answer at all', async () => {
    answer(403, { error: { code: 'FORBIDDEN', message: 'This needs the "ingest" scope.' } });
    expect(await uploadCsv('daily', file)).toMatchObject({ ok: false, status: 403, code: 'FORBIDDEN', message: 'This needs the "ingest" scope.', records: [] });
    answer(502, '<html>proxy error</html>');
    expect(await uploadCsv('daily', file)).toMatchObject({ ok: false, code: 'HTTP_502', message: 'The server answered 502 Bad Gateway; nothing was imported.' });
    vi.stubGlobal('fetch', vi.fn(async () => { throw new TypeError('Failed to fetch'); }));
    expect(await uploadCsv('daily', file)).toMatchObject({ ok: false, code: 'NETWORK_ERROR' });
  });
});
