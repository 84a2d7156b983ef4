/**
 * Two runs of one scenario side by side: the document as it is and with one change, each from time
 * zero for the same virtual time, their counters sampled at the same instants. "What does prefetch 1
 * change?" is then answered by the numbers over time rather than by watching two runs in turn. Runs
 * in a worker of its own (compare-worker.ts), so the run on the canvas goes on meanwhile.
 */
import type { ScenarioDocument } from '../scenario/schema';
import { COMPARE_MAX_MS, type CompareRequest, type CompareResult } from './compare-protocol';
import type { NodeCounters } from './protocol';
import { Simulation } from './simulation';

export { COMPARE_MAX_MS, type CompareReply, type CompareRequest, type CompareResult } from './compare-protocol';

/** The most samples a comparison keeps per run (a chart has no room for more). */
const MAX_SAMPLES = 240;

/** Samples every 250 ms of virtual time, fewer in a long comparison. */
export function sampleInterval(ms: number): number {
  return Math.max(250, Math.ceil(ms / MAX_SAMPLES / 250) * 250);
}

async function sampled(doc: ScenarioDocument, ms: number, every: number, wall?: () => number): Promise<{ t: number[]; counters: Record<string, NodeCounters>[] }> {
  const sim = await Simulation.create(doc, wall);
  sim.playing = true;
  const t = [0];
  // frame() also drains what the run traced, so a long comparison holds no more than one sample's events
  const counters = [sim.frame().counters];
  for (let at = every; at <= ms; at += every) {
    await sim.advance(every);
    t.push(at);
    counters.push(sim.frame().counters);
  }
  return { t, counters };
}

export async function compareRuns({ docs, ms }: CompareRequest, wall?: () => number): Promise<CompareResult> {
  if (!(ms > 0) || ms > COMPARE_MAX_MS) throw new RangeError(`a comparison runs from 1 ms to ${COMPARE_MAX_MS / 1000} s of virtual time, not ${ms} ms`);
  const every = sampleInterval(ms);
  const a = await sampled(docs[0], ms, every, wall);
  const b = await sampled(docs[1], ms, every, wall);
  return { t: a.t, runs: [a.counters, b.counters] };
}
