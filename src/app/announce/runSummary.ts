/**
 * What a screen reader hears about a run: once a second, the counts that changed since the last
 * summary (published, delivered, acked, dead-lettered…), summed over the canvas. Nothing when
 * nothing changed, so a paused or idle run stays quiet.
 */
import type { NodeCounters } from '../../worker/protocol';

export const SUMMARY_FIELDS = ['published', 'delivered', 'acked', 'rejected', 'returned', 'unroutable', 'expired', 'deadLettered', 'dropped'] as const;
export type SummaryField = (typeof SUMMARY_FIELDS)[number];
export type Totals = Record<SummaryField, number>;

export function totals(counters: Record<string, NodeCounters>): Totals {
  const out = Object.fromEntries(SUMMARY_FIELDS.map((f) => [f, 0])) as Totals;
  for (const c of Object.values(counters)) for (const f of SUMMARY_FIELDS) out[f] += c[f] ?? 0;
  return out;
}

/** The changes from `prev` to `next`, in field order; empty when nothing moved or the run restarted. */
export function changes(prev: Totals, next: Totals): [SummaryField, number][] {
  // A count that went down means a new run (reset, seed, edit): start counting from it, say nothing.
  if (SUMMARY_FIELDS.some((f) => next[f] < prev[f])) return [];
  return SUMMARY_FIELDS.map((f) => [f, next[f] - prev[f]] as [SummaryField, number]).filter(([, n]) => n > 0);
}
