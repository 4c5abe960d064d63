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

  extend type Query {
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
