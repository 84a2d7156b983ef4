import { describe, expect, it } from 'vitest';
import { Simulation } from './simulation';
import { nodeIdOf, presetDoc } from './test-helpers';

describe('Simulation', () => {
  it('work queues: round-robin gives both consumers the same number of tasks', async () => {
    const doc = presetDoc('work-queues');
    const sim = await Simulation.create(doc);
    await sim.advance(10_000);
    const f = sim.frame();
    const c1 = f.counters[nodeIdOf(doc, 'C1')];
    const c2 = f.counters[nodeIdOf(doc, 'C2')];
    expect(c1.delivered).toBeGreaterThan(5);
    expect(Math.abs((c1.delivered ?? 0) - (c2.delivered ?? 0))).toBeLessThanOrEqual(1);
    const deliveries = f.events.filter((e) => e.type === 'delivered').map((e) => (e.type === 'delivered' ? f.map!.channels[e.channel] : ''));
    // Strict alternation between the two consumers.
    for (let i = 1; i < deliveries.length; i++) expect(deliveries[i]).not.toBe(deliveries[i - 1]);
  });

  it('the same document gives the same trace, event for event', async () => {
    const run = async () => {
      const sim = await Simulation.create(presetDoc('ttl-dlx'));
      await sim.advance(8_000);
      return JSON.stringify(sim.frame().events);
    };
    const a = await run();
    expect(a.length).toBeGreaterThan(1000);
    expect(await run()).toBe(a);
  });

  it('step returns one event at a time, in trace order', async () => {
    const doc = presetDoc('hello-world');
    const ref = await Simulation.create(doc);
    await ref.advance(10_000);
    const all = ref.frame().events.filter((e) => e.t > 0);
    const sim = await Simulation.create(doc);
    sim.frame(); // drop setup events
    const stepped = [];
    for (let i = 0; i < 12; i++) {
      const e = await sim.step();
      expect(e).not.toBeNull();
      stepped.push(e);
    }
    expect(stepped.map((e) => `${e!.type}@${e!.t}`)).toEqual(all.slice(0, 12).map((e) => `${e.type}@${e.t}`));
  });

  it('a killed consumer connection requeues its unacked message and counts stay exact', async () => {
    const doc = presetDoc('work-queues');
    const sim = await Simulation.create(doc);
    await sim.advance(2_000);
    const c1 = nodeIdOf(doc, 'C1');
    await sim.consumerAction(c1, 'kill-connection');
    await sim.advance(10);
    const f = sim.frame();
    expect(f.events.some((e) => e.type === 'requeued')).toBe(true);
    expect(f.counters[c1].state).toBe('stopped');
    expect(f.counters[c1].error).toMatch(/unacked messages went back/);
  });
});

describe('counters and stepping', () => {
  it('a consumer always has delivered = acked + nacked + rejected + unacked, even with acks in flight', async () => {
    for (const id of ['work-queues', 'ttl-dlx', 'fair-dispatch']) {
      const doc = presetDoc(id);
      const sim = await Simulation.create(doc);
      for (let i = 0; i < 60; i++) {
        await sim.advance(137);
        for (const n of doc.nodes) {
          if (n.kind !== 'consumer') continue;
          const c = sim.counters()[n.id];
          expect(c.delivered, `${id} ${n.config.name} at ${i}`).toBe((c.acked ?? 0) + (c.nacked ?? 0) + (c.rejected ?? 0) + (c.unacked ?? 0));
        }
      }
    }
  });

  it('a paused frame after a step does not leak the rest of that instant into the log', async () => {
    const sim = await Simulation.create(presetDoc('work-queues'));
    sim.frame();
    const seen: string[] = [];
    for (let i = 0; i < 20; i++) {
      const e = await sim.step();
      const f = sim.frame(e);
      expect(f.events).toHaveLength(1);
      expect(f.t).toBe(e!.t);
      seen.push(`${e!.seq}`);
      // the UI ticks between steps while paused: nothing new may appear
      expect(sim.frame().events).toHaveLength(0);
    }
    expect(new Set(seen).size).toBe(20);
  });

  it('a killed connection keeps the consumer counts it had; producers report whether they run', async () => {
    const doc = presetDoc('work-queues');
    const sim = await Simulation.create(doc);
    await sim.advance(3_000);
    const c1 = nodeIdOf(doc, 'C1');
    const before = sim.counters()[c1];
    await sim.consumerAction(c1, 'kill-connection');
    const after = sim.counters()[c1];
    expect(after.acked).toBe(before.acked);
    expect(after.delivered).toBe(before.acked);
    expect(after.unacked).toBe(0);
    const p = nodeIdOf(doc, 'new_task');
    expect(sim.counters()[p].running).toBe(true);
    sim.producerAction(p, 'stop');
    expect(sim.counters()[p].running).toBe(false);
  });
});

describe('message explanations', () => {
  it('a dead-lettered message carries its x-death header and its route to the dead-letter queue', async () => {
    const doc = presetDoc('ttl-dlx');
    const sim = await Simulation.create(doc);
    await sim.advance(20_000);
    const dl = sim.frame().events.find((e) => e.type === 'dead-lettered');
    expect(dl?.type).toBe('dead-lettered');
    if (dl?.type !== 'dead-lettered') return;
    const { explainMessage } = await import('./explain');
    const child = explainMessage(sim, 1, dl.newId);
    const headers = child.details?.properties.headers as Record<string, unknown>;
    expect(Array.isArray(headers['x-death'])).toBe(true);
    const parent = explainMessage(sim, 2, dl.id);
    expect(parent.events.map((e) => e.type)).toContain('dead-lettered');
    expect(parent.events.some((e) => e.type === 'routed' && e.id === dl.newId)).toBe(true);
    expect(Object.keys(parent.routes).length).toBeGreaterThanOrEqual(2);
    expect(parent.details?.body).toMatch(/\S/);
    // The copy knows where it came from, its beginning is not "lost", and its route uses the dead-lettering keys.
    expect(child.events[0]).toMatchObject({ type: 'dead-lettered', id: dl.id, newId: dl.newId });
    expect(child.truncated).toBe(false);
    const routed = child.events.find((e) => e.type === 'routed' && e.id === dl.newId);
    expect(child.routes[routed!.seq].routingKeys).toEqual([dl.routingKeys[0]]);
  });
});
