// Time travel: how long going to an instant of a run takes (worker/time-travel.ts replays the run
// from time zero with its journal of inputs; no engine snapshots), and what it keeps in memory.
import { presetById } from '../src/scenario/presets/index.ts';
import type { ScenarioDocument } from '../src/scenario/schema.ts';
import { Journal } from '../src/worker/journal.ts';
import { replay } from '../src/worker/time-travel.ts';

export interface SeekResult {
  workload: string;
  runVirtualMs: number;
  seeks: { toVirtualMs: number; wallMs: number }[];
  p50WallMs: number;
  maxWallMs: number;
  /** What a run keeps for going back: the journal of inputs (no engine checkpoints). */
  keptBytes: number;
}

/** A producer at `rate` msg/s into a queue with a consumer that keeps up (hello-world, sped up). */
function workload(rate: number): ScenarioDocument {
  const doc = structuredClone(presetById('hello-world')!.doc);
  for (const n of doc.nodes) {
    if (n.kind === 'producer') n.config.rate = rate;
    if (n.kind === 'consumer') {
      n.config.processing = { dist: 'fixed', ms: 0 };
      n.config.prefetch = 1000;
    }
  }
  return doc;
}

export async function measureSeek(options: { runMs: number; rate: number; seeks: number }): Promise<SeekResult> {
  const doc = workload(options.rate);
  const journal = new Journal();
  const seeks: SeekResult['seeks'] = [];
  // Instants spread over the run, the furthest last (the worst case: the whole run replayed).
  for (let i = 1; i <= options.seeks; i++) {
    const to = Math.round((options.runMs * i) / options.seeks);
    const t0 = performance.now();
    await replay(doc, journal, { t: to });
    seeks.push({ toVirtualMs: to, wallMs: Math.round(performance.now() - t0) });
  }
  const walls = seeks.map((s) => s.wallMs).sort((a, b) => a - b);
  return {
    workload: `1 producer at ${options.rate} msg/s -> queue -> 1 consumer (prefetch 1000, no processing time), app latencies, trace on`,
    runVirtualMs: options.runMs,
    seeks,
    p50WallMs: walls[Math.floor((walls.length - 1) / 2)],
    maxWallMs: walls[walls.length - 1],
    keptBytes: JSON.stringify(journal.entries).length,
  };
}
