/** What the page asks of a comparison (compare.ts) and what it answers; no engine code, for the page's bundle. */
import type { ScenarioDocument } from '../scenario/schema';
import type { NodeCounters } from './protocol';

/** The longest comparison, in virtual ms: a busy preset runs it in a second or two. */
export const COMPARE_MAX_MS = 120_000;

export interface CompareRequest {
  /** Run A (the document as it is) and run B (with the change). */
  docs: [ScenarioDocument, ScenarioDocument];
  /** Virtual ms each run lasts. */
  ms: number;
}

export interface CompareResult {
  /** The sampling instants, virtual ms from 0 (the first is 0). */
  t: number[];
  /** Each run's counters per canvas node at each instant. */
  runs: [Record<string, NodeCounters>[], Record<string, NodeCounters>[]];
}

export type CompareReply = { ok: true; result: CompareResult } | { ok: false; error: string };
