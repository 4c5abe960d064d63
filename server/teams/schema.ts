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
    "When the team's business, off and sleep hours are, in its time zone (defaults: business 08:00-18:00 Mon-Fri, sleep 22:00-08:00)."
    hourSchedule: HourSchedule!
    "True once the team is archived: it leaves the overview, plans and exports; its history, sprints and snapshots stay."
    archived: Boolean!
  }

  "A team's hour classes, in its own time zone. Hours are 0-24 (8.5 is 08:30); a window whose start is after its end runs over midnight. Sleep hours win where they overlap business hours; the rest is off hours."
  type HourSchedule {
    "Start of business hours (default 8)."
    businessStartHour: Float!
    "End of business hours, exclusive (default 18)."
    businessEndHour: Float!
    "Start of sleep hours (default 22)."
    sleepStartHour: Float!
    "End of sleep hours, exclusive (default 8)."
    sleepEndHour: Float!
    "ISO weekdays with business hours, 1 = Monday ... 7 = Sunday (default 1-5)."
    businessDays: [Int!]!
  }

  "Hour schedule fields to change; fields left out keep their current value."
  input HourScheduleInput {
    businessStartHour: Float
    businessEndHour: Float
    sleepStartHour: Float
    sleepEndHour: Float
    businessDays: [Int!]
  }

  "Creates a team or updates it by slug; fields left out keep their stored value."
  input TeamInput {
    slug: String!
    name: String!
    timezone: String
    members: Int
    focusHoursPerDay: Float
    "Changes the team's hour classes; null goes back to the defaults. Stored pages are re-split by the new schedule, as after a time-zone change."
    hourSchedule: HourScheduleInput
    "true archives the team (as archiveTeam), false restores it; left out keeps it as it is."
    archived: Boolean
  }

  extend type Query {
    "Every team, ordered by slug (for a token limited to teams: those); archived teams only with includeArchived: true."
    teams(includeArchived: Boolean): [Team!]!
    "One team by slug, or null: when there is none, or it is outside the token's teams (the same answer)."
    team(slug: String!): Team
  }

  extend type Mutation {
    "Creates or updates teams by slug; all or nothing. An admin token limited to teams (made before admin became org-wide) edits only its teams and creates none."
    upsertTeams(input: [TeamInput!]!): [Team!]!
    "Archives a team: it leaves the overview, plans and exports, its history and snapshots stay. Restore it with upsertTeams(archived: false). NOT_FOUND when there is no such team."
    archiveTeam(slug: String!): Team!
  }
`;
