/**
 * What a comparison shows: for each node, the counters that moved in either run, as two series over
 * the same instants, those that ended differently first.
 */
import type { ScenarioDocument } from '../../scenario/schema';
import type { CompareResult } from '../../worker/compare-protocol';
import type { NodeCounters } from '../../worker/protocol';

export type Metric = 'depth' | 'delivered' | 'deadLettered' | 'expired' | 'dropped' | 'acked' | 'rejected' | 'published' | 'confirmed' | 'returned' | 'nacked' | 'unroutable';

const BY_KIND: Record<string, Metric[]> = {
  queue: ['depth', 'delivered', 'deadLettered', 'expired', 'dropped'],
  consumer: ['delivered', 'acked', 'rejected'],
  producer: ['published', 'confirmed', 'returned', 'nacked'],
  exchange: ['unroutable'],
};

export interface MetricRow {
  nodeId: string;
  node: string;
  kind: string;
  metric: Metric;
  a: number[];
  b: number[];
}

function valueOf(c: NodeCounters | undefined, m: Metric): number {
  if (!c) return 0;
  if (m === 'depth') return (c.ready ?? 0) + (c.unacked ?? 0);
  const v = c[m];
  return typeof v === 'number' ? v : 0;
}

export function rowsOf(doc: ScenarioDocument, result: CompareResult): MetricRow[] {
  const rows: MetricRow[] = [];
  for (const n of doc.nodes) {
    if (n.kind === 'note') continue;
    for (const metric of BY_KIND[n.kind] ?? []) {
      const a = result.runs[0].map((c) => valueOf(c[n.id], metric));
      const b = result.runs[1].map((c) => valueOf(c[n.id], metric));
      if (a.every((v) => v === 0) && b.every((v) => v === 0)) continue;
      rows.push({ nodeId: n.id, node: n.config.name, kind: n.kind, metric, a, b });
    }
  }
  // The rows that ended differently first, the largest difference first; the rest in canvas order.
  const gap = (r: MetricRow) => Math.abs(r.a.at(-1)! - r.b.at(-1)!) / Math.max(1, r.a.at(-1)!, r.b.at(-1)!);
  return rows.map((r, i) => ({ r, i, g: gap(r) })).sort((x, y) => (y.g > 0 ? 1 : 0) - (x.g > 0 ? 1 : 0) || y.g - x.g || x.i - y.i).map((x) => x.r);
}
