import type { Resolvers } from '../schemaTypes/resolvers';
import type { Scope } from '../core/scope';
import { createChannel, deleteChannel, notificationChannels, notificationDeliveries, sendTestNotification, subscribe, unsubscribe, updateChannel } from './service';

export const notificationsResolvers: Resolvers = {
  Query: {
    notificationChannels: (_: unknown, __: unknown, ctx: Scope) => notificationChannels(ctx),
    notificationDeliveries: (_: unknown, args: { last?: number | null }, ctx: Scope) => notificationDeliveries(ctx, args.last ?? undefined),
  },
  Mutation: {
    createNotificationChannel: (_: unknown, args, ctx: Scope) => createChannel(ctx, args.input),
    updateNotificationChannel: (_: unknown, args, ctx: Scope) => updateChannel(ctx, args.id, args.input),
    deleteNotificationChannel: (_: unknown, args, ctx: Scope) => deleteChannel(ctx, args.id),
    subscribeNotifications: (_: unknown, args, ctx: Scope) => subscribe(ctx, args.input),
    unsubscribeNotifications: (_: unknown, args, ctx: Scope) => unsubscribe(ctx, args.id),
    sendTestNotification: (_: unknown, args, ctx: Scope) => sendTestNotification(ctx, args.channel),
  },
};
