import { describe, expect, it } from 'vitest';
import type { TraceEvent } from '../engine';
import { PRESETS } from '../scenario/presets';
import { EventPacker, eventsIn, packReply, unpackEvents, unpackReply, type WireFrame } from './codec';
import type { Frame } from './protocol';
import { Simulation } from './simulation';

/** Same members in the same order, recursively (toEqual ignores key order and undefined members). */
function sameShape(a: unknown, b: unknown): boolean {
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((x, i) => sameShape(x, b[i]));
  if (a && typeof a === 'object') {
    if (!b || typeof b !== 'object') return false;
    const ka = Object.keys(a);
    const kb = Object.keys(b);
    return ka.join() === kb.join() && ka.every((k) => sameShape((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
  }
  return Object.is(a, b);
}

describe('packed frame events', () => {
  it('round-trips every preset run: equal events, keys in order', async () => {
    const packer = new EventPacker();
    for (const preset of PRESETS) {
      const sim = await Simulation.create(preset.doc);
      sim.playing = true;
      for (let i = 0; i < 40; i++) {
        await sim.advance(250);
        const frame = sim.frame();
        const back = unpackEvents(packer.pack(frame.events));
        expect(back, preset.id).toEqual(frame.events);
        expect(sameShape(back, frame.events), preset.id).toBe(true);
      }
    }
  });

  it('keeps undefined members, optional members, special numbers, nested arrays and shared objects', () => {
    const binding = { source: 'x', destination: 'q', destinationType: 'queue', routingKey: 'a.*', arguments: { 'x-match': 'all', n: 1 } };
    const events = [
      { type: 'published', id: 1, vhost: '/', exchange: 'x', routingKey: 'a.b', channel: 3, size: 0, mandatory: false, t: 0, seq: 0 },
      { type: 'published', id: 2, vhost: '/', exchange: 'x', routingKey: 'é🐇', channel: 3, size: 5, mandatory: true, publishSeq: 7, parentId: undefined, t: -0, seq: 1 },
      { type: 'routed', id: 2, vhost: '/', exchange: 'x', bindings: [binding, binding], queues: ['q', 'r'], t: NaN, seq: 2 },
      { type: 'dropped', id: 2, vhost: '/', queue: null, reason: 'maxlen', t: Infinity, seq: 3 },
      { type: 'dead-lettered', id: 2, vhost: '/', queue: 'q', reason: 'expired', newId: 9, exchange: '', routingKeys: [], t: 1.5, seq: 4 },
      { type: 'x-nested', list: [[1, 'a'], [], [true, false, null]], t: 2, seq: 5 },
    ] as unknown as TraceEvent[];
    const back = unpackEvents(new EventPacker().pack(events));
    expect(sameShape(back, events)).toBe(true);
    expect('parentId' in back[1]).toBe(true);
    const routed = back[2] as Extract<TraceEvent, { type: 'routed' }>;
    expect(routed.bindings[0]).toBe(routed.bindings[1]);
  });

  it('packs frames for the wire with transferable buffers, and other replies as they are', async () => {
    const sim = await Simulation.create(PRESETS[0].doc);
    sim.playing = true;
    await sim.advance(3000);
    const frame: Frame = sim.frame();
    // Transferring detaches the sender's buffers: compare with a copy taken before.
    const before = structuredClone(frame);
    const packer = new EventPacker();
    const { message, transfer } = packReply(frame, packer);
    // The events' tags and values, and the motion's flights, bursts and parked marks.
    expect(frame.motion).toBeDefined();
    expect(transfer).toHaveLength(5);
    expect('events' in message && message.events).toBeFalsy();
    const back = structuredClone(message, { transfer });
    expect(unpackReply(back)).toEqual(before);
    const problem = { type: 'problem', message: 'x' } as const;
    expect(packReply(problem, packer)).toEqual({ message: problem, transfer: [] });
    expect(unpackReply(problem)).toBe(problem);
    // The packer starts each frame afresh.
    expect(unpackEvents(packer.pack([]))).toEqual([]);
  });

  it('unpacks a frame\'s events only when they are read, and counts them without unpacking', async () => {
    const sim = await Simulation.create(PRESETS[0].doc);
    sim.playing = true;
    await sim.advance(3000);
    const frame: Frame = sim.frame();
    const before = structuredClone(frame);
    const { message, transfer } = packReply(frame, new EventPacker());
    const back = structuredClone(message, { transfer }) as WireFrame;
    const lazy = unpackReply(back) as Frame;
    expect(before.events.length).toBeGreaterThan(0);
    expect(eventsIn(lazy)).toBe(before.events.length);
    // Strings changed after arrival show up in the events: they were unpacked on reading, not before.
    back.packed.strings.fill('unpacked late');
    expect(lazy.events[0].type).toBe('unpacked late');
    // Read once: the same array after.
    expect(lazy.events).toBe(lazy.events);
  });
});
