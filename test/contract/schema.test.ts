import { describe, expect, it } from 'vitest';
import { breakingChanges, builtSdl, committedSdl } from '../../scripts/schemaContract';

describe('the published schema (schema.graphql)', () => {
  it('is what the server builds (run `npm run schema` after changing the schema)', () => {
    expect(committedSdl()).toBe(builtSdl());
  });

  it('is not broken by the server: changes add, never rename or remove', () => {
    expect(breakingChanges(committedSdl(), builtSdl())).toEqual([]);
  });

  it('the check sees a removed field and a narrowed type', () => {
    const published = 'type Query { a: Int, b: String }';
    expect(breakingChanges(published, 'type Query { a: Int! }')).toEqual([
      expect.stringMatching(/^FIELD_REMOVED: Query\.b was removed/),
    ]);
    expect(breakingChanges(published, 'type Query { a: String, b: String, c: Int }')).toEqual([
      expect.stringMatching(/^FIELD_CHANGED_KIND: Query\.a changed type from Int to String/),
    ]);
  });
});
