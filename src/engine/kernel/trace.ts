/**
 * The engine's typed trace.
 *
 * Message identity: every published message gets a numeric `id` that it keeps from publish to its
 * end. When one publish reaches several queues, each queue holds a copy that is identified by the
 * pair (`id`, `queue`): all events after routing name the queue, so the UI can follow one copy.
 * A dead-lettered message is a new message: it gets a new `id` and `parentId` = the id it came
 * from (the `dead-lettered` event carries both).
 *
 * Every event has `t` (virtual ms) and `seq` (a broker-wide counter). The trace kept in memory is
 * a bounded ring (`traceLimit`); counters (`broker.stats()`) are never bounded.
 *
 * The ring keeps the message events (published, routed, enqueued, delivered, acked …: several per
 * message) as columns, not as objects: an event object kept in a ring of thousands lives long enough to
 * be promoted to the old heap, and collecting those cost the engine more than half its speed with the
 * trace on. An event becomes an object again only when someone reads it (a subscriber, `drain`,
 * `events`), with its keys in the order its emitter wrote them (see `read`); other events are kept as
 * the objects they were emitted as.
 */

/** A binding as the trace and explainRoute name it. */
export interface BindingRef {
  source: string;
  destination: string;
  destinationType: 'queue' | 'exchange';
  routingKey: string;
  arguments?: Record<string, unknown>;
}

export type DropReason =
  | 'maxlen' | 'maxlen-bytes' | 'expired' | 'rejected' | 'reject-publish' | 'no-dlx-target'
  | 'dlx-cycle' | 'delivery-limit' | 'queue-deleted' | 'purged' | 'node-down' | 'restart';

export type QueueDeleteReason = 'delete' | 'exclusive-owner-closed' | 'auto-delete' | 'expires' | 'node-down' | 'restart' | 'vhost-deleted';

export type ConsumerCancelReason = 'cancel' | 'channel-closed' | 'queue-deleted' | 'queue-down' | 'failover';

export type DeadLetterReason = 'expired' | 'rejected' | 'maxlen' | 'delivery_limit';

interface Base { t: number; seq: number }
interface MsgBase extends Base { id: number; vhost: string }

