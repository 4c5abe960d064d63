import type { Resolvers } from '../schemaTypes/resolvers';
import type { Scope } from '../core/scope';
import type { WebhookSettings } from './senders';
import { setSourceMapping, visibleMappings, visibleUnrouted } from './service';
import { webhookSources } from './webhookSources';

export const routingResolvers: Resolvers = {
  Query: {
    sourceMappings: (_: unknown, __: unknown, ctx: Scope) => visibleMappings(ctx),
    unrouted: (_: unknown, __: unknown, ctx: Scope) => visibleUnrouted(ctx),
    webhookSources: (_: unknown, __: unknown, ctx: Scope & WebhookSettings) => webhookSources(ctx, ctx.configuredWebhooks),
  },
  Mutation: {
    setSourceMapping: (_: unknown, args: { input: unknown }, ctx: Scope) => setSourceMapping(ctx.db, args.input, ctx.viewer),
  },
};
