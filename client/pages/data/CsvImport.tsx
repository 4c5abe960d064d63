import { useId, useRef, useState, type FormEvent } from 'react';
import { formatCount } from '../../lib/format';
import { FORMAT_BY_KIND, IMPORT_FORMATS, MAX_IMPORT_BYTES, SPECIAL_FIELDS, type ImportKind } from './importFormats';
import { uploadCsv, type ImportOutcome } from './uploadCsv';
import { ScrollArea } from '../snapshots/ScrollArea';

/** Shown problems; the server lists up to 1,000, which would bury the page. */
const SHOWN_PROBLEMS = 200;

/** Upload a CSV file of daily metrics, pages or deploys; shows what it did, or every bad line. */
export function CsvImport({ onImported }: { onImported(): void }) {
  const id = useId();
  const [kind, setKind] = useState<ImportKind>('daily');
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<(ImportOutcome & { fileName: string; kind: ImportKind }) | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const resultRef = useRef<HTMLDivElement>(null);
  const fileRef = useRef<HTMLInputElement>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!file) {
      setProblem('Choose a CSV file first.');
      fileRef.current?.focus();
      return;
    }
    if (file.size > MAX_IMPORT_BYTES) {
      setProblem(`The file is ${(file.size / 1024 / 1024).toFixed(1)} MB; at most 50 MB can be imported at once. Split it.`);
      fileRef.current?.focus();
      return;
    }
    setProblem(null);
    setBusy(true);
    setOutcome(null);
    const result = await uploadCsv(kind, file);
    setBusy(false);
    setOutcome({ ...result, fileName: file.name, kind });
    if (result.ok) onImported();
    // Move to the answer so it is read out, and so a long error list starts at its top.
    requestAnimationFrame(() => resultRef.current?.focus());
  }

  const format = FORMAT_BY_KIND[kind];

  return (
    <div className="card data-import">
      <form onSubmit={submit} noValidate className="data-import__form">
        <fieldset className="data-kinds">
          <legend>What the file holds</legend>
          {IMPORT_FORMATS.map((f) => (
            <label key={f.kind} className={`data-kind${kind === f.kind ? ' data-kind--on' : ''}`}>
              <input type="radio" name={`${id}-kind`} value={f.kind} checked={kind === f.kind} onChange={() => setKind(f.kind)} />
              <span>
                <strong>{f.label}</strong> <code>{f.kind}</code>
                <span className="data-kind__summary">{f.summary}</span>
              </span>
            </label>
          ))}
        </fieldset>
        <div className="field data-import__file">
          <label htmlFor={`${id}-file`}>CSV file</label>
          <input
            ref={fileRef}
            id={`${id}-file`}
            type="file"
            accept=".csv,text/csv"
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              setProblem(null);
            }}
            aria-invalid={problem ? true : undefined}
            aria-describedby={[problem ? `${id}-problem` : '', `${id}-file-hint`].filter(Boolean).join(' ')}
          />
          <p id={`${id}-file-hint`} className="data-hint">
            UTF-8, header row of column names, at most 50 MB. All or nothing: one bad line and nothing is imported.
          </p>
          {problem && (
            <p id={`${id}-problem`} className="field-error" role="alert">
              <span aria-hidden="true">⚠ </span>
              {problem}
            </p>
          )}
        </div>
        <div>
          <button type="submit" className="button" disabled={busy}>
            {busy ? 'Importing…' : `Import ${format.label.toLowerCase()}`}
          </button>
        </div>
      </form>

      <div ref={resultRef} tabIndex={-1} className="data-import__result">
        {busy && (
          <p className="updating" role="status">
            <span className="spinner spinner--small" aria-hidden="true" /> Importing…
          </p>
        )}
        {outcome && <ImportAnswer outcome={outcome} />}
      </div>

      <FormatHelp kind={kind} />
    </div>
  );
}

