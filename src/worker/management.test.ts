/** The management views' operations on the simulated broker, with the management plugin's semantics. */
import { describe, expect, it } from 'vitest';
import type { ScenarioDocument } from '../scenario/schema';
import type { AckMode, ManagementOp, ManagementResult } from './management-protocol';
import { Simulation } from './simulation';
import { presetDoc } from './test-helpers';

/** A preset's exchanges, queues and bindings only: no client moves a message but ours. */
function topologyOf(id: string): ScenarioDocument {
  const doc = presetDoc(id);
  return { ...doc, nodes: doc.nodes.filter((n) => n.kind === 'exchange' || n.kind === 'queue'), edges: doc.edges.filter((e) => e.kind === 'binding'), timeline: [] };
}

/** Runs an operation while virtual time moves on (its calls take the scenario's latencies). */
async function run(sim: Simulation, op: ManagementOp, ms = 5_000): Promise<ManagementResult> {
  const answer = sim.management.run(op);
  await sim.advance(ms);
  return answer;
}

const publish = (routingKey: string, payload: string, more: Partial<Extract<ManagementOp, { op: 'publish' }>> = {}): ManagementOp => ({
  op: 'publish', vhost: '/', exchange: 'direct_logs', routingKey, payload, payloadEncoding: 'string', properties: {}, ...more,
});
const get = (queue: string, ackmode: AckMode, count = 1): ManagementOp => ({ op: 'get', vhost: '/', queue, count, ackmode, encoding: 'auto' });
const depth = (sim: Simulation, queue: string) => sim.broker.snapshot().queues.find((q) => q.name === queue)!.ready;

describe('Publish message', () => {
  it('answers routed or not routed (mandatory, as the management plugin publishes), and the message reaches the bound queues', async () => {
    const sim = await Simulation.create(topologyOf('routing'));
    expect(await run(sim, publish('error', 'disk full'))).toEqual({ op: 'publish', routed: true });
    expect(depth(sim, 'errors')).toBe(1);
    expect(depth(sim, 'all_logs')).toBe(1);
    expect(await run(sim, publish('debug', 'nobody'))).toEqual({ op: 'publish', routed: false });
    expect(depth(sim, 'all_logs')).toBe(1);
    const types = sim.broker.trace.events().map((e) => e.type);
    expect(types).toContain('returned');
  });

  it('on a queue: through the default exchange with the queue name as routing key', async () => {
    const sim = await Simulation.create(topologyOf('routing'));
    expect(await run(sim, publish('all_logs', 'direct', { exchange: '' }))).toEqual({ op: 'publish', routed: true });
    expect(depth(sim, 'all_logs')).toBe(1);
    expect(depth(sim, 'errors')).toBe(0);
  });

  it("carries the form's properties and headers; a base64 payload is decoded", async () => {
    const sim = await Simulation.create(topologyOf('routing'));
    const properties = { delivery_mode: 2 as const, content_type: 'text/plain', correlation_id: 'c-1', reply_to: 'answers', priority: 3, message_id: 'm-1', app_id: 'ops', headers: { tries: 2, urgent: true, who: 'me' } };
    await run(sim, publish('error', 'AAEC/w==', { payloadEncoding: 'base64', properties }));
    const r = await run(sim, get('errors', 'ack_requeue_false'));
    if (!('messages' in r)) throw new Error(JSON.stringify(r));
    expect(r.messages[0]).toEqual({
      payload_bytes: 4, redelivered: false, exchange: 'direct_logs', routing_key: 'error', message_count: 0,
      properties, payload: 'AAEC/w==', payload_encoding: 'base64',
    });
  });

  it("a missing exchange is refused in the broker's words", async () => {
    const sim = await Simulation.create(topologyOf('routing'));
    expect(await run(sim, publish('x', 'y', { exchange: 'nope' }))).toEqual({ op: 'publish', error: "NOT_FOUND - no exchange 'nope' in vhost '/'" });
  });
});

