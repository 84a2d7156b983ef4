import { describe, expect, it } from 'vitest';
import { presetById } from '../scenario/presets';
import { Simulation } from './simulation';
import { colorOf, FlightTracker, Mark, Effect } from './flights';

async function run(id: string, ms: number) {
  const doc = presetById(id)!.doc;
  const sim = await Simulation.create(doc);
  await sim.advance(ms);
  const frame = sim.frame();
  const tracker = new FlightTracker(frame.map!, doc.settings.latency);
  tracker.ingest(frame.events);
  const named = (name: string) => doc.nodes.find((n) => n.kind !== 'note' && n.config.name === name)!.id;
  return { doc, frame, tracker, named };
}

describe('FlightTracker', () => {
  it('follows a task from producer to queue (default exchange), to a consumer, and its ack back', async () => {
    const { tracker, named, frame, doc } = await run('work-queues', 3_000);
    const L = doc.settings.latency;
    const first = frame.events.find((e) => e.type === 'published')!;
    const legs = tracker.flights.filter((f) => f.id === first.id);
    expect(legs.map((f) => [f.from, f.to, f.mark])).toEqual([
      [named('new_task'), named('task_queue'), Mark.Message],
      [named('task_queue'), named('C1'), Mark.Message],
      [named('task_queue'), named('C1'), Mark.Ack],
    ]);
    // The publish leg spans publish + route latency; each leg ends where the next begins or later.
    expect(legs[0].t1 - legs[0].t0).toBe(L.publish + L.route);
    expect(legs[1].t0).toBeGreaterThanOrEqual(legs[0].t1);
    expect(legs[2].reverse).toBe(true);
  });

  it('parks a delivered message at its consumer until it is acked', async () => {
    const { tracker, frame } = await run('work-queues', 2_000);
    const delivered = frame.events.filter((e) => e.type === 'delivered').length;
    const acked = frame.events.filter((e) => e.type === 'acked').length;
    expect(delivered).toBeGreaterThan(acked);
    expect(tracker.parked.size).toBe(delivered - acked);
  });

  it('sends a dead-lettered message from its queue towards the dead-letter exchange', async () => {
    const { tracker, frame } = await run('ttl-dlx', 15_000);
    const dl = frame.events.find((e) => e.type === 'dead-lettered');
    expect(dl).toBeDefined();
    if (dl?.type !== 'dead-lettered') return;
    const legs = tracker.flights.filter((f) => f.id === dl.newId && f.mark === Mark.DeadLetter);
    expect(legs.length).toBeGreaterThanOrEqual(1);
    expect(legs[0].side).toBe(true);
  });

  it('shows an unroutable message vanishing at its exchange', async () => {
    const { tracker, frame } = await run('alternate-exchange', 20_000);
    const unroutable = frame.events.filter((e) => e.type === 'unroutable').length;
    expect(tracker.bursts.filter((b) => b.effect === Effect.Unroutable).length).toBe(unroutable);
  });

  it('draws a Direct Reply-to reply flying from the RPC server straight back to the client, not as unroutable', async () => {
    const { tracker, named, frame } = await run('rpc', 6_000);
    const replies = tracker.flights.filter((f) => f.mark === Mark.Reply);
    expect(replies.length).toBeGreaterThan(0);
    for (const f of replies) expect([f.from, f.to]).toEqual([named('rpc-server'), named('rpc-client')]);
    const replyIds = new Set(replies.map((f) => f.id));
    expect(tracker.bursts.filter((b) => replyIds.has(b.id) && b.effect === Effect.Unroutable)).toEqual([]);
    expect(frame.events.some((e) => e.type === 'delivered' && e.queue === 'amq.rabbitmq.reply-to')).toBe(true);
  });

  it('colours by routing key, stably', () => {
    expect(colorOf('quick.orange.rabbit')).toBe(colorOf('quick.orange.rabbit'));
    const colours = new Set(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'].map(colorOf));
    expect(colours.size).toBeGreaterThan(3);
  });
});
