import { makeExecutableSchema } from '@graphql-tools/schema';
import { mapSchema, MapperKind } from '@graphql-tools/utils';
import type { GraphQLNonNull, GraphQLNullableType, GraphQLOutputType, GraphQLSchema } from 'graphql';
import type { Resolvers } from '../schemaTypes/resolvers';
import { baseTypeDefs } from './baseSchema';
import { DateScalar, DateTimeScalar } from './scalars';
import { refuseInvalidScalars } from './scalarErrors';
import { teamsTypeDefs } from '../teams/schema';
import { teamsResolvers } from '../teams/resolvers';
import { ingestTypeDefs } from '../ingest/schema';
import { ingestResolvers } from '../ingest/resolvers';
import { kpiTypeDefs } from '../figures/schema';
import { kpiResolvers } from '../figures/resolvers';
import { planningTypeDefs } from '../planning/schema';
import { planningResolvers } from '../planning/resolvers';
import { snapshotsTypeDefs } from '../snapshots/schema';
import { snapshotsResolvers } from '../snapshots/resolvers';
import { authTypeDefs } from '../auth/schema';
import { authResolvers } from '../auth/resolvers';
import { routingTypeDefs } from '../routing/schema';
import { routingResolvers } from '../routing/resolvers';
import { backfillTypeDefs } from '../backfillRuns/schema';
import { backfillResolvers } from '../backfillRuns/resolvers';
import { privacyTypeDefs } from '../privacy/schema';
import { privacyResolvers } from '../privacy/resolvers';
import { groupsTypeDefs } from '../groups/schema';
import { groupsResolvers } from '../groups/resolvers';
import { groupOverviewTypeDefs } from '../figures/groupOverviewSchema';
import { groupOverviewResolvers } from '../figures/groupOverviewResolvers';
import { notificationsTypeDefs } from '../notifications/schema';
import { notificationsResolvers } from '../notifications/resolvers';

const baseResolvers: Resolvers = { Date: DateScalar, DateTime: DateTimeScalar, Query: { ok: () => true } };

/** The whole schema: each domain brings its SDL and its resolvers. */
export function buildSchema() {
  const schema = nullableMutations(makeExecutableSchema({
    typeDefs: [baseTypeDefs, teamsTypeDefs, ingestTypeDefs, kpiTypeDefs, planningTypeDefs, snapshotsTypeDefs, routingTypeDefs, authTypeDefs, backfillTypeDefs, privacyTypeDefs, groupsTypeDefs, groupOverviewTypeDefs, notificationsTypeDefs],
    resolvers: [
      baseResolvers,
      teamsResolvers,
      ingestResolvers,
      kpiResolvers,
      planningResolvers,
      snapshotsResolvers,
      authResolvers,
      routingResolvers,
      backfillResolvers,
      privacyResolvers,
      groupsResolvers,
      groupOverviewResolvers,
      notificationsResolvers,
    ],
  }));
  return refuseInvalidScalars(schema);
}

/**
 * Mutation results are nullable, whatever the SDL says: GraphQL nulls the nearest nullable parent
 * of a failed non-null field, so one failed mutation in a request of several would null the whole
 * `data` and hide the results of those already written (and stop the rest). Nullable, each failed
 * mutation is null with its error (and path) while the others show what they wrote.
 */
function nullableMutations(schema: GraphQLSchema): GraphQLSchema {
  return mapSchema(schema, {
    // Read by its printed form, not isNonNullType: under vitest the schema's types may come from
    // graphql's other module build (CommonJS vs ESM), which instanceof checks do not recognise.
    [MapperKind.MUTATION_ROOT_FIELD]: (field) => (String(field.type).endsWith('!') ? { ...field, type: (field.type as GraphQLNonNull<GraphQLNullableType & GraphQLOutputType>).ofType } : field),
  });
}
