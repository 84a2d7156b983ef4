import { describe, expect, it } from 'vitest';
import { PRESETS } from '../scenario/presets';
import { EFFECT_MS, FlightTracker } from './flights';
import { FLIGHT_STRIDE, isParked, MotionFeed, MotionView } from './motion';
import { Simulation } from './simulation';

/** A preset's simulation, playing, with a motion feed built from its first frame. */
async function playing(id: string) {
  const preset = PRESETS.find((p) => p.id === id)!;
  const sim = await Simulation.create(preset.doc);
  sim.playing = true;
  const first = sim.frame();
  return { sim, first, feed: new MotionFeed(first.map!, preset.doc.settings.latency) };
}

describe('motion: flights computed in the worker, drawn on the page', () => {
  it('the page sees exactly what a tracker fed every event sees, frame by frame, for every preset', async () => {
    for (const preset of PRESETS) {
      const sim = await Simulation.create(preset.doc);
      sim.playing = true;
      const first = sim.frame();
      const direct = new FlightTracker(first.map!, preset.doc.settings.latency);
      const feed = new MotionFeed(first.map!, preset.doc.settings.latency);
      const view = new MotionView();
      direct.ingest(first.events);
      view.apply(feed.take(first.events));
      for (let i = 0; i < 30; i++) {
        await sim.advance(300);
        const { events, t } = sim.frame();
        direct.ingest(events);
        view.apply(feed.take(events));
        // Every other frame the view forgets what has arrived (as the draw loop makes it do), and
        // so does the reference, by hand.
        if (i % 2) {
          view.prune(t - 400);
          direct.flights = direct.flights.filter((f) => f.t1 >= t - 400);
          direct.bursts = direct.bursts.filter((b) => b.t + EFFECT_MS >= t - 400);
        }
        expect(view.flightList(), preset.id).toEqual(direct.flights);
        expect(view.bursts, preset.id).toEqual(direct.bursts);
        // Marks still at their consumers; the view also keeps, until drawn past, those that left.
        const current = [...view.parked].filter(([, p]) => p.end === undefined);
        expect(current.sort(), preset.id).toEqual([...direct.parked].sort());
        if (i % 2) for (const p of view.parked.values()) expect(p.end === undefined || p.end >= t - 400).toBe(true);
      }
    }
  });

  it('a mark stays at its consumer until its ack leaves, however far behind the page draws', async () => {
    const { sim, feed, first } = await playing('work-queues');
    const view = new MotionView();
    view.apply(feed.take(first.events));
    await sim.advance(10_000);
    view.apply(feed.take(sim.frame().events));
    const left = [...view.parked.values()].filter((p) => p.end !== undefined);
    expect(left.length).toBeGreaterThan(0);
    for (const p of left) {
      expect(isParked(p, p.t)).toBe(true);
      expect(isParked(p, p.end! - 1)).toBe(true);
      expect(isParked(p, p.end!)).toBe(false);
    }
    const last = Math.max(...left.map((p) => p.end!));
    view.prune(last + 1);
    expect([...view.parked.values()].filter((p) => p.end !== undefined)).toEqual([]);
  });

  it('holds many thousands of flights in its columns, and prunes exactly those that have arrived', () => {
    const view = new MotionView();
    const n = 5000;
    const flights = new Float64Array(n * FLIGHT_STRIDE);
    for (let i = 0; i < n; i++) flights.set([i, i % 3, (i + 1) % 3, i, i + 100, i % 5, i % 8, i % 4], i * FLIGHT_STRIDE);
    view.apply({ nodes: ['p', 'x', 'q'], flights, bursts: new Float64Array(0), parkedKeys: [], parked: new Float64Array(0), unparked: [], unparkedAt: [] });
    expect(view.count).toBe(n);
    const list = view.flightList();
    expect(list[4321]).toEqual({ id: 4321, from: ['p', 'x', 'q'][4321 % 3], to: ['p', 'x', 'q'][4322 % 3], t0: 4321, t1: 4421, mark: 1, color: 1, reverse: true, side: false });
    view.prune(3000);
    // Flights ending before 3,000 (t1 = i + 100 < 3,000) are gone, the rest kept in order.
    expect(view.count).toBe(n - 2900);
    expect(view.flightList().map((f) => f.id)).toEqual(list.slice(2900).map((f) => f.id));
    expect(view.flightList()[0]).toEqual(list[2900]);
  });

  it('a frame carries only what changed: flights and effects once, parked marks as they come and go', async () => {
    const { sim, feed, first } = await playing('work-queues');
    feed.take(first.events);
    await sim.advance(3_000);
    const busy = feed.take(sim.frame().events);
    expect(busy.flights.length).toBeGreaterThan(0);
    expect(busy.parkedKeys.length).toBeGreaterThan(0);
    // Nothing happened since: nothing to send.
    const quiet = feed.take([]);
    expect([quiet.flights.length, quiet.bursts.length, quiet.parkedKeys.length, quiet.unparked.length]).toEqual([0, 0, 0, 0]);
    // The consumers ack what they were processing: those marks are released.
    await sim.advance(3_000);
    const later = feed.take(sim.frame().events);
    expect(later.unparked.some((k) => busy.parkedKeys.includes(k))).toBe(true);
  });
});
