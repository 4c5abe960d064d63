import { describe, it, expect } from 'vitest';
import { createRequire } from 'node:module';
import type * as GraphQL from 'graphql';
import { makeExecutableSchema } from '@graphql-tools/schema';
import { compiledExecutor } from '../../../../server/graphql/compiledExecutor';
import { DateScalar, DateTimeScalar } from '../../../../server/graphql/scalars';
import { BadInputError } from '../../../../server/core/errors';

// graphql-js as the schema loads it (see the module's own note on its two builds).
const { execute, getOperationAST, parse } = createRequire(import.meta.url)('graphql') as typeof GraphQL;

/** Where a resolver was called from: graphql-jit's generated code, or graphql-js's interpreter. */
const caller = () => (new Error().stack?.includes('graphql-jit') ? 'compiled' : 'graphql-js');

const schema = makeExecutableSchema({
  typeDefs: /* GraphQL */ `
    scalar Date
    scalar DateTime
    enum Status { OK WARN }
    input DateRange { from: Date!, to: Date! }
    type Rule { rule: String!, value: Float }
    type Kpis { pages: Int!, opsShare: Float, status: Status!, rules: [Rule!]!, since: DateTime! }
    type Row { team: String!, kpis: Kpis!, failing: Int, broken: Int, from: Date! }
    type Query { overview(range: DateRange!): [Row!]!, caller(at: DateTime): String! }
    input Count { team: String!, pages: Int }
    type Mutation { caller: String!, record(input: [Count!]!): [String!]! }
  `,
  resolvers: {
    Date: DateScalar,
    DateTime: DateTimeScalar,
    Query: {
      overview: (_: unknown, { range }: { range: { from: string } }) =>
        ['a', 'b'].map((team, i) => ({
          team,
          from: range.from,
          kpis: { pages: i, opsShare: i ? 0.25 : null, status: i ? 'WARN' : 'OK', rules: [{ rule: 'pages', value: i }], since: new Date(Date.UTC(2026, 0, i + 1)) },
        })),
      caller,
    },
    Row: {
      failing: (row: { team: string }) => {
        if (row.team === 'b') throw new BadInputError('no figures for b', [{ index: 0, field: 'team', message: 'unknown' }]);
        return 1;
      },
      broken: (row: { team: string }) => (row.team === 'a' ? Promise.reject(new Error('connection lost')) : 2),
    },
    Mutation: {
      caller,
      record: (_: unknown, { input }: { input: { team: string; pages: number | null }[] }) => input.map((c) => `${c.team}:${c.pages ?? 'none'}:${caller()}`),
    },
  },
});

const OVERVIEW = `query Overview($range: DateRange!) {
  overview(range: $range) {
    team from failing broken
    kpis { pages opsShare status since rules { rule value } }
  }
}`;

function run(query: string, variables?: Record<string, unknown>) {
  const document = parse(query);
  const operation = getOperationAST(document) ?? undefined;
  const request = { query, variables };
  // Only what the executor reads of Apollo's request context.
  const rc = { document, operation, request, context: {} } as unknown as Parameters<ReturnType<typeof compiledExecutor>>[0];
  return { compiled: compiledExecutor(schema)(rc), interpreted: Promise.resolve(execute({ schema, document, variableValues: variables, contextValue: {} })) };
}

/** A result as Apollo sends it, its errors' original errors, and their extensions (Apollo reads `extensions.code` of each). */
const sent = async (r: Promise<GraphQL.ExecutionResult>) => {
  const result = await r;
  return { json: JSON.parse(JSON.stringify(result)), originals: result.errors?.map((e) => e.originalError), extensions: result.errors?.map((e) => e.extensions) };
};

describe('compiledExecutor', () => {
  it('answers an overview-like query as graphql-js does, resolver errors with their path, locations, code and original error', async () => {
    const { compiled, interpreted } = run(OVERVIEW, { range: { from: '2026-09-04', to: '2026-12-02' } });
    const [jit, js] = await Promise.all([sent(compiled), sent(interpreted)]);
    expect(jit.json).toEqual(js.json);
    expect(jit.json.data.overview[1]).toMatchObject({ failing: null, kpis: { status: 'WARN', since: '2026-01-02T00:00:00.000Z' } });
    expect(jit.json.errors).toEqual([
      { message: 'no figures for b', locations: [{ line: 3, column: 15 }], path: ['overview', 1, 'failing'], extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }) },
      { message: 'connection lost', locations: [{ line: 3, column: 23 }], path: ['overview', 0, 'broken'] },
    ]);
    expect(jit.originals?.[0]).toBeInstanceOf(BadInputError);
    expect(jit.originals?.[1]).toEqual(new Error('connection lost'));
    expect(jit.extensions).toEqual(js.extensions);
    expect(jit.extensions?.[1]).toEqual({});
  });

  it('refuses variables with graphql-js’s own errors, and no data', async () => {
    const { compiled, interpreted } = run(OVERVIEW, { range: { from: '2026-09-04', too: 'x' } });
    const [jit, js] = await Promise.all([sent(compiled), sent(interpreted)]);
    expect(jit.json).toEqual(js.json);
    expect(jit.json.data).toBeUndefined();
    expect(jit.json.errors.map((e: { message: string }) => e.message)).toEqual([
      expect.stringContaining('Field "to" of required type "Date!" was not provided'),
      expect.stringContaining('Field "too" is not defined by type "DateRange"'),
    ]);
  });

  it('runs queries and mutations compiled, and queries with string literals in graphql-js', async () => {
    expect(await run('query { caller }').compiled).toEqual({ data: { caller: 'compiled' } });
    expect(await run('mutation { caller }').compiled).toEqual({ data: { caller: 'compiled' } });
    expect(await run('query { caller(at: "2026-01-01T00:00:00Z") }').compiled).toEqual({ data: { caller: 'graphql-js' } });
  });

  it('coerces a mutation’s batch variable as graphql-js does, and refuses a bad one with graphql-js’s errors and no data', async () => {
    const RECORD = 'mutation Record($input: [Count!]!) { record(input: $input) }';
    // A single record where a list is expected is a list of one, as graphql-js coerces it.
    expect(await run(RECORD, { input: [{ team: 'a', pages: 2 }, { team: 'b', pages: null }] }).compiled).toEqual({ data: { record: ['a:2:compiled', 'b:none:compiled'] } });
    expect(await run(RECORD, { input: { team: 'c' } }).compiled).toEqual({ data: { record: ['c:none:compiled'] } });
    const bad = { input: [{ team: 'a', pages: 1.5 }, { team: 'b', pages: 2, extra: true }, { pages: 1 }] };
    const { compiled, interpreted } = run(RECORD, bad);
    const [jit, js] = await Promise.all([sent(compiled), sent(interpreted)]);
    expect(jit.json).toEqual(js.json);
    expect(jit.json.data).toBeUndefined();
    expect(jit.json.errors.map((e: { message: string }) => e.message)).toEqual([
      expect.stringContaining('at "input[0].pages"; Int cannot represent non-integer value: 1.5'),
      expect.stringContaining('at "input[1]"; Field "extra" is not defined by type "Count"'),
      expect.stringContaining('at "input[2]"; Field "team" of required type "String!" was not provided'),
    ]);
  });
});
