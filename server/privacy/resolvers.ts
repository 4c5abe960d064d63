import type { Resolvers } from '../schemaTypes/resolvers';
import type { Scope } from '../core/scope';
import { privacySetting, setOrgPrivacy } from './service';

export const privacyResolvers: Resolvers = {
  Query: {
    orgPrivacy: (_: unknown, __: unknown, ctx: Scope) => privacySetting(ctx),
  },
  Mutation: {
    setOrgPrivacy: (_: unknown, args: { input: unknown }, ctx: Scope) => setOrgPrivacy(ctx, args.input),
  },
};
