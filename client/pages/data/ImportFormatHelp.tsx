import { FORMAT_BY_KIND, type ImportKind } from './importFormats';
import { ScrollArea } from '../snapshots/ScrollArea';

/** The columns, rules and an example of the chosen kind of CSV file, with the example to download. */
export function ImportFormatHelp({ kind }: { kind: ImportKind }) {
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
