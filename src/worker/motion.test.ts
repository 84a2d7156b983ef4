import { describe, expect, it } from 'vitest';
import { PRESETS } from '../scenario/presets';
import { FlightTracker } from './flights';
import { MotionFeed, MotionView } from './motion';
import { Simulation } from './simulation';

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
        const { events } = sim.frame();
        direct.ingest(events);
        view.apply(feed.take(events));
        expect(view.flights, preset.id).toEqual(direct.flights);
        expect(view.bursts, preset.id).toEqual(direct.bursts);
        expect([...view.parked].sort(), preset.id).toEqual([...direct.parked].sort());
      }
    }
  });

  it('a frame carries only what changed: flights and effects once, parked marks as they come and go', async () => {
    const preset = PRESETS.find((p) => p.id === 'work-queues')!;
    const sim = await Simulation.create(preset.doc);
    sim.playing = true;
    const first = sim.frame();
    const feed = new MotionFeed(first.map!, preset.doc.settings.latency);
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
