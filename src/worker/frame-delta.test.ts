import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BrokerStatus } from './admin-commands';
import { FrameDecoder, FrameEncoder, type SentFrame } from './frame-delta';
import type { Frame, NodeCounters } from './protocol';
import { createHandler } from './handler';
import { presetDoc, wholeFrames } from './test-helpers';

const frame = (counters: Record<string, NodeCounters>, broker?: BrokerStatus, t = 0): Frame => ({
  type: 'frame', t, playing: true, speed: 1, events: [], refresh: true, eventCount: 0, lost: 0, counters, ...(broker ? { broker } : {}),
});

const status = (restarts: number): BrokerStatus => ({
  resources: { alarms: [] } as unknown as BrokerStatus['resources'], blocked: [], restarting: false, restarts, policies: {}, missing: [], problems: [],
});

/** A node's counters as the simulation makes them: a queue, an exchange, a producer or a consumer, sometimes with an error. */
const entry: fc.Arbitrary<NodeCounters> = fc.oneof(
  fc.record({ ready: fc.nat(5), unacked: fc.nat(5), consumers: fc.nat(2), enqueued: fc.nat(9), delivered: fc.nat(9), acked: fc.nat(9), dropped: fc.nat(2), expired: fc.nat(2), deadLettered: fc.nat(2) }),
  fc.record({ in: fc.nat(9), out: fc.nat(9), unroutable: fc.nat(2) }),
  fc.record({ published: fc.nat(9), confirmed: fc.nat(9), nacked: fc.nat(2), returned: fc.nat(2), running: fc.boolean(), blocked: fc.boolean() }),
  fc.record({ delivered: fc.nat(9), acked: fc.nat(9), nacked: fc.nat(2), rejected: fc.nat(2), unacked: fc.nat(3), prefetch: fc.constant(10), state: fc.constantFrom('idle' as const, 'busy' as const, 'paused' as const) }),
).chain((c) => fc.option(fc.constantFrom('NOT_FOUND - no queue', 'ACCESS_REFUSED'), { nil: undefined }).map((error) => (error ? { ...c, error } : c)));

/** A run's frames: nodes come, go and change, mostly a few values at a time. */
const run = fc
  .array(fc.tuple(fc.dictionary(fc.constantFrom('q1', 'q2', 'x', 'p', 'c1', 'c2', 'n7'), entry, { maxKeys: 7 }), fc.nat(3), fc.nat(2)), { minLength: 1, maxLength: 25 })
  .map((steps) => {
    const frames: Frame[] = [];
    let prev: Record<string, NodeCounters> = {};
    let restarts = 0;
    for (const [fresh, how, brokerChange] of steps) {
      let counters: Record<string, NodeCounters>;
      if (how === 0) counters = fresh; // anything
      else {
        // the same nodes, a value or two moved (how === 3: nothing changed)
        counters = {};
        for (const [id, c] of Object.entries(prev)) {
          const next: Record<string, unknown> = { ...c };
          const key = Object.keys(c)[how % Math.max(1, Object.keys(c).length)];
          if (how !== 3 && typeof next[key] === 'number') next[key] = (next[key] as number) + 1;
          if (how !== 3 && typeof next[key] === 'boolean') next[key] = !next[key];
          if (how !== 3 && key === 'state') next[key] = next[key] === 'busy' ? 'idle' : 'busy';
          counters[id] = next as NodeCounters;
        }
      }
      if (brokerChange === 1) restarts++;
      frames.push(frame(counters, status(restarts), frames.length));
      prev = counters;
    }
    return frames;
  });

/** A frame as JSON, its own fields sorted (their order means nothing), everything in them in its order. */
const text = (f: Frame | null) => (f ? JSON.stringify(Object.fromEntries(Object.entries(f).sort(([a], [b]) => (a < b ? -1 : 1)))) : 'null');

/** As postMessage does: a structured clone (the page never holds the worker's objects). */
const post = (f: SentFrame): SentFrame => structuredClone(f);

describe('frame changes (frame-delta.ts)', () => {
  it('the page rebuilds every frame as the simulation made it (same entries, keys in the same order), whatever changes between frames, with resyncs anywhere', () => {
    fc.assert(
      fc.property(run, fc.array(fc.nat(30), { maxLength: 3 }), (frames, resyncAt) => {
        const enc = new FrameEncoder();
        const dec = new FrameDecoder();
        frames.forEach((f, i) => {
          const want = text(f);
          if (resyncAt.includes(i)) enc.reset();
          expect(text(dec.decode(post(enc.encode(f))))).toBe(want);
        });
      }),
      { numRuns: 300 },
    );
  });

  it('sends only what changed: an unchanged frame carries no counters and no broker status; one value is one pair and one number', () => {
    const enc = new FrameEncoder();
    const a = { q: { ready: 1, unacked: 0, consumers: 1 }, c: { delivered: 3, state: 'busy' as const } };
    expect(enc.encode(frame(a, status(0))).counters).toBe(a);
    const same = enc.encode(frame({ q: { ...a.q }, c: { ...a.c } }, status(0)));
    expect(same.counters).toBeUndefined();
    expect(same.broker).toBeUndefined();
    expect(same.countersDelta).toEqual({ changes: new Uint16Array(0), values: new Float64Array(0) });
    const one = enc.encode(frame({ q: { ...a.q, ready: 2 }, c: { ...a.c, state: 'idle' } }, status(1)));
    expect(one.countersDelta?.nodes).toBeUndefined();
    expect(one.countersDelta?.set).toBeUndefined();
    expect([...one.countersDelta!.changes]).toEqual([0, 0, 1, 14]);
    expect([...one.countersDelta!.values]).toEqual([2, 0]);
    expect(one.countersDelta?.strings).toEqual(['idle']);
    expect(one.broker?.restarts).toBe(1);
  });

  it('changes without the frame before them are refused (the page asks for a resync)', () => {
    const enc = new FrameEncoder();
    enc.encode(frame({ q: { ready: 1 } }));
    expect(new FrameDecoder().decode(enc.encode(frame({ q: { ready: 2 } })))).toBeNull();
  });

  it('the handler sends a run whole first, then changes, and a resync whole again; made whole they are the frames of a simulation run alone', async () => {
    const sent: SentFrame[] = [];
    const whole: Frame[] = [];
    const decode = wholeFrames(whole);
    const handle = createHandler((r) => {
      if (r.type !== 'frame') return;
      sent.push(structuredClone(r));
      decode(structuredClone(r));
    });
    handle({ type: 'load', doc: presetDoc('work-queues') });
    handle({ type: 'play' });
    for (let i = 0; i < 30; i++) handle({ type: 'tick', wallMs: 16 });
    handle({ type: 'resync' });
    handle({ type: 'tick', wallMs: 16 });
    for (let i = 0; i < 200 && sent.length < 34; i++) await new Promise((r) => setTimeout(r, 10));
    expect(sent.map((f) => (f.counters ? 'whole' : 'changes'))).toEqual(['whole', ...Array(31).fill('changes'), 'whole', 'changes']);
    expect(whole.every((f) => Object.keys(f.counters).length > 0 && f.broker)).toBe(true);
    // the counters of the last frame, as a fresh simulation run for the same virtual time has them
    const { Simulation } = await import('./simulation');
    const sim = await Simulation.create(presetDoc('work-queues'));
    await sim.advance(whole.at(-1)!.t);
    expect(JSON.stringify(sim.counters())).toBe(JSON.stringify(whole.at(-1)!.counters));
  });
});
