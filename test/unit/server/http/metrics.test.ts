import { describe, it, expect } from 'vitest';
import { parse, Kind } from 'graphql';
import { DOCUMENTS } from '../../../clientDocuments';
import { KNOWN_OPERATIONS, operationLabel, routeOf } from '../../../../server/http/metrics';

function operationNames(documents: string[]): Set<string> {
  const names = new Set<string>();
  for (const document of documents) {
    for (const d of parse(document).definitions) {
      if (d.kind === Kind.OPERATION_DEFINITION && d.name) names.add(d.name.value);
    }
  }
  return names;
}

describe('metric labels', () => {
  it('knows exactly the operations the dashboard sends', () => {
    expect([...KNOWN_OPERATIONS].sort()).toEqual([...operationNames(Object.values(DOCUMENTS))].sort());
  });

  it('labels any other operation name "other", so a client cannot create series', () => {
    expect(operationLabel('Overview')).toBe('Overview');
    expect(operationLabel('Flood12345')).toBe('other');
    expect(operationLabel('constructor')).toBe('other');
    expect(operationLabel(undefined)).toBe('(anonymous)');
  });

  it.each([
    ['/graphql', 'POST', '/graphql'],
    ['/api/snapshots/2026-06-01-abc.csv', 'GET', '/api/snapshots/:file'],
    ['/teams/alpha', 'GET', '(dashboard)'],
    ['/assets/index-1234.js', 'GET', '(dashboard)'],
    ['/random-path-chosen-by-a-client', 'POST', 'other'],
    ['/api/anything', 'GET', 'other'],
    ['/graphql/extra', 'GET', 'other'],
  ])('labels %s %s as %s', (path, method, label) => {
    expect(routeOf(path, method)).toBe(label);
  });
});
