/** The Data page's token operations (admin). Result types are generated from schema.graphql (`npm run codegen`). */
import { graphql } from '../../graphql/generated';
import type { TokensQuery } from '../../graphql/generated/graphql';

export const TOKENS = graphql(/* GraphQL */ `
  query Tokens {
    tokens { id name scopes teams createdAt lastUsedAt expiresAt revokedAt }
  }
`);

export const CREATE_TOKEN = graphql(/* GraphQL */ `
  mutation CreateToken($input: TokenInput!) {
    createToken(input: $input) { id name token }
  }
`);

export const REVOKE_TOKEN = graphql(/* GraphQL */ `
  mutation RevokeToken($id: ID!) {
    revokeToken(id: $id)
  }
`);

export type TokenRow = TokensQuery['tokens'][number];
