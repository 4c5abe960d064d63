import { describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import { buildSchema } from '../../server/graphql/schema';
import { SNAPSHOT_OPERATIONS } from '../../client/graphql/snapshotOperations';
import { DATA_OPERATIONS } from '../../client/graphql/dataOperations';

// Validate with graphql's CommonJS build, the one @graphql-tools built the schema with (see operations.test.ts).
const { parse, validate } = createRequire(import.meta.url)('graphql') as typeof import('graphql');

// The snapshot and data pages' hand-written result types mirror the schema; this keeps the documents honest.
describe('snapshot and data page operations', () => {
  const schema = buildSchema();
  it.each(Object.entries({ ...SNAPSHOT_OPERATIONS, ...DATA_OPERATIONS }))('%s is valid against the server schema', (_name, op) => {
    expect(validate(schema, parse(op.document)).map((e) => e.message)).toEqual([]);
  });
});
