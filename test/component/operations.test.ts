import { describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import { buildSchema } from '../../server/graphql/schema';
import { DOCUMENTS } from '../clientDocuments';

// The schema is built by @graphql-tools, which Node loads with graphql's CommonJS build; validate
// with that same build (a plain import here would get the ES build, a "different realm" to graphql).
const { parse, validate } = createRequire(import.meta.url)('graphql') as typeof import('graphql');

// Codegen checks the documents against schema.graphql and types their results; this checks them
// against the schema the server actually builds, as the dashboard sends them (fragments included).
describe('client operations', () => {
  const schema = buildSchema();
  it('are all there', () => {
    expect(Object.keys(DOCUMENTS).length).toBeGreaterThanOrEqual(18);
  });
  it.each(Object.entries(DOCUMENTS))('%s is valid against the server schema', (_name, document) => {
    expect(validate(schema, parse(document)).map((e) => e.message)).toEqual([]);
  });
});
