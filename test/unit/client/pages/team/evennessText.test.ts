import { describe, it, expect } from 'vitest';
import { evennessSentence } from '../../../../../client/pages/team/evennessText';

describe('evennessSentence', () => {
  it.each([
    ['nobody named', { people: 0, personPageHours: 0, busiestShare: null, gini: null }, 'No page in this range named a responder.'],
    ['hours that round to nothing', { people: 2, personPageHours: 0, busiestShare: null, gini: null }, '2 people were paged, but their page hours round to nothing.'],
    ['one person, no hours', { people: 1, personPageHours: 0, busiestShare: null, gini: null }, 'One person was paged, but their page hours round to nothing.'],
    ['one person carried it all', { people: 1, personPageHours: 5, busiestShare: 1, gini: null }, 'One person carried all page hours (100%); evenness needs at least two people.'],
    [
      'the README example',
      { people: 4, personPageHours: 24, busiestShare: 0.5, gini: 0.3333 },
      'The busiest person carried 50% of page hours; evenness (Gini) 0.33 — 0 is perfectly even, 0.75 would be one of these 4 people carrying everything.',
    ],
    [
      'a share with a decimal',
      { people: 3, personPageHours: 13, busiestShare: 0.4615, gini: 0.3077 },
      'The busiest person carried 46.2% of page hours; evenness (Gini) 0.31 — 0 is perfectly even, 0.67 would be one of these 3 people carrying everything.',
    ],
  ])('%s', (_, evenness, sentence) => {
    expect(evennessSentence(evenness)).toBe(sentence);
  });
});
