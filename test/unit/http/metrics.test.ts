import { describe, it, expect } from 'vitest';
import { parse, Kind } from 'graphql';
import * as overview from '../../../client/graphql/operations';
import * as data from '../../../client/graphql/dataOperations';
import * as snapshots from '../../../client/graphql/snapshotOperations';
import * as planning from '../../../client/pages/planning/operations';
import { KNOWN_OPERATIONS, operationLabel, routeOf } from '../../../server/http/metrics';

function operationNames(modules: object[]): Set<string> {
  const names = new Set<string>();
  for (const m of modules) {
    for (const v of Object.values(m)) {
      if (!v || typeof v !== 'object' || typeof (v as { document?: unknown }).document !== 'string') continue;
      for (const d of parse((v as { document: string }).document).definitions) {
        if (d.kind === Kind.OPERATION_DEFINITION && d.name) names.add(d.name.value);
      }
    }
  }
  return names;
}

describe('metric labels', () => {
  it('knows exactly the operations the dashboard sends', () => {
    expect([...KNOWN_OPERATIONS].sort()).toEqual([...operationNames([overview, data, snapshots, planning])].sort());
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
