import type { ResponderFigures } from './responderOperations';
import { evennessSentence } from './evennessText';
import { formatCount, formatHours } from '../../lib/format';

/** How to get responders in, for a range whose pages name nobody. */
export function RecordResponders({ unnamed }: { unnamed: number }) {
  return (
    <>
      <p className="state__title">
        {unnamed > 0 ? `${formatCount(unnamed)} page${unnamed === 1 ? '' : 's'} in this range named no responder` : 'No page in this range named a responder'}
      </p>
      <p className="state__text" data-testid="pager-how-to">
        Record who carried each page: <code>responders</code> in <code>recordPages</code> (GraphQL), a <code>responders</code> column in the pages
        CSV (names or emails separated by <code>;</code>), or connect PagerDuty, whose assignees arrive with its webhooks and backfill.
      </p>
    </>
  );
}

/**
 * Who carried the team's pages over the range: the evenness figures in words, then per person
 * (heaviest first, as the server sorts them) page hours with a bar against the busiest, sleep
 * interruptions and off-hours and sleep hours — or, where the org hides them, why not.
 */
export function PagerLoad({ figures }: { figures: ResponderFigures }) {
  const { people, evenness, pagesWithoutResponders } = figures;
  const max = Math.max(0, ...(people ?? []).map((p) => p.pageHours));
  return (
    <>
      <p className="pager-sentence" data-testid="pager-evenness">{evennessSentence(evenness)}</p>
      {people === null || people === undefined ? (
        <p className="notice" role="status" data-testid="pager-hidden">
          <span aria-hidden="true">ℹ </span>Per-person figures are hidden by the org (Org defaults → Privacy). How evenly the load falls, which
          names nobody, is still shown.
        </p>
      ) : (
        <div className="table-scroll" role="region" aria-labelledby="pager-caption" tabIndex={0}>
          <table className="table table--pager">
            <caption id="pager-caption" className="sr-only">
              Page load per person, most page hours first
            </caption>
            <thead>
              <tr>
                <th scope="col">Person</th>
                <th scope="col" className="num">Page hours</th>
                <th scope="col" className="num">Pages</th>
                <th scope="col" className="num">Sleep interruptions</th>
                <th scope="col" className="num">Off-hours page hours</th>
                <th scope="col" className="num">Sleep page hours</th>
              </tr>
            </thead>
            <tbody>
              {people.map((p) => (
                <tr key={p.person} data-testid="pager-person">
                  <th scope="row">{p.person}</th>
                  <td className="num">
                    <span className="inline-bar" aria-hidden="true">
                      <span style={{ width: `${max > 0 ? (p.pageHours / max) * 100 : 0}%` }} />
                    </span>
                    <span data-testid="pager-person-hours">{formatHours(p.pageHours)}</span>
                  </td>
                  <td className="num">{formatCount(p.pages)}</td>
                  <td className="num" data-testid="pager-person-sleep">{formatCount(p.sleepInterruptions)}</td>
                  <td className="num">{formatHours(p.offHoursPageHours)}</td>
                  <td className="num">{formatHours(p.sleepPageHours)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p className="muted small" data-testid="pager-note">
        A page counts in full for each of its responders, so two people woken by one page both carry its hours.
        {pagesWithoutResponders > 0 &&
          ` ${formatCount(pagesWithoutResponders)} page${pagesWithoutResponders === 1 ? '' : 's'} in this range named no responder and ${pagesWithoutResponders === 1 ? 'is' : 'are'} in no one’s row.`}
      </p>
    </>
  );
}
