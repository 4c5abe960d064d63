export const privacyTypeDefs = /* GraphQL */ `
  "The org's privacy setting for per-person figures (who carried the pager)."
  type OrgPrivacy {
    """
    True: per-person figures are hidden. Team.responderFigures answers people: null with
    peopleHiddenReason, Team.responderLoad answers FORBIDDEN, and exports leave them out (asking for
    them is FORBIDDEN). The evenness figures, which name nobody, are still given.
    """
    hidePeople: Boolean!
    "Token name of whoever changed it last; null while never changed (per-person figures are shown)."
    changedBy: String
    "When it was changed last; null while never changed."
    changedAt: DateTime
  }

  "A change of the org's privacy setting."
  input OrgPrivacyInput {
    "True hides per-person figures from the API, the dashboard and exports; false shows them to whoever may see the team."
    hidePeople: Boolean!
  }

  extend type Query {
    "The org's privacy setting (whether per-person figures are hidden)."
    orgPrivacy: OrgPrivacy!
  }

  extend type Mutation {
    "Hides or shows per-person figures org-wide (admin scope)."
    setOrgPrivacy(input: OrgPrivacyInput!): OrgPrivacy!
  }
`;
