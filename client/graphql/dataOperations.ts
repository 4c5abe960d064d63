/**
 * The data page's GraphQL operations and result types (server/routing/schema.ts, the freshness
 * query of server/kpi/schema.ts). test/component/snapshotsOperations.test.ts validates each
 * document against the server's schema.
 */
import { operation } from './request';

export type SignalKind = 'PAGE' | 'DEPLOY';

/** Signals from a sender key that has no team yet. */
export interface UnroutedSignal {
  source: string;
  key: string;
  label: string;
  kind: SignalKind;
  count: number;
  firstSeen: string;
  lastSeen: string;
}

export interface SourceMapping {
  source: string;
  key: string;
  team: { slug: string; name: string };
  createdAt: string;
}

export interface SourceFreshness {
  source: string;
  lastReceivedAt: string;
  latestDate: string | null;
}

export interface TeamChoice {
  slug: string;
  name: string;
}

/** Unrouted signals with the teams to map them to: one round trip for the section. */
export const UNROUTED = operation<{ unrouted: UnroutedSignal[]; teams: TeamChoice[] }>(/* GraphQL */ `
  query Unrouted {
    unrouted { source key label kind count firstSeen lastSeen }
    teams { slug name }
  }
`);

export const SOURCE_MAPPINGS = operation<{ sourceMappings: SourceMapping[] }>(/* GraphQL */ `
  query SourceMappings {
    sourceMappings { source key createdAt team { slug name } }
  }
`);

export const FRESHNESS = operation<{ freshness: SourceFreshness[] }>(/* GraphQL */ `
  query Freshness {
    freshness { source lastReceivedAt latestDate }
  }
`);

export interface SourceMappingInput {
  source: string;
  key: string;
  team: string;
}

export const SET_SOURCE_MAPPING = operation<
  { setSourceMapping: { source: string; key: string; attributed: number; team: { slug: string; name: string } } },
  { input: SourceMappingInput }
>(/* GraphQL */ `
  mutation SetSourceMapping($input: SourceMappingInput!) {
    setSourceMapping(input: $input) { source key attributed team { slug name } }
  }
`);

/** Every operation of the data page, for the schema-validation test. */
export const DATA_OPERATIONS = { UNROUTED, SOURCE_MAPPINGS, FRESHNESS, SET_SOURCE_MAPPING };
