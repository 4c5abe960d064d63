/** The team page's "Who carries the pager" query: its own, so a failure there leaves the rest of the page standing. */
import { graphql } from '../../graphql/generated';
import type { TeamRespondersQuery } from '../../graphql/generated/graphql';

export const TEAM_RESPONDERS = graphql(/* GraphQL */ `
  query TeamResponders($slug: String!, $range: DateRange!) {
    team(slug: $slug) {
      slug
      responderFigures(range: $range) {
        people { person pages pageHours offHoursPageHours sleepPageHours sleepInterruptions }
        pagesWithoutResponders
        evenness { people personPageHours busiestShare gini }
      }
    }
  }
`);

export type ResponderFigures = NonNullable<TeamRespondersQuery['team']>['responderFigures'];
export type Evenness = ResponderFigures['evenness'];
export type PersonLoad = NonNullable<ResponderFigures['people']>[number];
