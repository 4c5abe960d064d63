import type { ApolloServerOptionsWithGateway, BaseContext } from '@apollo/server';
import type * as GraphQL from 'graphql';
import type { DocumentNode, GraphQLError as GraphQLErrorType, GraphQLSchema, SourceLocation } from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';
import { createRequire } from 'node:module';

// graphql-js as the schema, Apollo and graphql-jit load it: through Node's resolution, which picks
// its CommonJS build. Imported here, vitest would hand this module the ESM build, whose execute,
// variable coercion and GraphQLError refuse (or fail instanceof against) the other build's objects.
const { BREAK, execute, getVariableValues, GraphQLError, visit } = createRequire(import.meta.url)('graphql') as typeof GraphQL;

type Gateway = ApolloServerOptionsWithGateway<BaseContext>['gateway'];
type Executor = NonNullable<Awaited<ReturnType<Gateway['load']>>['executor']>;

/**
 * Operations run as JavaScript compiled for their document (graphql-jit) instead of being
 * interpreted field by field by graphql-js: a computed 200-team overview resolves ~12,000 fields,
 * and graphql-js spent ~38 ms of its ~220 ms on them (docs/performance.md, issue 19).
 *
 * Apollo Server 5 takes no executor option; a gateway is its one way to supply one. This gateway
 * serves our own schema, loaded once: Apollo still parses, validates, resolves the operation and
 * runs every plugin exactly as before, and hands execution only to the function below.
 *
 * Mutations run compiled too (graphql-jit runs their fields one after another, as graphql-js
 * does): its variable parsing is code generated for the operation, ~0.4 µs a daily-metrics record
 * against graphql-js's ~6 µs, which was a fifth of the server's time per ingested record
 * (docs/performance.md). Subscriptions, and documents graphql-jit cannot compile or that this
 * module keeps away from it (see `compilable`), run in graphql-js's `execute` as they did.
 */
export function compiledExecutorGateway(schema: GraphQLSchema): Gateway {
  let onLoad: Parameters<Gateway['onSchemaLoadOrUpdate']>[0] | undefined;
  return {
    onSchemaLoadOrUpdate(callback) {
      onLoad = callback;
      return () => {
        onLoad = undefined;
      };
    },
    async load() {
      onLoad?.({ apiSchema: schema, coreSupergraphSdl: '' });
      return { executor: compiledExecutor(schema) };
    },
    async stop() {},
  };
}

/** Compiled queries of a document by operation name ('' when unnamed); null: run in graphql-js. */
type Compiled = Map<string, CompiledQuery | null>;

/** The executor itself, exported for its tests. */
export function compiledExecutor(schema: GraphQLSchema): Executor {
  // Apollo hands the same DocumentNode for the same query text (its bounded document store), so
  // the compiled queries live as long as Apollo keeps the document and no longer.
  const compiled = new WeakMap<DocumentNode, Compiled>();
  const compiledFor = (document: DocumentNode, operationName: string | undefined): CompiledQuery | null => {
    let byName = compiled.get(document);
    if (!byName) compiled.set(document, (byName = new Map()));
    const name = operationName ?? '';
    if (!byName.has(name)) {
      const query = compilable(document) ? compileQuery(schema, document, operationName) : null;
      byName.set(name, query && isCompiledQuery(query) ? query : null);
    }
    return byName.get(name) ?? null;
  };

  return async ({ document, operation, request, context }) => {
    const query = operation && operation.operation !== 'subscription' ? compiledFor(document, request.operationName) : null;
    const interpreted = () => execute({ schema, document, contextValue: context, variableValues: request.variables, operationName: request.operationName });
    if (!query || !operation) return interpreted();
    const result = await query.query(undefined, context, request.variables);
    if (!('data' in result)) {
      // graphql-jit refused the variables (it answers without data only then, before running any
      // resolver). graphql-js decides which are refused, with its messages: a 400, and the records
      // formatError reads from them. Both accept the same values, so this runs for bad input only;
      // should graphql-js accept what graphql-jit refused, the operation runs there.
      const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], request.variables ?? {}, { maxErrors: 50 });
      return coerced.errors ? { errors: coerced.errors } : interpreted();
    }
    return result.errors ? { ...result, errors: result.errors.map((e) => asGraphQLError(e, document)) } : result;
  };
}

/**
 * graphql-jit parses literal arguments and variable defaults once, at compile time, and writes
 * them into the generated code as JSON: a DateTime would arrive as a string and a Date or DateTime
 * it could not read would lose its InvalidScalar class (graphql/scalars.ts), which is how such
 * input is refused with its records. Literals of those scalars are strings, so a document with
 * any string literal runs in graphql-js; the dashboard's operations pass everything as variables.
 */
function compilable(document: DocumentNode): boolean {
  let strings = false;
  visit(document, {
    StringValue() {
      strings = true;
      return BREAK;
    },
  });
  return !strings;
}

/**
 * graphql-jit's errors are its own GraphQLError, whose `extensions` is undefined without an
 * original error's (Apollo reads `extensions.code` of every error). Rebuilt as graphql-js builds
 * a resolver's error: same message, locations, path, original error and its extensions.
 */
function asGraphQLError(e: GraphQLErrorType, document: DocumentNode): GraphQLErrorType {
  const source = document.loc?.source;
  const positions = source && e.locations?.map((l) => positionOf(source.body, l));
  return new GraphQLError(e.message, { source, positions, path: e.path, originalError: e.originalError });
}

/** The character offset of a line and column (1-based) in a document, as graphql-js counts lines. */
function positionOf(body: string, { line, column }: SourceLocation): number {
  const lineBreak = /\r\n|[\n\r]/g;
  let start = 0;
  for (let l = 1; l < line; l++) {
    const m = lineBreak.exec(body);
    if (!m) break;
    start = m.index + m[0].length;
  }
  return start + column - 1;
}