export type TraceEvent =
  | (MsgBase & { type: 'published'; exchange: string; routingKey: string; channel: number; size: number; mandatory: boolean; publishSeq?: number; parentId?: number })
  | (MsgBase & { type: 'routed'; exchange: string; bindings: BindingRef[]; queues: string[]; alternate?: string })
  | (MsgBase & { type: 'unroutable'; exchange: string })
  | (MsgBase & { type: 'returned'; exchange: string; routingKey: string; channel: number; replyCode: number; replyText: string })
  | (MsgBase & { type: 'enqueued'; queue: string; ready: number })
  | (MsgBase & { type: 'dropped'; queue: string | null; reason: DropReason })
  // a Direct Reply-to reply is 'delivered' from the pseudo-queue `amq.rabbitmq.reply-to` (no queue holds it)
  | (MsgBase & { type: 'delivered'; queue: string; channel: number; consumerTag: string | null; deliveryTag: number; redelivered: boolean; noAck: boolean })
  | (MsgBase & { type: 'acked'; queue: string; channel: number; deliveryTag: number })
  | (MsgBase & { type: 'nacked'; queue: string; channel: number; deliveryTag: number; requeue: boolean })
  | (MsgBase & { type: 'rejected'; queue: string; channel: number; deliveryTag: number; requeue: boolean })
  | (MsgBase & { type: 'requeued'; queue: string; cause: 'nack' | 'reject' | 'channel-closed' | 'recover' | 'cancel' })
  | (MsgBase & { type: 'expired'; queue: string })
  | (MsgBase & { type: 'dead-lettered'; queue: string; reason: DeadLetterReason; newId: number; exchange: string; routingKeys: string[] })
  | (Base & { type: 'confirmed'; vhost: string; channel: number; publishSeq: number; ack: boolean; id: number })
  | (Base & { type: 'queue-declared'; vhost: string; queue: string; durable: boolean; exclusive: boolean; autoDelete: boolean; arguments: Record<string, unknown> })
  | (Base & { type: 'queue-deleted'; vhost: string; queue: string; reason: QueueDeleteReason })
  | (Base & { type: 'queue-purged'; vhost: string; queue: string; count: number })
  | (Base & { type: 'exchange-declared'; vhost: string; exchange: string; exchangeType: string; durable: boolean; autoDelete: boolean; internal: boolean })
  | (Base & { type: 'exchange-deleted'; vhost: string; exchange: string; reason: 'delete' | 'auto-delete' })
  | (Base & { type: 'binding-created'; vhost: string; binding: BindingRef })
  | (Base & { type: 'binding-deleted'; vhost: string; binding: BindingRef })
  | (Base & { type: 'consumer-added'; vhost: string; queue: string; channel: number; consumerTag: string; noAck: boolean; exclusive: boolean; priority: number })
  | (Base & { type: 'consumer-cancelled'; vhost: string; queue: string; channel: number; consumerTag: string; reason: ConsumerCancelReason })
  | (Base & { type: 'channel-opened'; channel: number; connection: number; confirm: boolean })
  | (Base & { type: 'channel-closed'; channel: number; connection: number; code: number | null; text: string | null })
  | (Base & { type: 'channel-error'; channel: number; connection: number; code: number; text: string })
  | (Base & { type: 'connection-opened'; connection: number; user: string; vhost: string; node: string })
  | (Base & { type: 'connection-closed'; connection: number; code: number | null; text: string | null })
  | (Base & { type: 'connection-error'; connection: number; code: number; text: string })
  | (Base & { type: 'alarm-set' | 'alarm-cleared'; resource: 'memory' | 'disk' })
  | (Base & { type: 'connection-blocked'; connection: number; reason: string })
  | (Base & { type: 'connection-unblocked'; connection: number })
  | (Base & { type: 'broker-restarted' })
  | (Base & { type: 'policy-set'; vhost: string; name: string; pattern: string; applyTo: string; priority: number; definition: Record<string, unknown> })
  | (Base & { type: 'policy-cleared'; vhost: string; name: string })
  | (Base & { type: 'node-down' | 'node-up'; node: string })
  | (Base & { type: 'leader-elected'; vhost: string; queue: string; node: string; queueType: 'quorum' | 'classic' })
  | (Base & { type: 'queue-down' | 'queue-up'; vhost: string; queue: string; node: string });

export type TraceEventType = TraceEvent['type'];

/** Distributes Omit over the union so each event keeps its own fields. */
export type TraceInput = TraceEvent extends infer E ? (E extends TraceEvent ? Omit<E, 't' | 'seq'> : never) : never;

/** How one ring slot holds its event: as the emitted object, or in columns laid out per type. */
const OBJECT = 0;
const PUBLISHED = 1;
const ROUTED = 2;
const UNROUTABLE = 3;
const ENQUEUED = 4;
const DROPPED = 5;
const DELIVERED = 6;
const ACKED = 7;
const NACKED = 8;
const REJECTED = 9;
const REQUEUED = 10;
const EXPIRED = 11;
const CONFIRMED = 12;

/** Slots the columns start with; they double as events come, up to the ring's limit. */
const FIRST_CAPACITY = 1024;

/** A bounded ring buffer of trace events with a drain cursor and subscribers. */
export class TraceLog {
  private capacity: number;
  private kind: Uint8Array;
  private time: Float64Array;
  /** Numbers of the event (id, channel, delivery tag, …), booleans as 0 and 1. */
  private n0: Float64Array;
  private n1: Float64Array;
  private n2: Float64Array;
  private n3: Float64Array;
  /** Strings and objects of the event (vhost, queue, exchange, …), or the event itself (OBJECT). */
  private r0: unknown[];
  private r1: unknown[];
  private r2: unknown[];
  private r3: unknown[];
  /** Slot of the oldest event. */
  private start = 0;
  private count = 0;
  private nextSeq = 0;
  private drainedSeq = 0;
  /** Events that fell out of the ring before anyone drained them. */
  lost = 0;
  private subscribers: ((e: TraceEvent) => void)[] = [];

