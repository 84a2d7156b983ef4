/**
 * The engine's typed trace: the events (trace-events.ts) and the ring that keeps them.
 *
 * The ring keeps the message events (published, routed, enqueued, delivered, acked …: several per
 * message) as columns, not as objects: an event object kept in a ring of thousands lives long enough to
 * be promoted to the old heap, and collecting those cost the engine more than half its speed with the
 * trace on. An event becomes an object again only when someone reads it (a subscriber, `drain`,
 * `events`), with its keys in the order its emitter wrote them (see `read`); other events are kept as
 * the objects they were emitted as.
 */

import type { BindingRef, TraceEvent, TraceInput } from './trace-events';
import { COPY } from './copy';
import { ACKED, CONFIRMED, DELIVERED, DROPPED, ENQUEUED, EXPIRED, NACKED, OBJECT, PUBLISHED, REJECTED, REQUEUED, ROUTED, TraceColumns, UNROUTABLE } from './trace-columns';

export type * from './trace-events';

/** The bindings of a route through the default exchange (read as a copy, like every event's arrays). */
const NO_BINDINGS: readonly BindingRef[] = Object.freeze([]);

/** A bounded ring buffer of trace events with a drain cursor and subscribers. */
export class TraceLog extends TraceColumns {
  /** Slot of the oldest event. */
  private start = 0;
  private count = 0;
  private nextSeq = 0;
  private drainedSeq = 0;
  /** Events that fell out of the ring before anyone drained them. */
  lost = 0;
  private subscribers: ((e: TraceEvent) => void)[] = [];

  constructor(readonly limit: number, private readonly clock: { readonly now: number }, public enabled = true, firstCapacity?: number) {
    if (!Number.isInteger(limit) || limit < 1) throw new TypeError('traceLimit must be a positive integer');
    super(limit, firstCapacity);
  }

  /** Records one event (a no-op when detailed tracing is off). */
  emit(e: TraceInput): void {
    // the events of every message go to their own recorders, which take fields, not an object (where
    // the type is known, at every call site, this inlines to the one recorder)
    switch (e.type) {
      case 'published':
        if (e.parentId === undefined) return this.published(e.id, e.vhost, e.exchange, e.routingKey, e.channel, e.size, e.mandatory, e.publishSeq);
        break;
      case 'enqueued':
        return this.enqueued(e.id, e.vhost, e.queue, e.ready);
      case 'delivered':
        return this.delivered(e.id, e.vhost, e.queue, e.channel, e.consumerTag, e.deliveryTag, e.redelivered, e.noAck);
      case 'acked':
        return this.acked(e.id, e.vhost, e.queue, e.channel, e.deliveryTag);
      default:
        break;
    }
    if (!this.enabled) return;
    const i = this.slot();
    this.other(i, e);
    if (this.subscribers.length !== 0) this.notify(i);
  }

  /**
   * The recorders of the events of every message: each the same as emit({ type, …fields }) with the
   * fields in the event's order, without the object, which a call site would make only to have it
   * copied here (V8 cannot leave it out while emit may keep an event whole).
   */
  published(id: number, vhost: string, exchange: string, routingKey: string, channel: number, size: number, mandatory: boolean, publishSeq?: number): void {
    if (!this.enabled) return;
    const i = this.slot();
    this.kind[i] = PUBLISHED;
    this.n0[i] = id;
    this.n1[i] = channel;
    this.n2[i] = size;
    this.n3[i] = publishSeq === undefined ? NaN : publishSeq;
    this.r0[i] = vhost;
    this.r1[i] = exchange;
    this.r2[i] = routingKey;
    this.r3[i] = mandatory;
    if (this.subscribers.length !== 0) this.notify(i);
  }

