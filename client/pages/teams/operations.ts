/** The team settings' documents: create or edit a team, archive it (restore is a save with archived: false). */
import { graphql } from '../../graphql/generated';

export const SAVE_TEAM = graphql(/* GraphQL */ `
  mutation SaveTeam($input: [TeamInput!]!) {
    upsertTeams(input: $input) { slug name timezone members focusHoursPerDay archived }
  }
`);

export const ARCHIVE_TEAM = graphql(/* GraphQL */ `
  mutation ArchiveTeam($slug: String!) {
    archiveTeam(slug: $slug) { slug archived }
  }
`);

/** What the form edits. */
export interface TeamFields {
  slug: string;
  name: string;
  timezone: string;
  members: number | null;
  focusHoursPerDay: number;
}
