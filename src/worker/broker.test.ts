import { describe, expect, it } from 'vitest';
import { restoreScenario } from '../scenario/restore';
import type { ScenarioDocument } from '../scenario/schema';
import { RECONNECT_MS } from './admin-commands';
import { createHandler } from './handler';
import type { Frame } from './protocol';
import { Simulation } from './simulation';
import { nodeIdOf, presetDoc, wholeFrames } from './test-helpers';

const withBroker = (doc: ScenarioDocument, broker: unknown): ScenarioDocument => {
  const r = restoreScenario({ ...doc, broker });
  if (!r.ok) throw new Error(r.error);
  return r.doc;
};

describe('broker section', () => {
  it('permissions: a user that may write but not read is refused when it consumes, in RabbitMQ words', async () => {
    const doc = presetDoc('permissions');
    const sim = await Simulation.create(doc);
    await sim.advance(5_000);
    const f = sim.frame();
    expect(f.counters[nodeIdOf(doc, 'shop-reader')].error).toBe("ACCESS_REFUSED - access to queue 'orders.new' in vhost '/' refused for user 'shop'");
    expect(f.counters[nodeIdOf(doc, 'shop-app')].error).toBeUndefined();
    expect(f.counters[nodeIdOf(doc, 'shop-app')].published).toBeGreaterThanOrEqual(4);
    expect(f.counters[nodeIdOf(doc, 'warehouse')].acked).toBeGreaterThanOrEqual(3);
    expect(f.broker?.problems).toEqual([]);
  });

  it('a vhost that is not in the broker section refuses the connection (530)', async () => {
    const doc = presetDoc('vhosts');
    const sim = await Simulation.create(withBroker(doc, { vhosts: ['shop'], permissions: [{ user: 'guest', vhost: 'shop' }] }));
    await sim.advance(1_000);
    const f = sim.frame();
    expect(f.counters[nodeIdOf(doc, 'billing-app')].error).toBe('NOT_ALLOWED - vhost billing not found');
    expect(f.counters[nodeIdOf(doc, 'shop-app')].error).toBeUndefined();
  });

  it('vhosts: same names in two vhosts stay apart', async () => {
    const doc = presetDoc('vhosts');
    const sim = await Simulation.create(doc);
    await sim.advance(6_000);
    const f = sim.frame();
    const shop = f.events.filter((e) => e.type === 'enqueued' && e.vhost === 'shop').length;
    const billing = f.events.filter((e) => e.type === 'enqueued' && e.vhost === 'billing').length;
    // Every message stays in its own vhost (one may still be on its way).
    expect(shop).toBeGreaterThanOrEqual(f.counters[nodeIdOf(doc, 'shop-app')].published! - 1);
    expect(billing).toBeGreaterThanOrEqual(f.counters[nodeIdOf(doc, 'billing-app')].published! - 1);
    expect(f.counters[nodeIdOf(doc, 'shop-worker')].delivered).toBeLessThanOrEqual(f.counters[nodeIdOf(doc, 'shop-app')].published!);
    expect(f.counters[nodeIdOf(doc, 'billing-worker')].delivered).toBeLessThanOrEqual(f.counters[nodeIdOf(doc, 'billing-app')].published!);
    expect(shop).toBeGreaterThan(billing);
  });

  it('policies: the policy applies, its lower TTL wins over the argument, max-length cuts', async () => {
    const doc = presetDoc('policies');
    const sim = await Simulation.create(doc);
    await sim.advance(12_000);
    const f = sim.frame();
    const q = nodeIdOf(doc, 'orders.created');
    expect(f.broker?.policies[q]).toBe('orders-limits');
    expect(f.broker?.policies[nodeIdOf(doc, 'audit')]).toBeUndefined();
    expect(f.counters[q].ready).toBeLessThanOrEqual(10);
    expect(f.counters[nodeIdOf(doc, 'dead-letters')].enqueued).toBeGreaterThan(5);
    // audit keeps everything: all but the (at 5 a second) one or two messages still on their way.
    expect(f.counters[nodeIdOf(doc, 'audit')].ready).toBeGreaterThanOrEqual(f.counters[nodeIdOf(doc, 'orders-app')].published! - 2);
  });

  it('refusals of the broker section are reported and the rest applies', async () => {
    const doc = presetDoc('policies');
    const bad = withBroker(doc, { policies: [{ name: 'p', pattern: '.*', definition: { 'message-ttl': 5, 'no-such-key': 1 } }], users: [{ name: 'u' }], permissions: [{ user: 'u', vhost: 'nope' }] });
    const sim = await Simulation.create(bad);
    const f = sim.frame();
    expect(f.broker?.problems).toEqual(["permissions of 'u' on 'nope': no such vhost 'nope'", "policy 'p': unknown policy key 'no-such-key'"]);
    expect(f.broker?.policies).toEqual({});
  });
});