  enqueued(id: number, vhost: string, queue: string, ready: number): void {
    if (!this.enabled) return;
    const i = this.slot();
    this.kind[i] = ENQUEUED;
    this.n0[i] = id;
    this.n1[i] = ready;
    this.r0[i] = vhost;
    this.r1[i] = queue;
    if (this.subscribers.length !== 0) this.notify(i);
  }

  delivered(id: number, vhost: string, queue: string, channel: number, consumerTag: string | null, deliveryTag: number, redelivered: boolean, noAck: boolean): void {
    if (!this.enabled) return;
    const i = this.slot();
    this.kind[i] = DELIVERED;
    this.n0[i] = id;
    this.n1[i] = channel;
    this.n2[i] = deliveryTag;
    this.n3[i] = (redelivered ? 1 : 0) | (noAck ? 2 : 0);
    this.r0[i] = vhost;
    this.r1[i] = queue;
    this.r2[i] = consumerTag;
    if (this.subscribers.length !== 0) this.notify(i);
  }

  acked(id: number, vhost: string, queue: string, channel: number, deliveryTag: number): void {
    if (!this.enabled) return;
    const i = this.slot();
    this.kind[i] = ACKED;
    this.n0[i] = id;
    this.n1[i] = channel;
    this.n2[i] = deliveryTag;
    this.r0[i] = vhost;
    this.r1[i] = queue;
    if (this.subscribers.length !== 0) this.notify(i);
  }

  /**
   * The same as emit({ type: 'routed', … }) made from the router's own lists, mapped to names only
   * when the event is read: a publish to one queue through one binding (or none: the default
   * exchange) makes no array at all.
   */
  routed(id: number, vhost: string, exchange: string, bindings: readonly { ref(): BindingRef }[], queues: readonly { readonly name: string }[], alternate?: string): void {
    if (!this.enabled) return;
    if (alternate !== undefined || bindings.length > 1 || queues.length !== 1) {
      const e: TraceInput = { type: 'routed', id, vhost, exchange, bindings: bindings.map((b) => b.ref()), queues: queues.map((q) => q.name) };
      if (alternate !== undefined) e.alternate = alternate;
      return this.emit(e);
    }
    const i = this.slot();
    this.kind[i] = ROUTED;
    this.n0[i] = id;
    this.r0[i] = vhost;
    this.r1[i] = exchange;
    this.r2[i] = bindings.length === 1 ? bindings[0].ref() : NO_BINDINGS;
    this.r3[i] = queues[0].name;
    if (this.subscribers.length !== 0) this.notify(i);
  }

  /**
   * A copy of the run (copy.ts) takes the trace's place in the sequence, its subscribers and what it
   * counted, but not the ring: the ring is the past, kept for readers, and up to `limit` events of it
   * in every checkpoint would cost more than the rest of the run. The copy's ring starts empty.
   */
  [COPY](copy: <T>(value: T) => T): TraceLog {
    const c = new TraceLog(this.limit, copy(this.clock), this.enabled, 1);
    c.nextSeq = c.drainedSeq = this.nextSeq;
    c.lost = this.lost;
    c.subscribers = copy(this.subscribers);
    return c;
  }

  /** Events recorded since the previous drain (those still in the ring), oldest first. */
  drain(): TraceEvent[] {
    const first = this.nextSeq - this.count;
    const out = this.from(Math.max(0, this.drainedSeq - first));
    this.drainedSeq = this.nextSeq;
    return out;
  }

  /** Every event still in the ring, oldest first (does not move the drain cursor). */
  events(): TraceEvent[] {
    return this.from(0);
  }

  /** Calls `cb` for every event from now on; returns an unsubscribe function. */
  subscribe(cb: (e: TraceEvent) => void): () => void {
    this.subscribers.push(cb);
    return () => {
      const i = this.subscribers.indexOf(cb);
      if (i >= 0) this.subscribers.splice(i, 1);
    };
  }