function ImportAnswer({ outcome }: { outcome: ImportOutcome & { fileName: string; kind: ImportKind } }) {
  if (outcome.ok) {
    const r = outcome.result;
    return (
      <div className="data-result data-result--ok" role="status" data-testid="import-result">
        <p className="data-result__title">
          <span aria-hidden="true">✓ </span>Imported {outcome.fileName} as {FORMAT_BY_KIND[outcome.kind].label.toLowerCase()}
        </p>
        <dl className="data-figures">
          {(
            [
              ['received', 'Records received', r.received],
              ['inserted', 'Inserted', r.inserted],
              ['updated', 'Updated', r.updated],
              ['unchanged', 'Unchanged', r.unchanged],
              ['lines', 'Lines in the file', r.lines],
            ] as const
          ).map(([key, label, value]) => (
            <div key={key}>
              <dt>{label}</dt>
              <dd data-testid={`import-${key}`}>{formatCount(value)}</dd>
            </div>
          ))}
        </dl>
      </div>
    );
  }
  const shown = outcome.records.slice(0, SHOWN_PROBLEMS);
  return (
    <div className="data-result data-result--error" role="alert" data-testid="import-error">
      <p className="data-result__title">
        <span aria-hidden="true">! </span>
        {outcome.records.length ? 'Nothing was imported: fix these lines and upload the file again.' : 'Nothing was imported.'}
      </p>
      <p className="data-result__message">
        {outcome.message} <code className="state__code">{outcome.code}</code>
      </p>
      {shown.length > 0 && (
        <ScrollArea label="Problems by line" className="data-errors">
          <table className="table table--compact" data-testid="import-errors">
            <caption className="sr-only">Problems by line of {outcome.fileName}; the header is line 1</caption>
            <thead>
              <tr>
                <th scope="col" className="num">
                  Line
                </th>
                <th scope="col">Column</th>
                <th scope="col">Problem</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((r, i) => (
                <tr key={i} data-testid={`import-error-${i}`}>
                  <td className="num" data-testid={`import-error-${i}-line`}>
                    {r.index}
                  </td>
                  <td data-testid={`import-error-${i}-field`}>
                    <code>{r.field}</code>
                    {SPECIAL_FIELDS[r.field] && <span className="muted"> ({SPECIAL_FIELDS[r.field]})</span>}
                  </td>
                  <td data-testid={`import-error-${i}-message`}>{r.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollArea>
      )}
      {outcome.records.length > shown.length && (
        <p className="muted">
          {formatCount(outcome.records.length - shown.length)} more problems are not shown; fix these first.
        </p>
      )}
    </div>
  );
}

function FormatHelp({ kind }: { kind: ImportKind }) {
  const f = FORMAT_BY_KIND[kind];
  const sample = `data:text/csv;charset=utf-8,${encodeURIComponent(f.example + '\n')}`;
  return (
    <details className="data-format" data-testid="import-format">
      <summary>
        Columns of a <code>{f.kind}</code> file
      </summary>
      <p>
        {f.summary} The header row names the columns with the fields of <code>{f.input}</code>, in any order; optional ones may be
        left out, and an empty cell takes the default. Timestamps need an offset (<code>2026-03-02T22:10:00Z</code>); numbers are
        plain (<code>1.5</code>, no thousands separators).
      </p>
      <ScrollArea label={`Columns of a ${f.kind} file`}>
        <table className="table table--compact">
          <caption className="sr-only">Columns of a {f.kind} CSV file</caption>
          <thead>
            <tr>
              <th scope="col">Column</th>
              <th scope="col">Required</th>
              <th scope="col">Type</th>
              <th scope="col">When empty</th>
            </tr>
          </thead>
          <tbody>
            {f.columns.map((c) => (
              <tr key={c.names.join()}>
                <th scope="row">
                  {c.names.map((n, i) => (
                    <span key={n}>
                      {i > 0 && ', '}
                      <code>{n}</code>
                    </span>
                  ))}
                </th>
                <td>{c.required ? 'yes' : 'no'}</td>
                <td>{c.type}</td>
                <td>{c.default ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollArea>
      <p>{f.rules}</p>
      <p className="data-format__example-title">Example</p>
      <pre className="data-format__example">
        <code>{f.example}</code>
      </pre>
      <p>
        <a href={sample} download={`headroom-${f.kind}-sample.csv`}>
          Download this example as a file
        </a>{' '}
        · Line numbers in errors count the header as line 1. The full rules are in <code>docs/import.md</code>.
      </p>
    </details>
  );
}