describe('restart', () => {
  it('durability-restart: transient queue and non-persistent messages go, durable ones stay; agents reconnect', async () => {
    const doc = presetDoc('durability-restart');
    const sim = await Simulation.create(doc);
    await sim.advance(2_400);
    let f = sim.frame();
    const durable = nodeIdOf(doc, 'durable-queue');
    const transient = nodeIdOf(doc, 'transient-queue');
    expect(f.counters[durable].ready).toBe(10);
    expect(f.counters[transient].ready).toBe(10);
    await sim.advance(200); // the timeline restarts at 2.5 s
    f = sim.frame();
    expect(f.events.some((e) => e.type === 'broker-restarted')).toBe(true);
    expect(f.counters[durable].ready).toBe(5);
    expect(f.broker?.missing).toEqual([transient]);
    expect(f.broker?.restarting).toBe(true);
    expect(f.counters[nodeIdOf(doc, 'persistent')].error).toMatch(/CONNECTION_FORCED/);
    expect(f.counters[nodeIdOf(doc, 'persistent')].published).toBe(5);
    await sim.advance(RECONNECT_MS);
    f = sim.frame();
    expect(f.broker?.restarting).toBe(false);
    expect(f.broker?.restarts).toBe(1);
    expect(f.counters[nodeIdOf(doc, 'persistent')].error).toBeUndefined();
    expect(f.counters[nodeIdOf(doc, 'persistent')].published).toBe(5);
    await sim.advance(3_000);
    expect(sim.frame().counters[durable].ready).toBe(5); // the limit carried over: no new sends
  });

  it('a consumer reconnects after a restart and its unacked persistent messages come back redelivered', async () => {
    const doc = withBroker(presetDoc('memory-alarm'), {});
    const sim = await Simulation.create(doc);
    await sim.advance(2_000);
    await sim.control.command({ op: 'restart' });
    await sim.advance(0);
    const worker = nodeIdOf(doc, 'slow-worker');
    const before = sim.frame();
    expect(before.counters[worker].error).toMatch(/CONNECTION_FORCED/);
    // jobs is durable but the messages are not persistent: all gone.
    expect(before.counters[nodeIdOf(doc, 'jobs')].ready).toBe(0);
    await sim.advance(RECONNECT_MS + 1_000);
    const after = sim.frame();
    expect(after.counters[worker].error).toBeUndefined();
    expect(after.counters[worker].acked).toBeGreaterThan(before.counters[worker].acked!);
    expect(after.counters[nodeIdOf(doc, 'fast-publisher')].published).toBeGreaterThan(before.counters[nodeIdOf(doc, 'fast-publisher')].published!);
  });
});

describe('alarms', () => {
  it('memory-alarm: the producer is blocked past the watermark and unblocked once the queue drains', async () => {
    const doc = presetDoc('memory-alarm');
    const sim = await Simulation.create(doc);
    const p = nodeIdOf(doc, 'fast-publisher');
    let sawBlocked = false;
    let sawAlarm = false;
    for (let t = 0; t < 40_000; t += 250) {
      await sim.advance(250);
      const f = sim.frame();
      if (f.counters[p].blocked) {
        sawBlocked = true;
        expect(f.broker?.blocked).toEqual([p]);
      }
      if (f.broker?.resources.alarms.includes('memory')) sawAlarm = true;
    }
    const f = sim.frame();
    expect(sawAlarm && sawBlocked).toBe(true);
    expect(f.counters[p].blocked).toBe(false);
    expect(f.counters[p].published).toBe(100);
    expect(f.counters[nodeIdOf(doc, 'slow-worker')].acked).toBe(100);
    expect(f.broker?.resources.alarms).toEqual([]);
  });

  it('timeline and commands set the watermark and the disk; a bad value is refused in words and changes nothing', async () => {
    const base = presetDoc('hello-world');
    const doc = restoreScenario({ ...base, timeline: [{ at: 1000, action: { type: 'set-disk-free', bytes: 1000 } }, { at: 2000, action: { type: 'set-memory-watermark', fraction: 0 } }] });
    if (!doc.ok) throw new Error(doc.error);
    const sim = await Simulation.create(doc.doc);
    await sim.advance(1_500);
    expect(sim.frame().broker?.resources.alarms).toEqual(['disk']);
    await sim.advance(1_000);
    expect(sim.frame().broker?.resources.alarms).toEqual(['memory', 'disk']);
    await sim.control.command({ op: 'set-memory-watermark', fraction: 2 });
    const f = sim.frame();
    expect(f.broker?.problems).toEqual(['memory high watermark must be a fraction between 0 and 1, got 2']);
    expect(f.broker?.resources.memory.watermark).toBe(0);
    await sim.control.command({ op: 'set-resources', resources: { diskFree: 10e9, memoryHighWatermark: 0.4 } });
    expect(sim.frame().broker?.resources.alarms).toEqual([]);
  });

  it('the handler runs broker commands and answers with a frame', async () => {
    const frames: Frame[] = [];
    const handle = createHandler(wholeFrames(frames));
    handle({ type: 'load', doc: presetDoc('hello-world') });
    handle({ type: 'broker', op: 'set-disk-free-limit', bytes: 200e9 });
    await new Promise((r) => setTimeout(r, 50));
    expect(frames.at(-1)?.broker?.resources.alarms).toEqual(['disk']);
    expect(frames.at(-1)?.broker?.resources.disk.limit).toBe(200e9);
  });
});
