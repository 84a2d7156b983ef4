import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { copyGraph, NotCopyable } from '../engine';
import { PRESETS } from '../scenario/presets';
import type { ScenarioDocument } from '../scenario/schema';
import { arbitraryScenario } from '../scenario/testing/arbitrary';
import { Checkpoints } from './checkpoints';
import { Journal } from './journal';
import type { Frame } from './protocol';
import { Simulation } from './simulation';
import { replay, type RunState } from './time-travel';

/** A user's action at a virtual instant, on the i-th producer or consumer of the document. */
type Input = { t: number; kind: 'publish' | 'start' | 'stop' | 'pause' | 'resume' | 'kill-connection'; i: number };

const input: fc.Arbitrary<Input> = fc.record({
  t: fc.integer({ min: 0, max: 8_000 }),
  kind: fc.constantFrom('publish' as const, 'start' as const, 'stop' as const, 'pause' as const, 'resume' as const, 'kill-connection' as const),
  i: fc.nat(),
});

async function apply(sim: Simulation, doc: ScenarioDocument, x: Input): Promise<void> {
  const producers = doc.nodes.filter((n) => n.kind === 'producer');
  const consumers = doc.nodes.filter((n) => n.kind === 'consumer');
  if (x.kind === 'publish' || x.kind === 'start' || x.kind === 'stop') {
    const p = producers[x.i % Math.max(1, producers.length)];
    if (!p) return;
    if (x.kind === 'publish') sim.publish(p.id);
    else sim.producerAction(p.id, x.kind);
  } else {
    const c = consumers[x.i % Math.max(1, consumers.length)];
    if (c) await sim.consumerAction(c.id, x.kind);
  }
  await sim.advance(0);
}

/**
 * Runs from now to `until`, applying the inputs due on the way; what it showed, frame by frame
 * (every 250 virtual ms and after each input): the events and the counters, as text.
 */
async function run(sim: Simulation, doc: ScenarioDocument, inputs: Input[], until: number): Promise<string[]> {
  const out: string[] = [];
  // what a run throws (a program's callback failing, a publish on a closed channel) is part of what it shows
  const advance = async (ms: number) => {
    try {
      await sim.advance(ms);
    } catch (e) {
      out.push(`threw ${String(e)}`);
    }
  };
  const show = () => {
    const f = sim.frame();
    out.push(JSON.stringify({ t: f.t, events: f.events, counters: f.counters }));
  };
  for (const x of inputs) {
    if (x.t <= sim.broker.now() || x.t > until) continue;
    await advance(x.t - sim.broker.now());
    try {
      await apply(sim, doc, x);
    } catch (e) {
      out.push(`threw ${String(e)}`);
    }
    show();
  }
  while (sim.broker.now() < until) {
    await advance(Math.min(250, until - sim.broker.now()));
    show();
  }
  return out;
}

describe('a copy of a running simulation (a checkpoint)', () => {
  it.each(PRESETS.map((p) => [p.id, p] as const))('%s: runs on exactly as the original', async (_id, preset) => {
    const sim = await Simulation.create(preset.doc);
    await sim.advance(3_000);
    sim.frame();
    const { value: copy } = copyGraph(sim, { shared: [preset.doc] });
    const straight = await run(sim, preset.doc, [], 9_000);
    const resumed = await run(copy, preset.doc, [], 9_000);
    expect(resumed).toEqual(straight);
    expect(straight.join('').length).toBeGreaterThan(1000);
  });

  it('for random documents, inputs and instants, restoring a copy and running on gives what running straight through gives', async () => {
    let copied = 0;
    await fc.assert(
      fc.asyncProperty(arbitraryScenario, fc.array(input, { maxLength: 12 }), fc.integer({ min: 0, max: 6_000 }), fc.integer({ min: 1, max: 4_000 }), async (doc, inputs, at, more) => {
        inputs.sort((a, b) => a.t - b.t);
        const sim = await Simulation.create(doc);
        await run(sim, doc, inputs, at);
        let copy: Simulation;
        try {
          copy = copyGraph(sim, { shared: [doc] }).value;
        } catch (e) {
          if (e instanceof NotCopyable) return; // a call waiting for its reply: no checkpoint at this instant
          throw e;
        }
        copied++;
        const straight = await run(sim, doc, inputs, at + more);
        const resumed = await run(copy, doc, inputs, at + more);
        expect(resumed).toEqual(straight);
      }),
      { numRuns: 60, seed: 1919 },
    );
    // most instants can be copied (a checkpoint waits for the next one otherwise)
    expect(copied).toBeGreaterThan(40);
  }, 120_000);
});

describe('going back from a checkpoint', () => {
  /** A frame as the page gets it after a seek: what it shows, flights in the air included. */
  const shown = (f: Frame) => JSON.stringify({ t: f.t, events: f.events, counters: f.counters, motion: f.motion && { ...f.motion, flights: [...f.motion.flights], parked: [...f.motion.parked], bursts: [...f.motion.bursts] } });

  it.each(['fair-dispatch', 'ttl-dlx', 'publisher-confirms', 'quorum-majority', 'memory-alarm'])('%s: shows exactly what replaying from time zero shows, at instants and at events', async (id) => {
    const doc = PRESETS.find((p) => p.id === id)!.doc;
    const journal = new Journal();
    const checkpoints = new Checkpoints<RunState>((s) => [s.sim.doc], 1_000);
    await replay(doc, journal, { t: 20_000 }, undefined, checkpoints);
    expect(checkpoints.count).toBeGreaterThan(10);
    const fromZero = await replay(doc, journal, { t: 13_300 });
    const events = fromZero.frame.events;
    const inside = events[Math.floor(events.length / 2)];
    for (const target of [{ t: 2_500 }, { t: 7_000 }, { t: 13_300 }, { t: inside.t, seq: inside.seq }]) {
      const a = await replay(doc, journal, target);
      const b = await replay(doc, journal, target, undefined, checkpoints);
      expect(shown(b.frame)).toEqual(shown(a.frame));
      // and the run goes on alike from there
      const more = async (r: Awaited<ReturnType<typeof replay>>) => {
        await r.sim.advance(2_000);
        return JSON.stringify(r.sim.frame());
      };
      expect(await more(b)).toEqual(await more(a));
    }
  });
});
