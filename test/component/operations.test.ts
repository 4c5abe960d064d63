import { describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import { buildSchema } from '../../server/graphql/schema';
import { ALL_OPERATIONS } from '../../client/graphql/operations';
import { PLANNING_OPERATIONS } from '../../client/pages/planning/operations';

// The schema is built by @graphql-tools, which Node loads with graphql's CommonJS build; validate
// with that same build (a plain import here would get the ES build, a "different realm" to graphql).
const { parse, validate } = createRequire(import.meta.url)('graphql') as typeof import('graphql');

// The client's hand-written result types mirror the schema; this keeps the documents honest.
describe('client operations', () => {
  const schema = buildSchema();
  it.each(Object.entries({ ...ALL_OPERATIONS, ...PLANNING_OPERATIONS }))('%s is valid against the server schema', (_name, op) => {
    expect(validate(schema, parse(op.document)).map((e) => e.message)).toEqual([]);
  });
});
