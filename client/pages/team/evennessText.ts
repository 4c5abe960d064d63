import type { Evenness } from './responderOperations';
import { formatShare } from '../../lib/format';

/**
 * The evenness figures in a sentence, as the server defines them (server/kpi/evenness.ts): the
 * busiest person's share of the page hours and the Gini coefficient, with what its null means.
 * Names nobody, so it is shown even where the org hides per-person figures.
 */
export function evennessSentence(e: Evenness): string {
  if (e.people === 0) return 'No page in this range named a responder.';
  if (e.busiestShare === null) return `${e.people === 1 ? 'One person was' : `${e.people} people were`} paged, but their page hours round to nothing.`;
  if (e.gini === null) return 'One person carried all page hours (100%); evenness needs at least two people.';
  const most = (e.people - 1) / e.people;
  return (
    `The busiest person carried ${formatShare(e.busiestShare)} of page hours; evenness (Gini) ${e.gini.toFixed(2)} ` +
    `— 0 is perfectly even, ${most.toFixed(2)} would be one of these ${e.people} people carrying everything.`
  );
}