describe('Get messages: the four ack modes', () => {
  async function twoMessages(): Promise<Simulation> {
    const sim = await Simulation.create(topologyOf('routing'));
    await run(sim, publish('info', 'one'));
    await run(sim, publish('info', 'two'));
    return sim;
  }

  it('"Nack message requeue true": no nack is sent (as in 3.10.8); closing the channel requeues them, redelivered the next time', async () => {
    const sim = await twoMessages();
    const first = await run(sim, get('all_logs', 'ack_requeue_true', 5));
    expect('messages' in first && first.messages.map((m) => [m.payload, m.redelivered, m.message_count])).toEqual([['one', false, 1], ['two', false, 0]]);
    expect(depth(sim, 'all_logs')).toBe(2);
    const again = await run(sim, get('all_logs', 'ack_requeue_true', 1));
    expect('messages' in again && again.messages.map((m) => [m.payload, m.redelivered])).toEqual([['one', true]]);
    expect(sim.broker.stats().total).toMatchObject({ nacked: 0, rejected: 0 });
    expect(sim.broker.trace.events().filter((e) => e.type === 'requeued')).toHaveLength(3);
  });

  it('"Automatic ack": got with no-ack, gone from the queue', async () => {
    const sim = await twoMessages();
    const r = await run(sim, get('all_logs', 'ack_requeue_false', 1));
    expect('messages' in r && r.messages.map((m) => m.payload)).toEqual(['one']);
    expect(depth(sim, 'all_logs')).toBe(1);
  });

  it('"Reject requeue true": the messages stay', async () => {
    const sim = await twoMessages();
    await run(sim, get('all_logs', 'reject_requeue_true', 2));
    expect(depth(sim, 'all_logs')).toBe(2);
    expect(sim.broker.stats().total.rejected).toBe(2);
  });

  it('"Reject requeue false": gone, dead-lettered where the queue says so', async () => {
    const sim = await Simulation.create(topologyOf('ttl-dlx'));
    await run(sim, publish('task', 'job', { exchange: 'work' }), 1_000);
    expect(depth(sim, 'work')).toBe(1);
    await run(sim, get('work', 'reject_requeue_false'), 1_000); // within the retry queue's 3 s TTL
    expect(depth(sim, 'work')).toBe(0);
    expect(depth(sim, 'work.retry-3s')).toBe(1);
    expect(sim.broker.trace.events().some((e) => e.type === 'dead-lettered' && e.reason === 'rejected')).toBe(true);
  });

  it('an empty queue gives no messages; a missing one is refused', async () => {
    const sim = await Simulation.create(topologyOf('routing'));
    expect(await run(sim, get('errors', 'ack_requeue_true', 3))).toEqual({ op: 'get', messages: [] });
    expect(await run(sim, get('nope', 'ack_requeue_true'))).toEqual({ op: 'get', error: "NOT_FOUND - no queue 'nope' in vhost '/'" });
  });
});

describe('Overview', () => {
  it('totals, messages and rates per virtual second, from the broker', async () => {
    const sim = await Simulation.create(presetDoc('work-queues'));
    sim.management.overview();
    const before = sim.broker.stats().total;
    await sim.advance(5_000);
    const o = sim.management.overview();
    const after = sim.broker.stats().total;
    expect(o.totals).toMatchObject({ queues: 1, consumers: 2 });
    expect(o.totals.connections).toBe(3);
    expect(o.totals.exchanges).toBe(7); // the default exchange and the six amq.* ones
    expect(o.messages.total).toBe(o.messages.ready + o.messages.unacked);
    expect(o.rates.publish).toBe((after.published - before.published) / 5); // new_task publishes 2 msg/s
    expect(o.rates.publish).toBeGreaterThan(1.5);
    expect(o.rates.ack).toBe((after.acked - before.acked) / 5);
    expect(o.rates.get).toBe(0);
    expect(o.nodes).toEqual([{ name: 'rabbit@localhost', running: true, memory: expect.any(Object), disk: expect.any(Object), alarms: [] }]);
  });
});
