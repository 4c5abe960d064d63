/** The Data page's token operations (admin). Result types are generated from schema.graphql (`npm run codegen`). */
import { graphql } from '../../graphql/generated';
import type { TokensQuery } from '../../graphql/generated/graphql';

export const TOKENS = graphql(/* GraphQL */ `
  query Tokens {
    tokens { id name scopes teams group { id path } createdAt lastUsedAt expiresAt revokedAt }
    groups { id path }
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
/** A group a new token can be limited to. */
export type TokenGroup = TokensQuery['groups'][number];
