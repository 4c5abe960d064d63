export const authTypeDefs = /* GraphQL */ `
  "What a token may do. admin: everything; plan: guardrails, load models, sprints, snapshots (and read); ingest: send signals; read: see figures."
  enum Scope {
    read
    ingest
    plan
    admin
  }

  "The caller."
  type Viewer {
    "The token's name (or public / anonymous)."
    name: String!
    scopes: [Scope!]!
    "Teams the token is limited to; null for every team. For a token limited to a group: the group's teams now."
    teams: [String!]
    "The group the token is limited to; null when it is not limited to a group."
    group: Group
  }

  "A token as listed: never its secret."
  type TokenInfo {
    id: ID!
    name: String!
    scopes: [Scope!]!
    "Teams the token is limited to; null for every team. For a token limited to a group: the group's teams now."
    teams: [String!]
    "The group the token is limited to: it sees the group's teams and its nested groups' teams, as they are at each request."
    group: Group
    expiresAt: DateTime
    createdAt: DateTime!
    lastUsedAt: DateTime
    revokedAt: DateTime
  }

  "A new token. The secret is shown this once; only its hash is stored."
  type CreatedToken {
    token: String!
    id: ID!
    name: String!
    scopes: [Scope!]!
    teams: [String!]
    group: Group
    expiresAt: DateTime
  }

  input TokenInput {
    name: String!
    scopes: [Scope!]!
    "Limit the token to these teams; left out means every team. Not with admin: an admin token is org-wide."
    teams: [String!]
    "Limit the token to a group (by id): it sees the group's teams and its nested groups' teams, including teams added later. Not with teams, not with admin."
    group: ID
    expiresAt: DateTime
  }

  extend type Query {
    "The caller's token name and scopes; null when not signed in."
    viewer: Viewer
    "Every token, newest first (admin). A token limited to teams sees only tokens limited to some of its teams."
    tokens: [TokenInfo!]!
  }

  extend type Mutation {
    "Creates a token (admin). A token limited to teams creates only tokens limited to some of its teams, with scopes it holds."
    createToken(input: TokenInput!): CreatedToken!
    "Revokes a token (admin); a token outside a limited caller's teams is NOT_FOUND."
    revokeToken(id: ID!): Boolean!
  }
`;
