import type { Latency } from './stats';

export interface Row {
  figure: string;
  headroom: string;
  limit: string;
  copy?: string;
  ratio?: string;
  target?: string;
  ok?: boolean | null;
}

export const fmtRate = (n: number) => `${n.toLocaleString('en-US')} rec/s`;
export const fmtMs = (n: number) => `${n.toLocaleString('en-US', { maximumFractionDigits: 1 })} ms`;
export const fmtRatio = (n: number) => `${n.toFixed(2)}×`;
export const fmtLatency = (l: Latency) => `${fmtMs(l.p50)} / ${fmtMs(l.p95)}${l.errors ? ` (${l.errors} failed)` : ''}`;

/** A plain-text table; the markdown copy goes into docs/performance.md. */
export function printTable(rows: Row[]): string {
  const header: Row = { figure: 'figure', headroom: 'Headroom', limit: 'limit (raw INSERT / SQL)', copy: 'COPY', ratio: 'ratio', target: 'target', ok: null };
  const cells = (r: Row) => [r.figure, r.headroom, r.limit, r.copy ?? '', r.ratio ?? '', r.target ?? '', r.ok === undefined || r.ok === null ? (r === header ? 'ok' : '') : r.ok ? 'yes' : 'NO'];
  const all = [header, ...rows].map(cells);
  const widths = all[0].map((_, i) => Math.max(...all.map((c) => c[i].length)));
  const line = (c: string[]) => `| ${c.map((v, i) => v.padEnd(widths[i])).join(' | ')} |`;
  return [line(all[0]), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...all.slice(1).map(line)].join('\n');
}
