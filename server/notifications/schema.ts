export const notificationsTypeDefs = /* GraphQL */ `
  "Where a notification channel posts."
  enum NotificationChannelKind {
    "A Slack-compatible incoming webhook: a JSON body { text, blocks }."
    SLACK
    "A generic JSON webhook, signed with the channel's secret (header X-Headroom-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of '<t>.<body>'>)."
    WEBHOOK
  }

  "What a subscription receives."
  enum NotificationEvent {
    "A team's status turns WARN or BREACH from a better one (judged on the last 28 days); not repeated while it stays."
    TEAM_STATUS
    "A finished sprint's actual ops share exceeded the share it reserved."
    SPRINT_UNDER_RESERVED
    "Every Monday (UTC), the previous week: teams by status, the highest ops loads and their totals. For the whole org or a group (its nested groups' teams included); not for a single team."
    WEEKLY_DIGEST
  }

  "Where a message stands."
  enum NotificationDeliveryState {
    "Not tried yet."
    PENDING
    "Tried and failed; tried again at nextAttemptAt."
    RETRYING
    "The receiver answered 2xx."
    DELIVERED
    "Given up after the last attempt (or the channel was deleted)."
    FAILED
  }

  "A place notifications are posted to. Its URL and secret are never shown after creation."
  type NotificationChannel {
    id: ID!
    "Unique name, e.g. #ops-alerts."
    name: String!
    kind: NotificationChannelKind!
    "Where it posts, without the parts that make the URL a secret: scheme, host and the path's last 4 characters."
    target: String!
    "True when messages carry X-Headroom-Signature (WEBHOOK channels)."
    signed: Boolean!
    "A disabled channel receives nothing new."
    enabled: Boolean!
    createdAt: DateTime!
    "The token that created it."
    createdBy: String!
    "What it receives: org-wide first, then groups by name, then teams by slug."
    subscriptions: [NotificationSubscription!]!
  }

  "A channel's subscription to events of one team, one group, or the whole org."
  type NotificationSubscription {
    id: ID!
    channelId: ID!
    "The team's slug; null for a group or the whole org."
    team: String
    "The group: events of every team in it and in its nested groups (as they are when each event happens), and the group's digest. Null for a team or the whole org."
    group: Group
    events: [NotificationEvent!]!
    createdAt: DateTime!
  }

  "A channel just created, with its signing secret: shown this once."
  type CreatedNotificationChannel {
    channel: NotificationChannel!
    "The WEBHOOK channel's HMAC secret (null for SLACK). Store it in the receiver now: it is not shown again."
    secret: String
  }

  "One message of the delivery log."
  type NotificationDelivery {
    id: ID!
    "The channel's name when the message was written."
    channel: String!
    "Null once the channel is deleted."
    channelId: ID
    "The message's event as its JSON body names it: team.status, sprint.under_reserved, digest.weekly or test."
    event: String!
    "The team it is about; null for digests (the summary names a group digest's group) and test messages."
    team: String
    "What it says, in one line."
    summary: String!
    state: NotificationDeliveryState!
    "Attempts made so far (at most 6)."
    attempts: Int!
    createdAt: DateTime!
    lastAttemptAt: DateTime
    "When it is tried next; null unless PENDING or RETRYING."
    nextAttemptAt: DateTime
    deliveredAt: DateTime
    "Why the last attempt failed, e.g. HTTP 500, ECONNREFUSED, no answer within 10 s."
    lastError: String
  }

  input NotificationChannelInput {
    "1–200 characters, unique."
    name: String!
    kind: NotificationChannelKind!
    "An http:// or https:// URL without user or password."
    url: String!
  }

  "Changes to a channel; omitted fields stay."
  input NotificationChannelUpdate {
    name: String
    url: String
    enabled: Boolean
  }

  input NotificationSubscriptionInput {
    "The channel's id."
    channel: ID!
    "A team's slug. Give a team or a group, not both; neither: the whole org."
    team: String
    "A group's id: its teams and its nested groups' teams, including teams added later. Not with team."
    group: ID
    "At least one; WEEKLY_DIGEST only without a team."
    events: [NotificationEvent!]!
  }

  extend type Query {
    "Notification channels with their subscriptions, by name. Needs the plan scope on a token not limited to teams."
    notificationChannels: [NotificationChannel!]!
    "The delivery log: the latest messages first (last: 1–200, default 50). Needs the plan scope on a token not limited to teams."
    notificationDeliveries(last: Int): [NotificationDelivery!]!
  }

  extend type Mutation {
    "Creates a channel. For WEBHOOK, the answer holds its signing secret, shown this once."
    createNotificationChannel(input: NotificationChannelInput!): CreatedNotificationChannel!
    "Renames, re-points, enables or disables a channel. NOT_FOUND when there is no such channel."
    updateNotificationChannel(id: ID!, input: NotificationChannelUpdate!): NotificationChannel!
    "Deletes a channel and its subscriptions; its undelivered messages become FAILED (the log keeps them)."
    deleteNotificationChannel(id: ID!): Boolean!
    "Subscribes a channel to events of a team, a group or the whole org; subscribing again to the same target replaces its events. BAD_USER_INPUT for an unknown team or group, or both given."
    subscribeNotifications(input: NotificationSubscriptionInput!): NotificationSubscription!
    "Removes a subscription. NOT_FOUND when there is no such subscription."
    unsubscribeNotifications(id: ID!): Boolean!
    "Posts a test message to a channel now and answers its delivery (DELIVERED, or RETRYING with the error)."
    sendTestNotification(channel: ID!): NotificationDelivery!
  }
`;
