/** The Data page's notification operations (server/notifications/schema.ts). Result types are generated from schema.graphql. */
import { graphql } from '../../graphql/generated';
import type { NotificationChannelsQuery, NotificationDeliveriesQuery } from '../../graphql/generated/graphql';

/**
 * Channels with their subscriptions, and the teams and groups a subscription may target: one round
 * trip. A group subscription carries its teams (nested groups' too), so the planning page can say
 * which reach a team.
 */
export const NOTIFICATION_CHANNELS = graphql(/* GraphQL */ `
  query NotificationChannels {
    notificationChannels { id name kind target signed enabled createdAt createdBy subscriptions { id team group { id path allTeams { slug } } events } }
    teams { slug name }
    groups { id path }
  }
`);

export const NOTIFICATION_DELIVERIES = graphql(/* GraphQL */ `
  query NotificationDeliveries($last: Int) {
    notificationDeliveries(last: $last) { id channel event team summary state attempts createdAt lastAttemptAt nextAttemptAt deliveredAt lastError }
  }
`);

export const CREATE_NOTIFICATION_CHANNEL = graphql(/* GraphQL */ `
  mutation CreateNotificationChannel($input: NotificationChannelInput!) {
    createNotificationChannel(input: $input) { secret channel { id name kind } }
  }
`);

export const UPDATE_NOTIFICATION_CHANNEL = graphql(/* GraphQL */ `
  mutation UpdateNotificationChannel($id: ID!, $input: NotificationChannelUpdate!) {
    updateNotificationChannel(id: $id, input: $input) { id enabled }
  }
`);

export const DELETE_NOTIFICATION_CHANNEL = graphql(/* GraphQL */ `
  mutation DeleteNotificationChannel($id: ID!) {
    deleteNotificationChannel(id: $id)
  }
`);

export const SUBSCRIBE_NOTIFICATIONS = graphql(/* GraphQL */ `
  mutation SubscribeNotifications($input: NotificationSubscriptionInput!) {
    subscribeNotifications(input: $input) { id team group { id } events }
  }
`);

export const UNSUBSCRIBE_NOTIFICATIONS = graphql(/* GraphQL */ `
  mutation UnsubscribeNotifications($id: ID!) {
    unsubscribeNotifications(id: $id)
  }
`);

export const SEND_TEST_NOTIFICATION = graphql(/* GraphQL */ `
  mutation SendTestNotification($channel: ID!) {
    sendTestNotification(channel: $channel) { id state lastError }
  }
`);

export type NotificationChannel = NotificationChannelsQuery['notificationChannels'][number];
export type TeamOption = NotificationChannelsQuery['teams'][number];
export type GroupOption = NotificationChannelsQuery['groups'][number];
export type NotificationSubscription = NotificationChannel['subscriptions'][number];
export type NotificationDelivery = NotificationDeliveriesQuery['notificationDeliveries'][number];
