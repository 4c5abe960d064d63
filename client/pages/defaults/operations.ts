/** The Defaults page's query: the org-default guardrails and load model, each with its history. */
import { graphql } from '../../graphql/generated';

export const DEFAULTS = graphql(/* GraphQL */ `
  query Defaults {
    guardrailDefaults { ...GuardrailPolicyFields }
    guardrailDefaultsHistory { ...GuardrailPolicyFields }
    loadModelDefaults { ...LoadModelFields }
    loadModelDefaultsHistory { ...LoadModelChangeFields }
  }
`);

/** The org's privacy setting: whether per-person figures (who carried the pager) are hidden. */
export const ORG_PRIVACY = graphql(/* GraphQL */ `
  query OrgPrivacy {
    orgPrivacy { hidePeople changedBy changedAt }
  }
`);

export const SET_ORG_PRIVACY = graphql(/* GraphQL */ `
  mutation SetOrgPrivacy($hidePeople: Boolean!) {
    setOrgPrivacy(input: { hidePeople: $hidePeople }) { hidePeople changedBy changedAt }
  }
`);