  /** The events from the `k`-th oldest in the ring on, as objects. */
  private from(k: number): TraceEvent[] {
    const out: TraceEvent[] = [];
    const first = this.nextSeq - this.count;
    for (; k < this.count; k++) {
      const i = this.start + k;
      out.push(this.read(i < this.limit ? i : i - this.limit, first + k));
    }
    return out;
  }

  /** The slot for the next event (stamped with its time), making room in the ring. */
  private slot(): number {
    const seq = this.nextSeq++;
    let i: number;
    if (this.count === this.limit) {
      i = this.start;
      if (seq - this.limit >= this.drainedSeq) this.lost++;
      this.start = i + 1 === this.limit ? 0 : i + 1;
    } else {
      // until the ring is full its oldest event is in slot 0
      i = this.count++;
      if (i === this.capacity) this.grow(this.limit);
    }
    this.time[i] = this.clock.now;
    return i;
  }

  private notify(i: number): void {
    const ev = this.read(i, this.nextSeq - 1);
    for (const s of this.subscribers) s(ev);
  }


  private putRouted(i: number, e: Extract<TraceInput, { type: 'routed' }>): void {
    if (e.alternate !== undefined) return this.object(i, e);
    this.kind[i] = ROUTED;
    this.n0[i] = e.id;
    this.r0[i] = e.vhost;
    this.r1[i] = e.exchange;
    // one binding to one queue (the usual case) keeps no array: the ref is the binding's own
    this.r2[i] = e.bindings.length === 1 ? e.bindings[0] : e.bindings;
    this.r3[i] = e.queues.length === 1 ? e.queues[0] : e.queues;
  }



  private settled(i: number, e: Extract<TraceInput, { type: 'nacked' | 'rejected' }>): void {
    this.kind[i] = e.type === 'nacked' ? NACKED : REJECTED;
    this.n0[i] = e.id;
    this.n1[i] = e.channel;
    this.n2[i] = e.deliveryTag;
    this.n3[i] = e.requeue ? 1 : 0;
    this.r0[i] = e.vhost;
    this.r1[i] = e.queue;
  }

  /** The other message events, in columns too; any other event as the object. */
  private other(i: number, e: TraceInput): void {
    switch (e.type) {
      case 'published':
        return this.object(i, e);
      case 'routed':
        return this.putRouted(i, e);
      case 'nacked':
      case 'rejected':
        return this.settled(i, e);
      case 'unroutable':
        return this.named(i, UNROUTABLE, e.id, e.vhost, e.exchange, null);
      case 'expired':
        return this.named(i, EXPIRED, e.id, e.vhost, e.queue, null);
      case 'dropped':
        return this.named(i, DROPPED, e.id, e.vhost, e.queue, e.reason);
      case 'requeued':
        return this.named(i, REQUEUED, e.id, e.vhost, e.queue, e.cause);
      case 'confirmed':
        return this.confirmed(i, e);
      default:
        return this.object(i, e);
    }
  }

  private named(i: number, kind: number, id: number, vhost: string, name: string | null, why: string | null): void {
    this.kind[i] = kind;
    this.n0[i] = id;
    this.r0[i] = vhost;
    this.r1[i] = name;
    this.r2[i] = why;
  }

  private confirmed(i: number, e: Extract<TraceInput, { type: 'confirmed' }>): void {
    this.kind[i] = CONFIRMED;
    this.n0[i] = e.id;
    this.n1[i] = e.channel;
    this.n2[i] = e.publishSeq;
    this.n3[i] = e.ack ? 1 : 0;
    this.r0[i] = e.vhost;
  }

  /** Any other event: kept as the object it was emitted as, stamped. */
  private object(i: number, e: TraceInput): void {
    const ev = e as TraceEvent;
    ev.t = this.time[i];
    ev.seq = this.nextSeq - 1;
    this.kind[i] = OBJECT;
    this.r0[i] = ev;
    // what an earlier event left in the other slots would only keep it alive
    this.r1[i] = this.r2[i] = this.r3[i] = undefined;
  }
}
