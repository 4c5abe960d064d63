export const routingTypeDefs = /* GraphQL */ `
  """
  Where a webhook's signals go. Webhooks carry no team: a key of the sender is mapped to one.
  pagerduty: key = PagerDuty service id (e.g. PWIXJZS) or PagerDuty team id (a service mapping
  wins over a team mapping); github: key = repository full name "owner/repo".
  """
  type SourceMapping {
    "The sender: pagerduty or github."
    source: String!
    "The sender's key: PagerDuty service or team id, or GitHub repository full name."
    key: String!
    "The team the key's signals are attributed to."
    team: Team!
    "When the mapping was first made."
    createdAt: DateTime!
    "Signals this call attributed (unrouted ones, or ones moved from the previous team); 0 in lists."
    attributed: Int!
  }

  "Maps a sender's key to a team."
  input SourceMappingInput {
    "The sender: pagerduty or github."
    source: String!
    "PagerDuty service or team id; GitHub repository full name owner/repo."
    key: String!
    "Team slug."
    team: String!
  }

  "What kind of signal."
  enum SignalKind {
    "A page event."
    PAGE
    "A deploy event."
    DEPLOY
  }

  "Signals received from a sender key that has no mapping yet: kept, and attributed once mapped."
  type UnroutedSignal {
    "The sender: pagerduty or github."
    source: String!
    "The key to map: PagerDuty service id or GitHub repository full name."
    key: String!
    "A readable name for the key: the PagerDuty service name or the repository name."
    label: String!
    "Pages or deploys."
    kind: SignalKind!
    "How many signals wait."
    count: Int!
    "Time of the earliest waiting signal (trigger or deploy time)."
    firstSeen: DateTime!
    "Time of the latest waiting signal (trigger or deploy time)."
    lastSeen: DateTime!
  }

  "A webhook sender of this server: where it posts, whether its secret is set here, what its inbox holds."
  type WebhookSource {
    "The sender, as in source mappings: pagerduty or github."
    source: String!
    "The sender's name, for people: PagerDuty, GitHub."
    name: String!
    "What it sends and what that becomes here, e.g. incidents, as pages."
    signals: String!
    "The path it posts to on this server, e.g. /webhooks/pagerduty (prefix the server's address)."
    path: String!
    "The environment variable that holds the secret its deliveries are signed with."
    envVar: String!
    "Whether this server was started with that secret (never the secret itself). Without it, deliveries are refused (503)."
    secretConfigured: Boolean!
    "When its latest delivery still kept in the inbox arrived; null when none is (applied ones are kept 30 days)."
    lastDeliveryAt: DateTime
    "Deliveries stored but not applied yet (retried with back-off), including the failing ones."
    pending: Int!
    "Pending deliveries whose last attempt failed: they wait for their next retry."
    failing: Int!
    "Deliveries refused for their content: kept in the inbox, to look into or replay."
    rejected: Int!
  }

  extend type Query {
    """
    This server's webhook senders, with whether each one's secret is configured and its inbox
    counts. Needs ingest (or admin) and a token not limited to teams: the inbox holds every team's
    deliveries, and unrouted ones.
    """
    webhookSources: [WebhookSource!]!
    "Every source mapping, by source then key (for a token limited to teams: those pointing to its teams)."
    sourceMappings: [SourceMapping!]!
    """
    Signals waiting for a source mapping, most recent first. They belong to no team yet, so a token
    limited to teams sees none (an empty list): only org-wide tokens see and map them.
    """
    unrouted: [UnroutedSignal!]!
  }

  extend type Mutation {
    """
    Maps a sender key to a team (or re-points it) and attributes the signals it routes, in one
    transaction. A token limited to teams maps to its teams and re-points only keys mapped to them.
    """
    setSourceMapping(input: SourceMappingInput!): SourceMapping!
  }
`;
