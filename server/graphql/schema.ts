import { makeExecutableSchema } from '@graphql-tools/schema';
import { baseTypeDefs } from './baseSchema';
import { DateScalar, DateTimeScalar } from './scalars';
import { refuseInvalidScalars } from './scalarErrors';
import { teamsTypeDefs } from '../teams/schema';
import { teamsResolvers } from '../teams/resolvers';
import { ingestTypeDefs } from '../ingest/schema';
import { ingestResolvers } from '../ingest/resolvers';
import { kpiTypeDefs } from '../kpi/schema';
import { kpiResolvers } from '../kpi/resolvers';
import { planningTypeDefs } from '../planning/schema';
import { planningResolvers } from '../planning/resolvers';
import { snapshotsTypeDefs } from '../snapshots/schema';
import { snapshotsResolvers } from '../snapshots/resolvers';
import { authTypeDefs } from '../auth/schema';
import { authResolvers } from '../auth/resolvers';
import { routingTypeDefs } from '../routing/schema';
import { routingResolvers } from '../routing/resolvers';

/** The whole schema: each domain brings its SDL and its resolvers. */
export function buildSchema() {
  const schema = makeExecutableSchema({
    typeDefs: [baseTypeDefs, teamsTypeDefs, ingestTypeDefs, kpiTypeDefs, planningTypeDefs, snapshotsTypeDefs, routingTypeDefs, authTypeDefs],
    resolvers: [
      { Date: DateScalar, DateTime: DateTimeScalar, Query: { ok: () => true } },
      teamsResolvers,
      ingestResolvers,
      kpiResolvers,
      planningResolvers,
      snapshotsResolvers,
      authResolvers,
      routingResolvers,
    ],
  });
  return refuseInvalidScalars(schema);
}
