/**
 * The worker's side of the UI benchmark, without a browser: the same scenario run by the same
 * Simulation the Web Worker runs, ticked as the UI ticks it (one tick per 60 Hz frame at 10×), with
 * the frames turned into motion by the same MotionFeed and folded into the same MotionView the
 * message layer draws from. Tells how long a tick takes,
 * how many events a frame carries and how many marks are in flight, so the scenario can be tuned and
 * the worker's budget checked in Node. `tsx bench/ui/headless.ts [rate] [seconds] [blocks|fanout]`.
 */
import { performance } from 'node:perf_hooks';
import { serialize } from 'node:v8';
import { lagOf } from '../../src/worker/flights';
import { MotionFeed, MotionView } from '../../src/worker/motion';
import { EventPacker, packReply } from '../../src/worker/codec';
import { Simulation } from '../../src/worker/simulation';
import { UI_SCENARIOS, type UiScenarioName } from './scenarios';

export interface HeadlessResult {
  ticks: number;
  tickP50: number;
  tickP95: number;
  tickMax: number;
  eventsPerFrame: number;
  frameBytes: number;
  serializeMs: number;
  inFlightMedian: number;
  parkedMedian: number;
  virtualPerWall: number;
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((s.length - 1) * p))] ?? 0;
};

export async function measureHeadless(rate?: number, seconds = 10, speed = 10, scenario: UiScenarioName = 'blocks'): Promise<HeadlessResult> {
  const doc = UI_SCENARIOS[scenario].build({ rate, speed });
  const sim = await Simulation.create(doc);
  sim.playing = true;
  const first = sim.frame();
  const feed = new MotionFeed(first.map!, doc.settings.latency);
  const view = new MotionView();
  const lag = lagOf(doc.settings.latency);
  const frameWall = 1000 / 60;
  const warm = Math.round(3 * 60);
  const total = warm + Math.round(seconds * 60);
  const ticks: number[] = [];
  const inFlight: number[] = [];
  const parked: number[] = [];
  let events = 0;
  let bytes = 0;
  let ser = 0;
  const packer = new EventPacker();
  const t0 = performance.now();
  for (let i = 0; i < total; i++) {
    const a = performance.now();
    await sim.advance(frameWall * speed);
    const f = sim.frame();
    const b = performance.now();
    if (i >= warm) {
      ticks.push(b - a);
      events += f.events.length;
      // As the worker posts it: packed (worker/codec.ts), then structured-cloned.
      const s0 = performance.now();
      bytes += serialize(packReply({ ...f }, packer).message).byteLength;
      ser += performance.now() - s0;
    }
    view.apply(feed.take(f.events));
    const t = f.t - lag;
    view.prune(t - 1);
    if (i >= warm && i % 15 === 0) {
      inFlight.push(view.inFlight(t));
      parked.push(view.parkedAt(t));
    }
  }
  const wall = performance.now() - t0;
  const n = ticks.length;
  return {
    ticks: n,
    tickP50: pct(ticks, 0.5),
    tickP95: pct(ticks, 0.95),
    tickMax: Math.max(...ticks),
    eventsPerFrame: events / n,
    frameBytes: bytes / n,
    serializeMs: ser / n,
    inFlightMedian: pct(inFlight, 0.5),
    parkedMedian: pct(parked, 0.5),
    virtualPerWall: (total * frameWall * speed) / wall,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const rate = process.argv[2] ? Number(process.argv[2]) : undefined;
  const seconds = process.argv[3] ? Number(process.argv[3]) : 10;
  const r = await measureHeadless(rate, seconds, 10, (process.argv[4] ?? 'blocks') as UiScenarioName);
  const f = (x: number) => x.toFixed(2);
  console.log(
    `headless worker @10×: tick p50 ${f(r.tickP50)} ms, p95 ${f(r.tickP95)} ms, max ${f(r.tickMax)} ms; ` +
      `${Math.round(r.eventsPerFrame)} events/frame (${Math.round(r.frameBytes / 1024)} kB packed, ${f(r.serializeMs)} ms to pack and clone); ` +
      `in flight median ${r.inFlightMedian}, parked ${r.parkedMedian}; could run at ${Math.round(r.virtualPerWall)}× wall if unthrottled`,
  );
}