  constructor(readonly limit: number, private readonly now: () => number, public enabled = true) {
    if (!Number.isInteger(limit) || limit < 1) throw new TypeError('traceLimit must be a positive integer');
    const n = (this.capacity = Math.min(limit, FIRST_CAPACITY));
    this.kind = new Uint8Array(n);
    this.time = new Float64Array(n);
    this.n0 = new Float64Array(n);
    this.n1 = new Float64Array(n);
    this.n2 = new Float64Array(n);
    this.n3 = new Float64Array(n);
    this.r0 = new Array<unknown>(n);
    this.r1 = new Array<unknown>(n);
    this.r2 = new Array<unknown>(n);
    this.r3 = new Array<unknown>(n);
  }

  /** Records one event (a no-op when detailed tracing is off). */
  emit(e: TraceInput): void {
    if (!this.enabled) return;
    const i = this.slot();
    // small, with the five events of every message, so that where the type is known (every call
    // site) it inlines to the one writer and the event literal need not be made at all
    switch (e.type) {
      case 'published':
        this.published(i, e);
        break;
      case 'routed':
        this.routed(i, e);
        break;
      case 'enqueued':
        this.enqueued(i, e);
        break;
      case 'delivered':
        this.delivered(i, e);
        break;
      case 'acked':
        this.settled(i, e);
        break;
      default:
        this.other(i, e);
    }
    if (this.subscribers.length !== 0) this.notify(i);
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

  private grow(): void {
    const n = Math.min(this.limit, this.capacity * 2);
    const num = (a: Float64Array) => {
      const b = new Float64Array(n);
      b.set(a);
      return b;
    };
    const kind = new Uint8Array(n);
    kind.set(this.kind);
    this.kind = kind;
    this.time = num(this.time);
    this.n0 = num(this.n0);
    this.n1 = num(this.n1);
    this.n2 = num(this.n2);
    this.n3 = num(this.n3);
    for (const r of [this.r0, this.r1, this.r2, this.r3]) r.length = n;
    this.capacity = n;
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
      if (i === this.capacity) this.grow();
    }
    this.time[i] = this.now();
    return i;
  }

  private notify(i: number): void {
    const ev = this.read(i, this.nextSeq - 1);
    for (const s of this.subscribers) s(ev);
  }

  private published(i: number, e: Extract<TraceInput, { type: 'published' }>): void {
    if (e.parentId !== undefined) return this.object(i, e);
    this.kind[i] = PUBLISHED;
    this.n0[i] = e.id;
    this.n1[i] = e.channel;
    this.n2[i] = e.size;
    this.n3[i] = e.publishSeq === undefined ? NaN : e.publishSeq;
    this.r0[i] = e.vhost;
    this.r1[i] = e.exchange;
    this.r2[i] = e.routingKey;
    this.r3[i] = e.mandatory;
  }

  private routed(i: number, e: Extract<TraceInput, { type: 'routed' }>): void {
    if (e.alternate !== undefined) return this.object(i, e);
    this.kind[i] = ROUTED;
    this.n0[i] = e.id;
    this.r0[i] = e.vhost;
    this.r1[i] = e.exchange;
    // one binding to one queue (the usual case) keeps no array: the ref is the binding's own
    this.r2[i] = e.bindings.length === 1 ? e.bindings[0] : e.bindings;
    this.r3[i] = e.queues.length === 1 ? e.queues[0] : e.queues;
  }

  private enqueued(i: number, e: Extract<TraceInput, { type: 'enqueued' }>): void {
    this.kind[i] = ENQUEUED;
    this.n0[i] = e.id;
    this.n1[i] = e.ready;
    this.r0[i] = e.vhost;
    this.r1[i] = e.queue;
  }

