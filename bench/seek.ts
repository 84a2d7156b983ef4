// Time travel: how long going to an instant of a run takes (worker/time-travel.ts restores the newest
// checkpoint before it and replays from there; worker/checkpoints.ts), and what the checkpoints keep.
import { presetById } from '../src/scenario/presets/index.ts';
import type { ScenarioDocument } from '../src/scenario/schema.ts';
import { Checkpoints } from '../src/worker/checkpoints.ts';
import { Journal } from '../src/worker/journal.ts';
import { replay, type RunState } from '../src/worker/time-travel.ts';

export interface SeekResult {
  workload: string;
  runVirtualMs: number;
  /** Wall time of the run itself (checkpoints taken as it went). */
  runWallMs: number;
  seeks: { toVirtualMs: number; wallMs: number }[];
  p50WallMs: number;
  maxWallMs: number;
  checkpoints: { count: number; everyVirtualMs: number; estimatedBytes: number; heapBytes: number | null };
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

const gc = (globalThis as { gc?: () => void }).gc;
const heap = () => {
  gc?.();
  return process.memoryUsage().heapUsed;
};

export async function measureSeek(options: { runMs: number; rate: number; seeks: number }): Promise<SeekResult> {
  const doc = workload(options.rate);
  const journal = new Journal();
  const checkpoints = new Checkpoints<RunState>((s) => [s.sim.doc]);
  // The run: played once to its end, taking its checkpoints on the way, as a live run does.
  const before = heap();
  const t0 = performance.now();
  const played = await replay(doc, journal, { t: options.runMs }, undefined, checkpoints);
  const runWallMs = Math.round(performance.now() - t0);
  const kept = heap();
  void played;
  const seeks: SeekResult['seeks'] = [];
  // Instants spread over the run, each just before a checkpoint's instant (the most to replay: a
  // whole spacing from the checkpoint before), out of order, and the run's end.
  const every = checkpoints.every;
  const targets: number[] = [];
  for (let i = 1; i < options.seeks; i++) targets.push(Math.round((options.runMs * ((i * 7) % options.seeks)) / options.seeks / every) * every - 7);
  targets.push(options.runMs);
  for (const to of targets.filter((t) => t > 0)) {
    const s0 = performance.now();
    await replay(doc, journal, { t: to }, undefined, checkpoints);
    seeks.push({ toVirtualMs: to, wallMs: Math.round(performance.now() - s0) });
  }
  const walls = seeks.map((s) => s.wallMs).sort((a, b) => a - b);
  return {
    workload: `1 producer at ${options.rate} msg/s -> queue -> 1 consumer (prefetch 1000, no processing time), app latencies, trace on`,
    runVirtualMs: options.runMs,
    runWallMs,
    seeks,
    p50WallMs: walls[Math.floor((walls.length - 1) / 2)],
    maxWallMs: walls[walls.length - 1],
    // heap: what the live run and its checkpoints hold, less the heap before it (needs node --expose-gc)
    checkpoints: { count: checkpoints.count, everyVirtualMs: checkpoints.every, estimatedBytes: checkpoints.bytes, heapBytes: gc ? kept - before : null },
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const minutes = Number(process.argv[2] ?? 10);
  console.log(JSON.stringify(await measureSeek({ runMs: minutes * 60_000, rate: 1000, seeks: 10 })));
}
