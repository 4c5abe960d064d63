import client from 'prom-client';

// One registry per process; every instance exposes its own /metrics for Prometheus to scrape.
// Node's default metrics keep their standard names (process_cpu_seconds_total, nodejs_heap_…), so
// stock dashboards and alerts find them. Every label below takes values from a fixed set: a
// client-chosen string as a label value makes a new series per value, and 30,000 made-up
// operation names were enough to exhaust the heap on the next scrape.
export const registry = new client.Registry();
client.collectDefaultMetrics({ register: registry });

// The ingest `source` is chosen by the sender, so it is not a label: counts by kind only.
const ingestedRecords = new client.Counter({
  name: 'headroom_ingested_records_total', help: 'Records written by ingestion, by kind', labelNames: ['kind'], registers: [registry],
});

/** Counts written records; `kind` is one of the ingest kinds' nouns (server/ingest/kinds.ts). */
export function countIngested(kind: string, records: number) {
  ingestedRecords.inc({ kind }, records);
}
