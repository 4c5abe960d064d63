import { useId, useRef, useState, type FormEvent } from 'react';
import { FORMAT_BY_KIND, IMPORT_FORMATS, MAX_IMPORT_BYTES, type ImportKind } from './importFormats';
import { uploadCsv } from './uploadCsv';
import { ImportAnswer, type ShownOutcome } from './ImportAnswer';
import { ImportFormatHelp } from './ImportFormatHelp';
import { FieldError } from '../../components/FieldError';

/** Upload a CSV file of daily metrics, pages, deploys or sprints; shows what it did, or every bad line. */
export function CsvImport({ onImported }: { onImported(): void }) {
  const id = useId();
  const [kind, setKind] = useState<ImportKind>('daily');
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<ShownOutcome | null>(null);
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
          <FieldError id={`${id}-problem`} text={problem} />
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

      <ImportFormatHelp kind={kind} />
    </div>
  );
}
