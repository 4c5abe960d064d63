export const groupsTypeDefs = /* GraphQL */ `
  "A group of teams (a department, a tribe). Groups nest at most 3 levels; a team is in at most one group."
  type Group {
    id: ID!
    "Unique name, 1-200 characters."
    name: String!
    "The group it is nested in; null at the top level."
    parent: Group
    "Names from the top-level group down to this one, joined by ' / ' (e.g. 'Platform / Data')."
    path: String!
    "1 for a top-level group, 2 for one nested in it, 3 at most."
    depth: Int!
    "Groups nested directly in this one, by name (for a token limited to teams: those holding its teams)."
    children: [Group!]!
    "Teams directly in this group, by slug (for a token limited to teams: those); archived teams left out."
    teams: [Team!]!
    "Teams in this group and every group nested in it, by slug (for a token limited to teams: those); archived teams left out."
    allTeams: [Team!]!
  }

  extend type Team {
    "The team's group; null when it is in none."
    group: Group
  }

  extend type Query {
    "Every group, by path (for a token limited to teams: the groups holding its teams, and their parents)."
    groups: [Group!]!
  }

  extend type Mutation {
    "Creates a group (admin), at the top level or under parent. Names are unique; nesting at most 3 levels (BAD_USER_INPUT naming the levels)."
    createGroup(name: String!, parent: ID): Group!
    "Renames a group (admin); the name must be free."
    renameGroup(id: ID!, name: String!): Group!
    "Moves a group with its subgroups and teams under parent, or to the top level when parent is null (admin). Refused (BAD_USER_INPUT) when it would make a cycle or nest more than 3 levels."
    moveGroup(id: ID!, parent: ID): Group!
    "Deletes an empty group (admin). A group holding teams, subgroups, unrevoked tokens limited to it or notification subscriptions is refused (BAD_USER_INPUT naming them): move the teams and groups, revoke the tokens, unsubscribe the channels first."
    deleteGroup(id: ID!): Boolean!
    "Puts a team in a group, or in none when group is null (admin)."
    setTeamGroup(team: String!, group: ID): Team!
  }
`;
