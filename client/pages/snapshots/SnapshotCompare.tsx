import { useId, useMemo, useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { DataPanel } from '../../components/DataPanel';
import { SNAPSHOT_DIFF, SNAPSHOTS, type DiffSide, type SnapshotDiff, type SnapshotRange, type SnapshotSummary } from '../../graphql/snapshotOperations';
import { useQuery } from '../../lib/useQuery';
import { StatusBadge } from '../../components/StatusBadge';
import { describeDelta, formatDateTime, formatDay, formatKpiValue, kpiLabel } from './snapshotFormat';
import { ScrollArea } from './ScrollArea';

export const NOW = 'now';
/** Snapshots offered to compare with; older ones are a link away (?compare=<id>). */
const CHOICES = 100;

/**
 * Compare this snapshot with another one or with the current figures (same range and teams).
 * The choice lives in the URL (?compare=now|<id>), so a comparison can be shared as a link.
 */
export function SnapshotCompare({ snapshot }: { snapshot: SnapshotSummary }) {
  const id = useId();
  const [params, setParams] = useSearchParams();
  const compare = params.get('compare');
  const list = useQuery(SNAPSHOTS, useMemo(() => ({ first: CHOICES }), []));
  const others = (list.data?.snapshots.edges ?? []).map((e) => e.node).filter((n) => n.id !== snapshot.id);
  const [choice, setChoice] = useState(compare ?? NOW);

  function submit(e: FormEvent) {
    e.preventDefault();
    setParams(
      (p) => {
        const next = new URLSearchParams(p);
        next.set('compare', choice);
        return next;
      },
      { replace: true },
    );
  }

  const other = compare && compare !== NOW ? others.find((o) => o.id === compare) : undefined;
  // The server puts the older snapshot "before" whichever was opened; ?order=reversed swaps them.
  const reversed = params.get('order') === 'reversed';
  const pair = compare ? { a: snapshot.id, b: compare === NOW ? null : compare } : null;

  function swap() {
    setParams(
      (p) => {
        const next = new URLSearchParams(p);
        if (reversed) next.delete('order');
        else next.set('order', 'reversed');
        return next;
      },
      { replace: true },
    );
  }

  return (
    <section className={`section snap-compare${pair ? '' : ' no-print'}`} aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>Compare</h2>
      <form className="toolbar snap-compare__form no-print" onSubmit={submit}>
        <div className="field">
          <label htmlFor={`${id}-with`}>Compare with</label>
          <select id={`${id}-with`} value={choice} onChange={(e) => setChoice(e.target.value)} aria-describedby={`${id}-hint`}>
            <option value={NOW}>Now: current figures for the same range and teams</option>
            {compare && compare !== NOW && !other && <option value={compare}>Snapshot {compare}</option>}
            {others.map((o) => (
              <option key={o.id} value={o.id}>
                {o.label} ({o.range.from} – {o.range.to}, {formatDateTime(o.createdAt)})
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button">
          Compare
        </button>
        <p id={`${id}-hint`} className="snap-compare__hint muted">
          {list.error ? `Other snapshots couldn’t be listed (${list.error.message}); “now” still works.` : 'Lists the KPIs that moved, per team.'}
        </p>
      </form>
      {pair && <DiffResult a={pair.a} b={pair.b} reversed={reversed && pair.b !== null} onSwap={swap} />}
    </section>
  );
}

function DiffResult({ a, b, reversed, onSwap }: { a: string; b: string | null; reversed: boolean; onSwap(): void }) {
  const diff = useQuery(SNAPSHOT_DIFF, useMemo(() => ({ a, b, reversed }), [a, b, reversed]));
  return (
    <DataPanel query={diff} what="the comparison" minHeight={120}>
      {(d) => <DiffTable diff={d.snapshotDiff} onSwap={b === null ? undefined : onSwap} />}
    </DataPanel>
  );
}

const side = (s: { label: string } | null) => (s ? `“${s.label}”` : 'now');

/** What one side covers: "Mar 1 – Mar 31, 2026 · made Apr 2, 10:00" (now: the same range, current figures). */
function sideDetail(s: DiffSide | null, range: SnapshotRange): string {
  const dates = `${formatDay(range.from)} – ${formatDay(range.to)}`;
  return s ? `${dates} · made ${formatDateTime(s.createdAt)}` : `${dates} · current figures`;
}

export function DiffTable({ diff, onSwap }: { diff: SnapshotDiff; onSwap?: () => void }) {
  const beforeName = side(diff.before);
  const afterName = side(diff.after);
  const backwards = diff.after !== null && diff.after.createdAt < diff.before.createdAt;
  const moved = diff.teams.filter((t) => t.changes.length > 0 || t.presence !== 'BOTH' || t.statusBefore !== t.statusAfter).length;
  return (
    <div data-testid="snapshot-diff">
      <p className="snap-compare__summary" role="status">
        From {beforeName} to {afterName}: {moved === 0 ? 'nothing moved.' : `${moved} of ${diff.teams.length} team${diff.teams.length === 1 ? '' : 's'} changed.`}
        {backwards && ' (newer first: read backwards in time)'}
      </p>
      {onSwap && (
        <button type="button" className="button button--secondary no-print" onClick={onSwap} data-testid="diff-swap">
          <span aria-hidden="true">⇄ </span>Swap before and after
        </button>
      )}
      <ScrollArea label="Changes per team">
        <table className="table table--compact snap-diff">
          <caption className="sr-only">
            KPIs that moved per team, from {beforeName} (before) to {afterName} (after)
          </caption>
          <thead>
            <tr>
              <th scope="col">KPI</th>
              <th scope="col" className="num" data-testid="diff-before-header">
                Before <span className="snap-diff__side">{beforeName}</span>
                <span className="snap-diff__range">{sideDetail(diff.before, diff.before.range)}</span>
              </th>
              <th scope="col" className="num" data-testid="diff-after-header">
                After <span className="snap-diff__side">{afterName}</span>
                <span className="snap-diff__range">{sideDetail(diff.after, diff.after?.range ?? diff.before.range)}</span>
              </th>
              <th scope="col" className="num">
                Change
              </th>
            </tr>
          </thead>
          {diff.teams.map((t) => (
            <tbody key={t.team} data-testid={`diff-team-${t.team}`}>
              <tr className="snap-diff__team">
                <th scope="colgroup" colSpan={4}>
                  <span className="snap-diff__name">{t.name}</span>{' '}
                  {t.presence === 'ONLY_BEFORE' && <span className="muted">only in {beforeName}</span>}
                  {t.presence === 'ONLY_AFTER' && <span className="muted">only in {afterName}</span>}
                  {t.presence === 'BOTH' && t.statusBefore && t.statusAfter && (
                    <span className="snap-diff__status">
                      <span className="sr-only">status </span>
                      <StatusBadge status={t.statusBefore} />
                      {t.statusBefore !== t.statusAfter ? (
                        <>
                          <span aria-hidden="true"> → </span>
                          <span className="sr-only"> became </span>
                          <StatusBadge status={t.statusAfter} />
                        </>
                      ) : (
                        <span className="muted"> (unchanged)</span>
                      )}
                    </span>
                  )}
                </th>
              </tr>
              {t.changes.length === 0 ? (
                <tr>
                  <td colSpan={4} className="muted">
                    No KPI changed.
                  </td>
                </tr>
              ) : (
                t.changes.map((c) => {
                  const d = describeDelta(c.kpi, c.delta);
                  const tid = `diff-${t.team}-${c.kpi}`;
                  return (
                    <tr key={c.kpi} data-testid={tid}>
                      <th scope="row">{kpiLabel(c.kpi)}</th>
                      <td className="num" data-testid={`${tid}-before`}>
                        {formatKpiValue(c.kpi, c.before)}
                      </td>
                      <td className="num" data-testid={`${tid}-after`}>
                        {formatKpiValue(c.kpi, c.after)}
                      </td>
                      <td className={`num snap-delta snap-delta--${d.direction}`} data-testid={`${tid}-delta`} data-direction={d.direction}>
                        {d.arrow && <span aria-hidden="true">{d.arrow} </span>}
                        <span aria-hidden="true">{d.short}</span>
                        <span className="sr-only">{d.spoken}</span>
                      </td>
                    </tr>
                  );
                })
              )}
            </tbody>
          ))}
        </table>
      </ScrollArea>
    </div>
  );
}
