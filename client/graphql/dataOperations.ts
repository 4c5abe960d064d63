/**
 * The data page's GraphQL operations (server/routing/schema.ts; the freshness query is shared
 * with the header, in ./operations.ts). Result types are generated from schema.graphql.
 */
import { graphql } from './generated';
import type { BackfillsQuery, SourceMappingsQuery, UnroutedQuery, WebhookSourcesQuery } from './generated/graphql';

/** Unrouted signals with the teams to map them to: one round trip for the section. */
export const UNROUTED = graphql(/* GraphQL */ `
  query Unrouted {
    unrouted { source key label kind count firstSeen lastSeen }
    teams { slug name }
  }
`);

/** Signals from a sender key that has no team yet. */
export type UnroutedSignal = UnroutedQuery['unrouted'][number];
export type TeamChoice = UnroutedQuery['teams'][number];

export const SOURCE_MAPPINGS = graphql(/* GraphQL */ `
  query SourceMappings {
    sourceMappings { source key createdAt team { slug name } }
  }
`);

export type SourceMapping = SourceMappingsQuery['sourceMappings'][number];

export const SET_SOURCE_MAPPING = graphql(/* GraphQL */ `
  mutation SetSourceMapping($input: SourceMappingInput!) {
    setSourceMapping(input: $input) { source key attributed team { slug name } }
  }
`);

/** This server's webhook senders: URL path, secret variable, whether it is set, last delivery, inbox counts. */
export const WEBHOOK_SOURCES = graphql(/* GraphQL */ `
  query WebhookSources {
    webhookSources { source name signals path envVar secretConfigured lastDeliveryAt pending failing rejected }
  }
`);

export type WebhookSource = WebhookSourcesQuery['webhookSources'][number];

export const BACKFILLS = graphql(/* GraphQL */ `
  query Backfills {
    backfills { source command environment params since until startedAt finishedAt counts { name value } }
  }
`);

export type BackfillRun = BackfillsQuery['backfills'][number];
