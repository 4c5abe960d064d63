import type { RecordProblem } from '../../graphql/request';
import type { ImportKind } from './importFormats';

/** What an import did (docs/import.md, Results and errors). */
export interface ImportResult {
  received: number;
  inserted: number;
  updated: number;
  unchanged: number;
  lines: number;
}

export type ImportOutcome =
  | { ok: true; result: ImportResult }
  | { ok: false; status: number | undefined; code: string; message: string; records: RecordProblem[] };

export const IMPORT_ENDPOINT = '/api/import';

/**
 * POSTs a CSV file to /api/import?kind=…, the file itself as the body (the server streams it; the
 * session cookie authorises). Never throws for an answer of the server: a refusal comes back as
 * `{ ok: false }` with the code, message and, for bad lines, every line's problem.
 */
export async function uploadCsv(kind: ImportKind, file: Blob, init: { signal?: AbortSignal } = {}): Promise<ImportOutcome> {
  let res: Response;
  try {
    res = await fetch(`${IMPORT_ENDPOINT}?kind=${encodeURIComponent(kind)}`, {
      method: 'POST',
      headers: { 'content-type': 'text/csv; charset=utf-8', accept: 'application/json' },
      credentials: 'same-origin',
      body: file,
      signal: init.signal,
    });
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw e;
    return {
      ok: false,
      status: undefined,
      code: 'NETWORK_ERROR',
      message: 'Could not reach the Headroom server; check your connection and try again. Nothing was imported.',
      records: [],
    };
  }
  let body: unknown;
  try {
    body = await res.json();
  } catch {
    body = undefined;
  }
  if (res.ok && isResult(body)) return { ok: true, result: body };
  const error = (body as { error?: { code?: string; message?: string; records?: RecordProblem[] } } | undefined)?.error;
  return {
    ok: false,
    status: res.status,
    code: error?.code ?? `HTTP_${res.status}`,
    message: error?.message ?? `The server answered ${res.status} ${res.statusText}`.trim() + '; nothing was imported.',
    records: Array.isArray(error?.records) ? error.records : [],
  };
}

function isResult(body: unknown): body is ImportResult {
  const b = body as Partial<ImportResult> | undefined;
  return !!b && typeof b.received === 'number' && typeof b.inserted === 'number' && typeof b.updated === 'number' && typeof b.unchanged === 'number';
}