  private delivered(i: number, e: Extract<TraceInput, { type: 'delivered' }>): void {
    this.kind[i] = DELIVERED;
    this.n0[i] = e.id;
    this.n1[i] = e.channel;
    this.n2[i] = e.deliveryTag;
    this.n3[i] = (e.redelivered ? 1 : 0) | (e.noAck ? 2 : 0);
    this.r0[i] = e.vhost;
    this.r1[i] = e.queue;
    this.r2[i] = e.consumerTag;
  }

  private settled(i: number, e: Extract<TraceInput, { type: 'acked' | 'nacked' | 'rejected' }>): void {
    this.kind[i] = e.type === 'acked' ? ACKED : e.type === 'nacked' ? NACKED : REJECTED;
    this.n0[i] = e.id;
    this.n1[i] = e.channel;
    this.n2[i] = e.deliveryTag;
    this.n3[i] = e.type !== 'acked' && e.requeue ? 1 : 0;
    this.r0[i] = e.vhost;
    this.r1[i] = e.queue;
  }

  /** The other message events, in columns too; any other event as the object. */
  private other(i: number, e: TraceInput): void {
    switch (e.type) {
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

  /** The event in slot `i` as an object, keys in the order of its emitter's literal, then `t` and `seq`. */
  private read(i: number, seq: number): TraceEvent {
    const t = this.time[i];
    const vhost = this.r0[i] as string;
    switch (this.kind[i]) {
      case PUBLISHED: {
        const e: TraceEvent = { type: 'published', id: this.n0[i], vhost, exchange: this.r1[i] as string, routingKey: this.r2[i] as string, channel: this.n1[i], size: this.n2[i], mandatory: this.r3[i] as boolean } as TraceEvent & { type: 'published' };
        const ps = this.n3[i];
        if (ps === ps) (e as { publishSeq?: number }).publishSeq = ps;
        e.t = t;
        e.seq = seq;
        return e;
      }
      case ROUTED: {
        const b = this.r2[i] as BindingRef | BindingRef[];
        const q = this.r3[i] as string | string[];
        return { type: 'routed', id: this.n0[i], vhost, exchange: this.r1[i] as string, bindings: Array.isArray(b) ? b.slice() : [b], queues: Array.isArray(q) ? q.slice() : [q], t, seq };
      }
      case UNROUTABLE:
        return { type: 'unroutable', id: this.n0[i], vhost, exchange: this.r1[i] as string, t, seq };
      case EXPIRED:
        return { type: 'expired', id: this.n0[i], vhost, queue: this.r1[i] as string, t, seq };
      case ENQUEUED:
        return { type: 'enqueued', id: this.n0[i], vhost, queue: this.r1[i] as string, ready: this.n1[i], t, seq };
      case DROPPED:
        return { type: 'dropped', id: this.n0[i], vhost, queue: this.r1[i] as string | null, reason: this.r2[i] as DropReason, t, seq };
      case REQUEUED:
        return { type: 'requeued', id: this.n0[i], vhost, queue: this.r1[i] as string, cause: this.r2[i] as 'nack', t, seq };
      case DELIVERED: {
        const f = this.n3[i];
        return { type: 'delivered', id: this.n0[i], vhost, queue: this.r1[i] as string, channel: this.n1[i], consumerTag: this.r2[i] as string | null, deliveryTag: this.n2[i], redelivered: (f & 1) !== 0, noAck: (f & 2) !== 0, t, seq };
      }
      case ACKED:
        return { type: 'acked', id: this.n0[i], vhost, queue: this.r1[i] as string, channel: this.n1[i], deliveryTag: this.n2[i], t, seq };
      case NACKED:
      case REJECTED:
        return { type: this.kind[i] === NACKED ? 'nacked' : 'rejected', id: this.n0[i], vhost, queue: this.r1[i] as string, channel: this.n1[i], deliveryTag: this.n2[i], requeue: this.n3[i] === 1, t, seq };
      case CONFIRMED:
        return { type: 'confirmed', vhost, channel: this.n1[i], publishSeq: this.n2[i], ack: this.n3[i] === 1, id: this.n0[i], t, seq };
      default:
        return this.r0[i] as TraceEvent;
    }
  }
}
