import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TraceLog, type BindingRef, type TraceInput } from './trace';

const binding: BindingRef = Object.freeze({ source: 'x', destination: 'q1', destinationType: 'queue', routingKey: 'k' });
const binding2: BindingRef = Object.freeze({ source: 'x', destination: 'q2', destinationType: 'queue', routingKey: '#', arguments: { a: 1 } });
const name = fc.constantFrom('q1', 'q2', 'x', '', 'amq.rabbitmq.reply-to');
const int = fc.nat({ max: 1_000_000 });

/** Every event type, with the fields in the order the engine's emitters write them (and the optional ones). */
const event: fc.Arbitrary<TraceInput> = fc.oneof(
  fc.record({ id: int, vhost: name, exchange: name, routingKey: name, channel: int, size: int, mandatory: fc.boolean(), seq: fc.option(fc.integer({ min: 1, max: 99 }), { nil: undefined }), parent: fc.option(int, { nil: undefined }) }).map(({ seq, parent, ...r }) => {
    const e: TraceInput = { type: 'published', id: r.id, vhost: r.vhost, exchange: r.exchange, routingKey: r.routingKey, channel: r.channel, size: r.size, mandatory: r.mandatory };
    if (seq !== undefined) e.publishSeq = seq;
    if (parent !== undefined) e.parentId = parent;
    return e;
  }),
  fc.record({ id: int, vhost: name, exchange: name, shape: fc.nat({ max: 3 }), alternate: fc.option(name, { nil: undefined }) }).map(({ id, vhost, exchange, shape, alternate }) => {
    const bindings = [[], [binding], [binding, binding2], [binding2]][shape];
    const queues = [['q1'], ['q1'], ['q1', 'q2'], ['q2', 'q1', 'q3']][shape];
    const e: TraceInput = { type: 'routed', id, vhost, exchange, bindings: bindings.map((b) => b), queues: queues.map((q) => q) };
    if (alternate !== undefined) e.alternate = alternate;
    return e;
  }),
  fc.record({ id: int, vhost: name, exchange: name }).map((r): TraceInput => ({ type: 'unroutable', id: r.id, vhost: r.vhost, exchange: r.exchange })),
  fc.record({ id: int, vhost: name, queue: name, ready: int }).map((r): TraceInput => ({ type: 'enqueued', id: r.id, vhost: r.vhost, queue: r.queue, ready: r.ready })),
  fc.record({ id: int, vhost: name, queue: fc.option(name), reason: fc.constantFrom('maxlen' as const, 'expired' as const) }).map((r): TraceInput => ({ type: 'dropped', id: r.id, vhost: r.vhost, queue: r.queue, reason: r.reason })),
  fc.record({ id: int, vhost: name, queue: name, channel: int, consumerTag: fc.option(name), deliveryTag: int, redelivered: fc.boolean(), noAck: fc.boolean() }).map(
    (r): TraceInput => ({ type: 'delivered', id: r.id, vhost: r.vhost, queue: r.queue, channel: r.channel, consumerTag: r.consumerTag, deliveryTag: r.deliveryTag, redelivered: r.redelivered, noAck: r.noAck }),
  ),
  fc.record({ id: int, vhost: name, queue: name, channel: int, deliveryTag: int }).map((r): TraceInput => ({ type: 'acked', id: r.id, vhost: r.vhost, queue: r.queue, channel: r.channel, deliveryTag: r.deliveryTag })),
  fc.record({ type: fc.constantFrom('nacked' as const, 'rejected' as const), id: int, vhost: name, queue: name, channel: int, deliveryTag: int, requeue: fc.boolean() }).map(
    (r): TraceInput => ({ type: r.type, id: r.id, vhost: r.vhost, queue: r.queue, channel: r.channel, deliveryTag: r.deliveryTag, requeue: r.requeue }),
  ),
  fc.record({ id: int, vhost: name, queue: name, cause: fc.constantFrom('nack' as const, 'recover' as const) }).map((r): TraceInput => ({ type: 'requeued', id: r.id, vhost: r.vhost, queue: r.queue, cause: r.cause })),
  fc.record({ id: int, vhost: name, queue: name }).map((r): TraceInput => ({ type: 'expired', id: r.id, vhost: r.vhost, queue: r.queue })),
  fc.record({ vhost: name, channel: int, publishSeq: int, ack: fc.boolean(), id: int }).map((r): TraceInput => ({ type: 'confirmed', vhost: r.vhost, channel: r.channel, publishSeq: r.publishSeq, ack: r.ack, id: r.id })),
  fc.record({ id: int, vhost: name, queue: name, newId: int }).map((r): TraceInput => ({ type: 'dead-lettered', id: r.id, vhost: r.vhost, queue: r.queue, reason: 'expired', newId: r.newId, exchange: 'dlx', routingKeys: ['a', 'b'] })),
  fc.record({ node: name }).map((r): TraceInput => ({ type: 'node-down', node: r.node })),
  fc.record({ vhost: name, queue: name }).map((r): TraceInput => ({ type: 'queue-declared', vhost: r.vhost, queue: r.queue, durable: true, exclusive: false, autoDelete: false, arguments: { 'x-max-length': 3 } })),
);

