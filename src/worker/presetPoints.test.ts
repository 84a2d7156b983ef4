/**
 * Every preset listed here shows its point within the first three seconds of Play: a learner who
 * presses Play sees the thing the lesson is about before losing interest. Each entry names the
 * event that is the point (a reject in the retry loop, a copy in every queue, a refused consumer...).
 */
import { describe, expect, it } from 'vitest';
import type { TraceEvent } from '../engine';
import { Simulation } from './simulation';
import { presetDoc } from './test-helpers';

/** Whether `e` (at index `i` of the run's events `all`) makes the point. */
type Point = (e: TraceEvent, i: number, all: TraceEvent[]) => boolean;
const inQueue = (type: TraceEvent['type'], queue: string): Point => (e) => e.type === type && 'queue' in e && e.queue === queue;

/** A delivery from `queue` of a message that overtook one enqueued earlier and still waiting there. */
const overtakes =
  (queue: string): Point =>
  (e, i, all) =>
    e.type === 'delivered' &&
    e.queue === queue &&
    all.some((w) => w.type === 'enqueued' && w.queue === queue && w.id < e.id && w.t < e.t && !all.slice(0, i).some((d) => d.type === 'delivered' && d.id === w.id));

/** Preset → the events that make its point (all of them must have happened). */
const POINTS: Record<string, Point[]> = {
  'hello-world': [inQueue('delivered', 'hello')],
  'work-queues': [inQueue('delivered', 'task_queue')],
  'fair-dispatch': [inQueue('delivered', 'fair'), inQueue('delivered', 'round_robin')],
  'publish-subscribe': [inQueue('enqueued', 'logs.disk'), inQueue('enqueued', 'logs.screen')],
  routing: [inQueue('enqueued', 'all_logs'), inQueue('enqueued', 'errors')],
  topics: [inQueue('enqueued', 'Q1'), inQueue('enqueued', 'Q2')],
  headers: [inQueue('enqueued', 'pdf-reports (all)'), inQueue('enqueued', 'pdf-or-report (any)')],
  // the reply reaches the client over Direct Reply-to: delivered from the pseudo-queue
  rpc: [inQueue('delivered', 'amq.rabbitmq.reply-to')],
  'publisher-confirms': [(e) => e.type === 'confirmed'],
  'ttl-dlx': [inQueue('rejected', 'work'), inQueue('enqueued', 'work.retry-3s')],
  'delay-queue': [inQueue('dead-lettered', 'delay.2s'), inQueue('delivered', 'due.tasks')],
  'max-length': [inQueue('dropped', 'drop-head'), inQueue('enqueued', 'overflowed')],
  'alternate-exchange': [inQueue('enqueued', 'unrouted')],
  'peak-shaving': [inQueue('enqueued', 'orders')],
  vhosts: [inQueue('enqueued', 'orders.created')],
  'delivery-limit': [inQueue('requeued', 'payments')],
  permissions: [(e) => e.type === 'channel-error' && e.code === 403],
  'memory-alarm': [(e) => e.type === 'alarm-set', (e) => e.type === 'connection-blocked'],
  policies: [inQueue('enqueued', 'dead-letters')],
  'durability-restart': [(e) => e.type === 'broker-restarted', inQueue('dropped', 'durable-queue')],
  'cluster-classic-vs-quorum': [(e) => e.type === 'node-down', inQueue('leader-elected', 'quorum'), inQueue('consumer-cancelled', 'classic')],
  priority: [overtakes('jobs')],
  'quorum-majority': [(e) => e.type === 'node-down'],
  'mirrored-failover': [(e) => e.type === 'node-down', inQueue('leader-elected', 'ha.jobs')],
};

describe('a preset shows its point within 3 s of Play', () => {
  it.each(Object.entries(POINTS))('%s', async (id, points) => {
    const sim = await Simulation.create(presetDoc(id));
    await sim.advance(3_000);
    const events = sim.frame().events;
    points.forEach((p, i) => expect(events.some(p), `${id}: point ${i + 1}`).toBe(true));
  });
});
