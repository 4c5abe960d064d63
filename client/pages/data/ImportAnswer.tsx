import { formatCount } from '../../lib/format';
import { FORMAT_BY_KIND, SPECIAL_FIELDS, type ImportKind } from './importFormats';
import type { ImportOutcome } from './uploadCsv';
import { ScrollArea } from '../snapshots/ScrollArea';

/** Shown problems; the server lists up to 1,000, which would bury the page. */
const SHOWN_PROBLEMS = 200;

/** An import's answer with the file it was for. */
export type ShownOutcome = ImportOutcome & { fileName: string; kind: ImportKind };

/** What an import did (its counts), or every bad line of a refused file. */
export function ImportAnswer({ outcome }: { outcome: ShownOutcome }) {
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