/** The trace as it was before the columns: the emitted object, stamped, in a ring of objects. */
class ReferenceLog {
  ring: string[] = [];
  seq = 0;
  drained = 0;
  lost = 0;
  constructor(readonly limit: number) {}
  emit(e: TraceInput, t: number): string {
    const json = JSON.stringify({ ...e, t, seq: this.seq++ });
    this.ring.push(json);
    if (this.ring.length > this.limit) {
      this.ring.shift();
      if (this.seq - 1 - this.limit >= this.drained) this.lost++;
    }
    return json;
  }
  drain(): string[] {
    const first = this.seq - this.ring.length;
    const out = this.ring.slice(Math.max(0, this.drained - first));
    this.drained = this.seq;
    return out;
  }
}

const json = (events: readonly unknown[]) => events.map((e) => JSON.stringify(e));

/** Records `e` by its own recorder, as the engine's call sites do, when it has one. */
function record(log: TraceLog, e: TraceInput): boolean {
  switch (e.type) {
    case 'routed':
      log.routed(e.id, e.vhost, e.exchange, e.bindings.map((b) => ({ ref: () => b })), e.queues.map((name) => ({ name })), e.alternate);
      return true;
    case 'published':
      if (e.parentId !== undefined) return false;
      log.published(e.id, e.vhost, e.exchange, e.routingKey, e.channel, e.size, e.mandatory, e.publishSeq);
      return true;
    case 'enqueued':
      log.enqueued(e.id, e.vhost, e.queue, e.ready);
      return true;
    case 'delivered':
      log.delivered(e.id, e.vhost, e.queue, e.channel, e.consumerTag, e.deliveryTag, e.redelivered, e.noAck);
      return true;
    case 'acked':
      log.acked(e.id, e.vhost, e.queue, e.channel, e.deliveryTag);
      return true;
    default:
      return false;
  }
}

describe('TraceLog', () => {
  it('gives back every event as emitted (same keys in the same order, t and seq last), through a subscriber, drain and events, across wrap-around and growth, emitted or by their recorders', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 3000 }),
        fc.array(fc.tuple(event, fc.nat({ max: 2 }), fc.nat({ max: 40 })), { maxLength: 60 }),
        fc.nat({ max: 2500 }),
        (limit, steps, filler) => {
          const clock = { now: 0 };
          const log = new TraceLog(limit, clock);
          const ref = new ReferenceLog(limit);
          const seen: string[] = [];
          const want: string[] = [];
          log.subscribe((e) => seen.push(JSON.stringify(e)));
          // many cheap events first, so that small rings wrap and large ones grow their columns
          for (let i = 0; i < filler; i++) {
            const e: TraceInput = { type: 'acked', id: i, vhost: '/', queue: 'q', channel: 1, deliveryTag: i };
            want.push(ref.emit(e, clock.now));
            log.emit({ ...e });
          }
          for (const [e, action, dt] of steps) {
            clock.now += dt;
            want.push(ref.emit(e, clock.now));
            // the events of every message also by their recorders (routed() from the router's lists)
            if (dt % 2 === 0 && record(log, e)) continue;
            log.emit(structuredClone(e));
            if (action === 1) expect(json(log.drain())).toEqual(ref.drain());
            if (action === 2) expect(json(log.events())).toEqual(ref.ring);
          }
          expect(seen).toEqual(want);
          expect(json(log.events())).toEqual(ref.ring);
          expect(json(log.drain())).toEqual(ref.drain());
          expect(log.lost).toBe(ref.lost);
          expect(log.drain()).toEqual([]);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('records nothing when disabled', () => {
    const log = new TraceLog(10, { now: 0 }, false);
    log.emit({ type: 'node-up', node: 'a' });
    expect(log.events()).toEqual([]);
  });

  it('a routed event read twice gives arrays of its own each time (a reader cannot change the ring)', () => {
    const log = new TraceLog(10, { now: 0 });
    log.emit({ type: 'routed', id: 1, vhost: '/', exchange: 'x', bindings: [binding, binding2], queues: ['q1', 'q2'] });
    const [a] = log.events();
    if (a.type !== 'routed') throw new Error(a.type);
    a.queues.push('zzz');
    const [b] = log.events();
    expect(b.type === 'routed' && b.queues).toEqual(['q1', 'q2']);
  });
});
