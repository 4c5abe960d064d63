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
