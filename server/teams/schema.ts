export const teamsTypeDefs = /* GraphQL */ `
  "A team that runs what it builds. Days and hour classes are read in its own time zone."
  type Team {
    "Unique key, 1-64 characters of a-z, 0-9 and -."
    slug: String!
    "Display name."
    name: String!
    "IANA time zone, e.g. Europe/Berlin; defaults to UTC."
    timezone: String!
    "Head count, used to compute sprint capacity; null when unknown."
    members: Int
    "Hours of focused work a member gives a sprint per working day (default 6)."
    focusHoursPerDay: Float!
  }

  "Creates a team or updates it by slug; fields left out keep their stored value."
  input TeamInput {
    slug: String!
    name: String!
    timezone: String
    members: Int
    focusHoursPerDay: Float
  }

  extend type Query {
    "Every team, ordered by slug (for a token limited to teams: those)."
    teams: [Team!]!
    "One team by slug, or null: when there is none, or it is outside the token's teams (the same answer)."
    team(slug: String!): Team
  }

  extend type Mutation {
    "Creates or updates teams by slug; all or nothing. An admin token limited to teams (made before admin became org-wide) edits only its teams and creates none."
    upsertTeams(input: [TeamInput!]!): [Team!]!
  }
`;
