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
    "Teams the token is limited to; null for every team."
    teams: [String!]
  }

  "A token as listed: never its secret."
  type TokenInfo {
    id: ID!
    name: String!
    scopes: [Scope!]!
    teams: [String!]
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
    expiresAt: DateTime
  }

  input TokenInput {
    name: String!
    scopes: [Scope!]!
    "Limit the token to these teams; left out means every team."
    teams: [String!]
    expiresAt: DateTime
  }

  extend type Query {
    "The caller's token name and scopes; null when not signed in."
    viewer: Viewer
    "Every token, newest first (admin)."
    tokens: [TokenInfo!]!
  }

  extend type Mutation {
    "Creates a token (admin)."
    createToken(input: TokenInput!): CreatedToken!
    "Revokes a token (admin)."
    revokeToken(id: ID!): Boolean!
  }
`;
